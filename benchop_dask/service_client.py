"""A Python client of a benchop service (``benchop serve``), with the verbs of :mod:`.runs`.

::

    from benchop_dask import ServiceClient

    service = ServiceClient("http://127.0.0.1:8000", token="...")
    run = service.run(["1a-I"], tol=[1e-2, 1e-4])      # a Run, as benchop_dask.run gives
    future = service.submit("1b-I")                     # at once; .done(), .progress, .result()
    service.history(problem="1a-I"), service.compare(run.id, future.id)
    service.upload("MY-METHOD"); service.evaluation("MY-METHOD")   # a method of your own

Errors say what the service said: :class:`~.validation.BadRequest` for a
request it refused (422), :class:`PermissionError` without the right token,
:class:`LookupError` for an unknown run, :class:`ServiceBusy` (with the
seconds to wait) when it is full or its store is busy, :class:`ServiceError`
otherwise; :class:`ConnectionError` when it cannot be reached.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Generator, Mapping, Sequence

from .runs import Run, make_request
from .validation import BadRequest

TOKEN_VARIABLE = "BENCHOP_SERVICE_TOKEN"
_ENDED = ("done", "failed", "cancelled")


class ServiceError(RuntimeError):
    """The service answered with an error."""

    def __init__(self, status: int, messages: Sequence[str]):
        self.status = status
        self.messages = list(messages)
        super().__init__(f"the service answered {status}: {'; '.join(self.messages)}")


class ServiceBusy(ServiceError):
    """The service cannot take the request now (429, 503); ``retry_after`` seconds is its advice."""

    def __init__(self, status: int, messages: Sequence[str], retry_after: float | None):
        super().__init__(status, messages)
        self.retry_after = retry_after


def _messages(body: Any) -> list[str]:
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list):
        return [str(d.get("msg", d)) if isinstance(d, dict) else str(d) for d in detail]
    return [str(detail if detail is not None else body)]


class ServiceClient:
    """The service at ``url``; ``token`` (default: $BENCHOP_SERVICE_TOKEN) is sent with every request."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30.0):
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get(TOKEN_VARIABLE)
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"ServiceClient({self.url!r})"

    # -- HTTP -----------------------------------------------------------------------
    def call(self, method: str, path: str, body: Any = None, query: Mapping[str, Any] | None = None,
             headers: Mapping[str, str] | None = None, *, raw: bytes | None = None,
             content_type: str = "application/json") -> Any:
        """One request to the service; its JSON answer, or the error it stands for (see the module).

        ``body`` is sent as JSON, ``raw`` (an archive) as it is, of ``content_type``.
        """
        url = self.url + path
        if query and any(v is not None for v in query.values()):
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", content_type)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            try:
                answer = json.loads(exc.read() or b"null")
            except ValueError:
                answer = {"detail": exc.reason}
            messages = _messages(answer)
            if exc.code == 422:
                raise BadRequest(messages) from None
            if exc.code in (401, 403):
                raise PermissionError(f"{self.url}: {'; '.join(messages)}") from None
            if exc.code == 404:
                raise LookupError("; ".join(messages)) from None
            if exc.code in (429, 503):
                retry = exc.headers.get("Retry-After")
                raise ServiceBusy(exc.code, messages, float(retry) if retry else None) from None
            raise ServiceError(exc.code, messages) from None
        except urllib.error.URLError as exc:
            raise ConnectionError(f"cannot reach the benchop service at {self.url}: {exc.reason}") from None

    # -- the verbs ------------------------------------------------------------------
    def submit(self, problems: str | Sequence[str], methods: str | Sequence[str] | None = None,
               params: Mapping[str, Any] | None = None, tol: float | Sequence[float] | None = None,
               repeat: int | None = None, *, idempotency_key: str | None = None) -> ServiceRunFuture:
        """Start a run on the service; returns at once. The service checks the request (BadRequest).

        ``idempotency_key``: sending the same request with the same key again
        (after a lost answer) returns the run the first one started.
        """
        request = make_request(problems, methods, params, tol, repeat)
        body: dict[str, Any] = {"problems": list(request.problems), "methods": list(request.methods),
                                "params": dict(request.params)}
        if request.tol is not None:
            body["tol"] = list(request.tol) if isinstance(request.tol, (list, tuple)) else request.tol
        if request.repeats is not None:
            body["repeat"] = request.repeats
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        created = self.call("POST", "/runs", body, headers=headers)
        return ServiceRunFuture(self, created["id"])

    def run(self, problems: str | Sequence[str], methods: str | Sequence[str] | None = None,
            params: Mapping[str, Any] | None = None, tol: float | Sequence[float] | None = None,
            repeat: int | None = None, *, poll: float = 1.0, progress: bool | None = None,
            idempotency_key: str | None = None) -> Run:
        """Run on the service and wait for the :class:`Run` (a text progress bar on stderr)."""
        from .progress import ProgressBar

        future = self.submit(problems, methods, params, tol, repeat, idempotency_key=idempotency_key)
        with ProgressBar(enabled=progress) as bar:
            return future.result(poll=poll, on_progress=bar)

    def get(self, run_id: str) -> Run:
        """A run, finished or not (its results so far)."""
        return Run.from_json(self.call("GET", f"/runs/{urllib.parse.quote(run_id, safe='')}"))

    def history(self, problem: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Past and current runs, newest first: id, status, created, problems, methods, params, tol."""
        return self.call("GET", "/runs", query={"problem": problem, "limit": limit, "offset": offset})["runs"]

    def cancel(self, run_id: str) -> str:
        """Cancel a queued or running run; returns its new status (ServiceError 409 if it had ended)."""
        return self.call("DELETE", f"/runs/{urllib.parse.quote(run_id, safe='')}")["status"]

    def compare(self, a: str, b: str) -> dict[str, Any]:
        """How the rankings of two runs differ: rank correlation and the methods that moved, per problem."""
        return self.call("GET", "/compare", query={"a": a, "b": b})

    def settings(self) -> dict[str, Any]:
        """The service's run defaults and limits."""
        return self.call("GET", "/settings")

    # -- uploaded methods -------------------------------------------------------------
    def upload(self, directory: str | os.PathLike, owner: str | None = None) -> dict[str, Any]:
        """Upload a method folder (method.json and .m files); its name, version, owner and status.

        The folder is checked here first (BadRequest), with this machine's
        ``benchop.uploads`` limits; the service checks it again with its own.
        The same files again are the version they already are.
        """
        from .upload import UploadLimits, pack_method_folder

        archive = pack_method_folder(Path(directory), limits=UploadLimits.from_config())
        return self.call("POST", "/methods", raw=archive, content_type="application/gzip", query={"owner": owner})

    def method(self, name: str, version: int | None = None) -> dict[str, Any]:
        """An uploaded method: its latest version (or ``version``) with its evaluation."""
        path = f"/methods/{urllib.parse.quote(name, safe='')}"
        return self.call("GET", path if version is None else f"{path}/versions/{int(version)}")

    def evaluation(self, name: str, version: int | None = None, *, timeout: float | None = None,
                   poll: float = 2.0) -> dict[str, Any]:
        """Wait for the evaluation of an uploaded method's version to end; the version with its verdict."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            found = self.method(name, version)
            if found["status"] != "evaluating":
                return found
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"the evaluation of {name} v{found['version']} did not end within {timeout:g} s")
            time.sleep(poll)


class ServiceRunFuture:
    """A run on the service (:meth:`ServiceClient.submit`); awaitable, like :class:`~.runs.RunFuture`."""

    def __init__(self, service: ServiceClient, run_id: str):
        self.service = service
        self.id = run_id
        self._last: Run | None = None
        self._progress = (0, 0)

    def _refresh(self) -> Run:
        view = self.service.call("GET", f"/runs/{urllib.parse.quote(self.id, safe='')}")
        progress = view.get("progress") or {}
        self._progress = (int(progress.get("done") or 0), int(progress.get("total") or 0))
        self._last = Run.from_json(view)
        return self._last

    @property
    def progress(self) -> tuple[int, int]:
        """Tasks (done, submitted so far), as of the last look at the run."""
        self._refresh()
        return self._progress

    def done(self) -> bool:
        if self._last is not None and self._last.status in _ENDED:
            return True
        return self._refresh().status in _ENDED

    def result(self, timeout: float | None = None, poll: float = 1.0, on_progress: Any = None) -> Run:
        """The run once it has ended (TimeoutError past ``timeout`` seconds)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            run = self._refresh()
            if on_progress is not None:
                on_progress(*self._progress)
            if run.status in _ENDED:
                return run
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"run {self.id} is still {run.status} after {timeout:g} s")
            time.sleep(poll)

    def cancel(self) -> str:
        return self.service.cancel(self.id)

    def __await__(self) -> Generator[Any, None, Run]:
        return self._wait().__await__()

    async def _wait(self, poll: float = 1.0) -> Run:
        while True:
            run = await asyncio.to_thread(self._refresh)
            if run.status in _ENDED:
                return run
            await asyncio.sleep(poll)

    def __repr__(self) -> str:
        return f"<ServiceRunFuture {self.id} at {self.service.url}>"
