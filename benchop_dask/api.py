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
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import dask.config
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt

from . import __version__
from .catalogue import Catalogue
from .metrics import ServiceMetrics
from .report import plan_json
from .service import RunManager
from .store import IdempotencyConflict, QueueFull, StoreUnavailable
from .results import STATUS_ORDER
from .validation import MAX_TOLERANCES, REPEATS_RANGE, TOL_RANGE, BadRequest, RunRequest

WEB = Path(__file__).resolve().parent / "web"
Number = StrictInt | StrictFloat
ParamValue = Number | list[Number] | list[list[Number]]


@dataclass(frozen=True)
class ServiceLimits:
    """What the HTTP layer bounds: the body it reads, and the wait it asks of refused clients."""

    max_request_bytes: int
    retry_after: int

    @classmethod
    def from_config(cls) -> "ServiceLimits":
        return cls(max_request_bytes=int(dask.config.get("benchop.service.max-request-bytes")),
                   retry_after=int(dask.config.get("benchop.service.retry-after")))


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes answers 413 before the app reads any of it."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.limit:
                return await self._refuse(send)
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
            if size > self.limit:
                return await self._refuse(send)
        return await self.app(scope, _replay(chunks, receive), send)

    async def _refuse(self, send) -> None:
        body = (f'{{"detail": [{{"loc": ["body"], "msg": "the request body is larger than {self.limit} bytes '
                f'(benchop.service.max-request-bytes)", "type": "too_large"}}]}}').encode()
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


class RunCreated(BaseModel):
    id: str
    status: str
    url: str


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


def _error(status: int, messages: list[str]) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": ["body"], "msg": m, "type": "value_error"} for m in messages]},
                        status_code=status)


def create_app(manager: RunManager, catalogue: Catalogue, *, token: str | None = None,
               limits: ServiceLimits | None = None) -> FastAPI:
    """The service's application, over a running RunManager (``limits`` None: the configured ones)."""
    limits = limits or ServiceLimits.from_config()
    app = FastAPI(title="benchop", version=__version__, docs_url=None, redoc_url=None,
                  description="BENCHOP as a Service: option-pricing methods benchmarked on a Dask cluster.")
    app.add_middleware(BodyLimit, limit=limits.max_request_bytes)
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
        run_request = RunRequest(body.problems, body.methods, body.params, body.tol, body.repeat)
        try:
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
            plan = manager.plan(RunRequest(body.problems, body.methods, body.params, body.tol, body.repeat))
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
        for problem in catalogue.problems.values():
            specs = []
            for name in problem.parameter_names:
                spec = problem.parameter_spec(catalogue.parameters[name])
                specs.append({"name": name, "kind": spec.kind, "min": spec.min, "max": spec.max,
                              "min_inclusive": spec.min_inclusive, "max_inclusive": spec.max_inclusive,
                              "description": spec.description})
            out.append({"id": problem.id, "title": problem.title, "params": problem.defaults, "parameters": specs,
                        "reference": list(problem.reference), "constraints": list(problem.constraints),
                        "methods": [m.name for m in catalogue.methods_for(problem.id)]})
        return out

    @app.get("/methods")
    def methods() -> list[dict[str, Any]]:
        """Pricing methods, their families, resolution levels, problems and validated domains."""
        return [{"name": m.name, "family": m.family, "title": m.title, "problems": list(m.problems),
                 "levels": {"default": m.default_level, "max": m.max_level}, "domain": m.domain.to_json()}
                for m in catalogue.methods.values() if m.family != "test"]

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
