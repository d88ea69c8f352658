"""The HTTP face of the service: a JSON API (OpenAPI at /openapi.json, docs at /docs) and the web page.

The API is a thin layer over the same code as the CLI: requests are validated
by the catalogue's rules (validation.py) after a schema check of their shape,
runs go to :class:`~benchop_dask.service.RunManager`, results come from the
store. Bad input answers 4xx with a message per fault, never 500. Writes need
``Authorization: Bearer TOKEN`` when a token is configured.

Under load it refuses explicitly rather than absorbing work until something
falls over: a body over the size limit answers 413 unread, a client or a
service with too many unfinished runs 429, a store that cannot take a write
503, both with Retry-After.
"""


import hashlib
import hmac
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

import dask.config
from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt

from . import __version__
from .catalogue import Catalogue, Method
from .evaluation import MethodEvaluator
from .machines import EACH
from .method_store import MethodVersion, NotOwner
from .metrics import ServiceMetrics
from .report import plan_json
from .service import RunManager
from .store import IdempotencyConflict, QueueFull, StoreUnavailable
from .upload import UploadLimits, read_method_archive
from .results import STATUS_ORDER
from .validation import MAX_TOLERANCES, REPEATS_RANGE, TOL_RANGE, BadRequest, RunRequest

WEB = Path(__file__).resolve().parent / "web"
# Who uploaded a method: a name of the uploader's choosing (the token says only that they may write).
OWNER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"
ANONYMOUS = "anonymous"
Number = StrictInt | StrictFloat
ParamValue = Number | list[Number] | list[list[Number]]


@dataclass(frozen=True)
class ServiceLimits:
    """What the HTTP layer bounds: the body it reads, and the wait it asks of refused clients."""

    max_request_bytes: int
    retry_after: int
    uploads: UploadLimits = field(default_factory=UploadLimits.from_config)

    @classmethod
    def from_config(cls) -> "ServiceLimits":
        return cls(max_request_bytes=int(dask.config.get("benchop.service.max-request-bytes")),
                   retry_after=int(dask.config.get("benchop.service.retry-after")),
                   uploads=UploadLimits.from_config())


@dataclass(frozen=True)
class BodyBound:
    """The largest body a request may have, and the setting that says so."""

    limit: int
    setting: str


class BodyLimit:
    """ASGI middleware: a request body over its bound answers 413 before the app reads any of it.

    ``bound`` holds for every path but those of ``by_path`` (method uploads are larger than runs).
    """

    def __init__(self, app, bound: BodyBound, by_path: dict[str, BodyBound] | None = None):
        self.app = app
        self.bound = bound
        self.by_path = by_path or {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        bound = self.by_path.get(scope.get("path", ""), self.bound)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > bound.limit:
                return await self._refuse(send, bound)
            return await self.app(scope, receive, send)
        # No declared length (chunked): read up to the limit, then hand the body on.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return await self.app(scope, _replay([message]), send)
            chunks.append(message)
            size += len(message.get("body", b""))
            more = message.get("more_body", False)
            if size > bound.limit:
                return await self._refuse(send, bound)
        return await self.app(scope, _replay(chunks, receive), send)

    async def _refuse(self, send, bound: BodyBound) -> None:
        body = (f'{{"detail": [{{"loc": ["body"], "msg": "the request body is larger than {bound.limit} bytes '
                f'({bound.setting})", "type": "too_large"}}]}}').encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list, then=None):
    pending = list(messages)

    async def receive():
        if pending:
            return pending.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive


class RunBody(BaseModel):
    """A run request: as `benchop run`, with lists as JSON arrays."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"problems": ["1a-I"], "methods": ["COS", "FD"], "params": {"K": 105, "S": [90, 100, 110]}, "tol": 1e-4,
         "repeat": 3}]})

    problems: list[str] = Field(min_length=1, max_length=50, description="problem ids, e.g. 1a-I")
    methods: list[str] = Field(default=[], max_length=50, description="methods to run; default: all that apply")
    params: dict[str, ParamValue] = Field(default={}, description="parameters; S is a list (problem 6: of pairs)")
    tol: Number | list[Number] | None = Field(
        default=None, description="relative error to reach, or a list of them (the run climbs to the smallest and "
                                  "ranks at each); default: the service's (GET /settings)")
    repeat: StrictInt | None = Field(default=None, description="timed calls of a deciding level after a warm-up; "
                                                              "default: the service's (GET /settings)")
    machine: str | None = Field(default=None, max_length=64,
                                description="only on workers of this machine kind (its label: an OpenStack flavor, "
                                            f"a CPU model); {EACH!r}: a run on every kind at once, to compare")

    def request(self) -> RunRequest:
        return RunRequest(self.problems, self.methods, self.params, self.tol, self.repeat, self.machine)


class RunCreated(BaseModel):
    id: str
    status: str
    url: str
    runs: dict[str, str] | None = Field(default=None, description='with "machine": "each", the run of each kind')
    compare: str | None = Field(default=None, description="where the first two kinds' rankings are compared")


def run_settings() -> dict[str, Any]:
    """GET /settings: what a run takes when it does not say (the benchop.tolerance and benchop.repeats
    settings), the values a request may give, and the order in which unranked results are listed."""
    tol_low, tol_high = TOL_RANGE
    low, high = REPEATS_RANGE
    return {
        "tol": {"default": dask.config.get("benchop.tolerance"), "kind": "number", "min": tol_low,
                "min_inclusive": False, "max": tol_high, "max_inclusive": False, "max_count": MAX_TOLERANCES},
        "repeat": {"default": dask.config.get("benchop.repeats"), "kind": "integer",
                   "min": low, "min_inclusive": True, "max": high, "max_inclusive": True},
        "status_order": list(STATUS_ORDER),
    }


class WebFiles(StaticFiles):
    """The page's files, its ES modules always as JavaScript: a browser runs no module served as
    another type, and the platform's MIME table (the Windows registry, say) may not know .js."""

    def file_response(self, full_path, stat_result, scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        if str(full_path).endswith(".js") and "content-type" in response.headers:
            response.headers["content-type"] = "text/javascript; charset=utf-8"
        return response


def _runs_on_each_machine(runs: dict[str, str]) -> JSONResponse:
    """202 for the runs of one request on each machine kind: the first's id, all of them, and their comparison."""
    ids = list(runs.values())
    body = {"id": ids[0], "status": "queued", "url": f"/runs/{ids[0]}", "runs": runs,
            "compare": f"/compare?a={ids[0]}&b={ids[1]}" if len(ids) > 1 else None}
    return JSONResponse(body, status_code=202, headers={"Location": body["url"]})


def _error(status: int, messages: list[str]) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": ["body"], "msg": m, "type": "value_error"} for m in messages]},
                        status_code=status)


def method_json(method: Method, version: MethodVersion | None = None) -> dict[str, Any]:
    """A method as GET /methods lists it; an uploaded one with its owner, version and evaluation's verdict."""
    out = {"name": method.name, "family": method.family, "title": method.title, "problems": list(method.problems),
           "levels": {"default": method.default_level, "max": method.max_level}, "domain": method.domain.to_json(),
           "uploaded": version is not None}
    if version is not None:
        out |= {"owner": version.owner, "version": version.version, "status": version.status,
                "created": version.created, "summary": version.evaluation.get("summary", []),
                "url": f"/methods/{version.name}"}
    return out


def create_app(manager: RunManager, catalogue: Catalogue, *, token: str | None = None,
               limits: ServiceLimits | None = None, evaluator: MethodEvaluator | None = None) -> FastAPI:
    """The service's application, over a running RunManager (``limits`` None: the configured ones).

    With an ``evaluator`` (and the manager's MethodStore), it takes uploaded methods.
    """
    limits = limits or ServiceLimits.from_config()
    app = FastAPI(title="benchop", version=__version__, docs_url=None, redoc_url=None,
                  description="BENCHOP as a Service: option-pricing methods benchmarked on a Dask cluster.")
    app.add_middleware(BodyLimit, bound=BodyBound(limits.max_request_bytes, "benchop.service.max-request-bytes"),
                       by_path={"/methods": BodyBound(limits.uploads.max_archive_bytes,
                                                      "benchop.uploads.max-archive-bytes")})
    metrics = ServiceMetrics(manager)
    bearer = HTTPBearer(auto_error=False)
    retry_after = {"Retry-After": str(limits.retry_after)}

    def client_key(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str:
        """Who is asking, for the per-client bound: their token if they send one, else their address."""
        if credentials is not None:
            return "token:" + hashlib.sha256(credentials.credentials.encode()).hexdigest()[:16]
        return "address:" + (request.client.host if request.client else "unknown")

    def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        if token is None:
            return
        if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(401, "this service needs a bearer token for writes",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse({"detail": [{"loc": [], "msg": f"{exc}; nothing was changed, try again later",
                                         "type": "store_unavailable"}]}, status_code=503, headers=retry_after)

    @app.exception_handler(RequestValidationError)
    async def schema_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "invalid"), "type": e.get("type", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": detail}, status_code=422)

    # -- runs ------------------------------------------------------------------------
    @app.post("/runs", status_code=202, response_model=RunCreated, dependencies=[Depends(require_token)],
              responses={401: {"description": "no or wrong token"}, 413: {"description": "body too large"},
                         422: {"description": "bad input, or more work than a run may have"},
                         429: {"description": "too many unfinished runs; see Retry-After"},
                         503: {"description": "the store cannot take the run now; see Retry-After"}})
    def submit_run(body: RunBody, request: Request,
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
                   idempotency_key: Annotated[str | None, Header(max_length=200)] = None) -> Any:
        """Start a run; answers at once with its id. Poll GET /runs/{id}.

        With an `Idempotency-Key` header, sending the same request again (after
        a lost answer, say) returns the run the first one made instead of a second run.
        """
        run_request = body.request()
        try:
            if run_request.machine == EACH:
                runs = manager.submit_each(run_request, client_key(request, credentials))
                metrics.submitted.inc(len(runs))
                return _runs_on_each_machine(runs)
            run_id, created = manager.submit(run_request, client_key(request, credentials), idempotency_key)
        except (BadRequest, IdempotencyConflict) as exc:
            return _error(422, exc.messages if isinstance(exc, BadRequest) else [str(exc)])
        except QueueFull as exc:
            metrics.refused.inc()
            return JSONResponse({"detail": [{"loc": [], "msg": str(exc), "type": "too_many_runs"}]},
                                status_code=429, headers=retry_after)
        if created:
            metrics.submitted.inc()
        headers = {"Location": f"/runs/{run_id}"} | ({} if created else {"Idempotent-Replayed": "true"})
        return JSONResponse({"id": run_id, "status": "queued", "url": f"/runs/{run_id}"}, status_code=202,
                            headers=headers)

    @app.post("/plan", responses={422: {"description": "bad input, or more work than a run may have"}})
    def plan_run(body: RunBody) -> dict[str, Any]:
        """Check a run request and show what it would run (methods, levels, the most work); submits nothing."""
        try:
            run_request = body.request()
            plan = manager.plan(replace(run_request, machine=None) if run_request.machine == EACH else run_request)
        except BadRequest as exc:
            return _error(422, exc.messages)  # type: ignore[return-value]
        return plan_json(plan)

    @app.get("/runs", responses={422: {"description": "bad query"}})
    def list_runs(problem: Annotated[str | None, Query(max_length=40)] = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50,
                  offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> dict[str, Any]:
        """The run history, newest first, optionally only runs of one problem."""
        if problem is not None and problem not in catalogue.problems:
            raise HTTPException(422, f"unknown problem {problem!r}")
        records = manager.store.list_runs(problem, limit, offset)
        return {"runs": [{"id": r.id, "status": r.status, "created": r.created, "finished": r.finished,
                          "problems": r.request.get("problems", []), "methods": r.request.get("methods", []),
                          "params": r.request.get("params", {}), "tol": r.request.get("tol"),
                          "progress": {"done": r.done, "total": r.total}} for r in records]}

    @app.get("/runs/{run_id}", responses={404: {"description": "no such run"}})
    def get_run(run_id: str) -> dict[str, Any]:
        """Status, progress, results so far, ranking and the environment of one run."""
        view = manager.view(run_id)
        if view is None:
            raise HTTPException(404, f"no run {run_id!r}")
        return view

    @app.delete("/runs/{run_id}", dependencies=[Depends(require_token)],
                responses={401: {"description": "no or wrong token"}, 404: {"description": "no such run"},
                           409: {"description": "the run has finished"}})
    def cancel_run(run_id: str) -> dict[str, Any]:
        """Cancel a run: its tasks on the cluster are cancelled; finished results stay."""
        before = manager.cancel(run_id)
        if before is None:
            raise HTTPException(404, f"no run {run_id!r}")
        if before not in ("queued", "running"):
            raise HTTPException(409, f"run {run_id} has already finished ({before})")
        return {"id": run_id, "status": "cancelled"}

    @app.get("/runs/{run_id}/plots/{kind}", responses={404: {"description": "no such run or plot"}})
    def run_plot(run_id: str, kind: str) -> dict[str, Any]:
        """A Bokeh plot of the run (json_item): "time" (time to tolerance) or "work-precision"."""
        from . import plots

        makers = {"time": plots.time_to_tolerance, "work-precision": plots.work_precision}
        view = manager.view(run_id)
        if view is None or kind not in makers:
            raise HTTPException(404, f"no plot {kind!r} for run {run_id!r}")
        return makers[kind](view)

    @app.get("/compare", responses={404: {"description": "no such run"}})
    def compare(a: Annotated[str, Query(max_length=64)], b: Annotated[str, Query(max_length=64)]) -> dict[str, Any]:
        """Do the rankings of two runs differ? Rank correlation and the methods that moved, per problem."""
        from .compare import compare_runs

        first, second = manager.view(a), manager.view(b)
        if first is None or second is None:
            raise HTTPException(404, f"no run {a if first is None else b!r}")
        return compare_runs(first, second)

    # -- the catalogue -----------------------------------------------------------------
    @app.get("/problems")
    def problems() -> list[dict[str, Any]]:
        """Problems with their parameters (schema, defaults, ranges) and the methods that support them."""
        out = []
        current = manager.catalogue  # with the uploaded methods
        for problem in catalogue.problems.values():
            specs = []
            for name in problem.parameter_names:
                spec = problem.parameter_spec(catalogue.parameters[name])
                specs.append({"name": name, "kind": spec.kind, "min": spec.min, "max": spec.max,
                              "min_inclusive": spec.min_inclusive, "max_inclusive": spec.max_inclusive,
                              "description": spec.description})
            out.append({"id": problem.id, "title": problem.title, "params": problem.defaults, "parameters": specs,
                        "reference": list(problem.reference), "constraints": list(problem.constraints),
                        "methods": [m.name for m in current.methods_for(problem.id) if m.family != "test"]})
        return out

    @app.get("/methods")
    def methods() -> list[dict[str, Any]]:
        """Pricing methods, their families, resolution levels, problems and validated domains; uploaded
        methods (their latest versions) with their owner and the verdict of their evaluation."""
        uploads = {v.name: v for v in manager.methods.latest()} if manager.methods is not None else {}
        return [method_json(m, uploads.get(m.name)) for m in manager.catalogue.methods.values() if m.family != "test"]

    def uploaded(name: str, version: int | None = None) -> MethodVersion:
        found = manager.methods.get(name, version) if manager.methods is not None else None
        if found is None:
            raise HTTPException(404, f"no uploaded method {name!r}" + (f" of version {version}" if version else ""))
        return found

    @app.post("/methods", status_code=201, dependencies=[Depends(require_token)],
              responses={200: {"description": "the same files again: the version they already are"},
                         401: {"description": "no or wrong token"}, 403: {"description": "another owner's name"},
                         413: {"description": "archive too large"}, 422: {"description": "a bad archive"},
                         501: {"description": "this service takes no uploads"}})
    async def upload_method(request: Request,
                            owner: Annotated[str, Query(pattern=OWNER_PATTERN, max_length=64)] = ANONYMOUS) -> Any:
        """Upload a method folder as a zip or (gzip-compressed) tar archive: its method.json and .m files.

        The archive is checked before anything runs (benchop/METHODS.md, the
        README's "Bring your own method"); the new version is then evaluated in
        a sandbox: its tests, its problems beside every method, random
        parameter sets. Poll GET /methods/{name} for the verdict.
        """
        if manager.methods is None or evaluator is None:
            raise HTTPException(501, "this service takes no uploaded methods")
        data = await request.body()
        try:
            spec, code = await run_in_threadpool(_checked_upload, data)
            version, created = await run_in_threadpool(manager.methods.add, spec, code, owner)
        except NotOwner as exc:
            return _error(403, exc.messages)
        except BadRequest as exc:
            return _error(422, exc.messages)
        if created:
            evaluator.start(version)
        return JSONResponse({"name": version.name, "version": version.version, "owner": version.owner,
                             "status": version.status, "url": f"/methods/{version.name}"},
                            status_code=201 if created else 200,
                            headers={"Location": f"/methods/{version.name}/versions/{version.version}"})

    def _checked_upload(data: bytes) -> tuple[dict[str, Any], Any]:
        found = read_method_archive(data, builtin_methods=list(manager.builtin.methods),
                                    problems=list(manager.builtin.problems), limits=limits.uploads)
        return found.spec, found.code

    @app.get("/methods/{name}", responses={404: {"description": "no such uploaded method"}})
    def get_method(name: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """An uploaded method's latest version and its evaluation, and the list of all its versions."""
        versions = manager.methods.versions(name) if manager.methods is not None else []
        if not versions:
            raise HTTPException(404, f"no uploaded method {name!r}")
        return {**versions[0].to_json(), "versions": [
            {"version": v.version, "created": v.created, "status": v.status, "digest": v.digest,
             "summary": v.evaluation.get("summary", [])} for v in versions]}

    @app.get("/methods/{name}/versions/{version}", responses={404: {"description": "no such version"}})
    def get_method_version(name: Annotated[str, PathParam(max_length=64)],
                           version: Annotated[int, PathParam(ge=1, le=10**9)]) -> dict[str, Any]:
        """One version of an uploaded method, with its evaluation."""
        return uploaded(name, version).to_json()

    @app.get("/settings")
    def settings() -> dict[str, Any]:
        """Run defaults and limits (tol, repeat) and the order of result statuses, best first."""
        return run_settings()

    # -- operations ------------------------------------------------------------------------
    @app.get("/health")
    async def health() -> dict[str, Any]:  # async: memory reads only, no thread hop, fast while busy
        """The service answers; whether its cluster can take work, and how many workers it has."""
        connection = manager.connection
        workers = connection.workers
        status = connection.problem or ("ok" if workers else "no workers")
        return {"status": status, "workers": workers, "dashboard": connection.dashboard_link,
                "version": __version__, "time": time.time()}

    @app.get("/metrics", response_class=Response)
    def prometheus() -> Response:
        """Prometheus metrics: runs by status, tasks, task durations, queue length."""
        body, content_type = metrics.render()
        return Response(body, media_type=content_type)

    # -- the page ------------------------------------------------------------------------------
    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="benchop API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")

    @app.get("/", include_in_schema=False)
    def page() -> Any:
        return FileResponse(WEB / "index.html")

    from bokeh.util.paths import bokehjs_path
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/bokeh", StaticFiles(directory=str(bokehjs_path())), name="bokehjs")
    app.mount("/static/swagger", StaticFiles(directory=str(swagger_ui_path)), name="swagger")
    app.mount("/static", WebFiles(directory=str(WEB)), name="web")
    return app
