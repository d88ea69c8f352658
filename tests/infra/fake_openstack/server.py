"""HTTP plumbing: request/response types, routing, token checks, the server.

Each API module (identity, compute, network, image, admin) registers its
handlers on a ``Router``; ``FakeOpenStack`` serves them all on one port, one
path prefix per service (``/identity``, ``/compute``, ``/network``, ``/image``),
matching the catalog ``identity.py`` puts into every token.
"""

from __future__ import annotations

import collections
import json
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from .config import FakeConfig
from .state import Cloud

log = logging.getLogger("fake_openstack")


@dataclass
class Request:
    """One API call, as the handlers see it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: Message
    body: Any
    cloud: Cloud
    base_url: str
    params: dict[str, str] = field(default_factory=dict)

    def arg(self, name: str, default: str | None = None) -> str | None:
        """The last value of a query parameter (as most APIs treat repeats)."""
        values = self.query.get(name)
        return values[-1] if values else default


@dataclass
class Response:
    """What a handler returns: status, JSON-able body (or bytes/str), headers."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class ApiError(Exception):
    """Raised by handlers to answer with an error in the service's own format."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None):
        super().__init__(f"{status}: {body}")
        self.response = Response(status, body, headers or {})


Handler = Callable[[Request], Response]


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    auth: bool


class Router:
    """Maps (method, path regex) to handlers; ``{name}`` in a path is a segment."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, path: str, handler: Handler, auth: bool = True) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path.rstrip("/") or "/")
        self.routes.append(Route(method, re.compile(f"^{regex}/?$"), handler, auth))

    def route(self, method: str, path: str, auth: bool = True) -> Callable[[Handler], Handler]:
        def decorate(handler: Handler) -> Handler:
            self.add(method, path, handler, auth)
            return handler
        return decorate

    def match(self, method: str, path: str) -> tuple[Route | None, dict[str, str], bool]:
        """The route for a call, its path parameters, and whether the path exists."""
        path_known = False
        for route in self.routes:
            m = route.pattern.match(path)
            if m:
                path_known = True
                if route.method == method or (method == "HEAD" and route.method == "GET"):
                    return route, m.groupdict(), True
        return None, {}, path_known


def unauthorized(message: str = "The request you have made requires authentication.") -> ApiError:
    # keystonemiddleware answers every service's unauthenticated call like this.
    return ApiError(401, {"error": {"code": 401, "title": "Unauthorized", "message": message}},
                    {"WWW-Authenticate": 'Keystone uri="identity"'})


def build_router() -> Router:
    from . import admin, compute, identity, image, network

    router = Router()
    for module in (identity, compute, network, image, admin):
        module.register(router)
    return router


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # requests are logged by dispatch(), with their outcome

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        response = self.server.fake.dispatch(self.command, self.path, self.headers, raw)
        body = response.body
        if body is None:
            payload = b""
        elif isinstance(body, bytes):
            payload = body
        elif isinstance(body, str):
            payload = body.encode()
        else:
            payload = json.dumps(body).encode()
        self.send_response(response.status)
        headers = dict(response.headers)
        if body is not None and not isinstance(body, (bytes, str)):
            headers.setdefault("Content-Type", "application/json")
        elif body is not None:
            headers.setdefault("Content-Type", "text/plain; charset=UTF-8")
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD" and response.status not in (204, 304):
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _dispatch


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenStack


class FakeOpenStack:
    """The fake cloud: configuration + in-memory state + an HTTP server.

    Use ``start()``/``stop()`` (or ``with FakeOpenStack(config) as fake:``);
    ``url`` is the base URL, ``url + "/identity"`` the auth URL.
    """

    def __init__(self, config: FakeConfig, host: str = "127.0.0.1", port: int = 0,
                 state_file: str | Path | None = None) -> None:
        self.config = config
        self.cloud = Cloud(config, state_file=state_file)
        self.router = build_router()
        self._host, self._port = host, port
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        # The last requests, for tests that want to see what the clients called.
        self.requests: collections.deque[tuple[str, str, int, float]] = collections.deque(maxlen=5000)

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("fake OpenStack is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def auth_url(self) -> str:
        return self.url + "/identity"

    def bind(self) -> str:
        """Open the listening socket (so ``url`` is known) without serving yet."""
        self._httpd = _Server((self._host, self._port), _Handler)
        self._httpd.fake = self
        return self.url

    def start(self) -> str:
        """Serve in a background thread; returns the base URL."""
        self.bind()
        assert self._httpd is not None
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        name="fake-openstack", daemon=True)
        self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        """Serve in the calling thread (the CLI's way), after bind()."""
        assert self._httpd is not None, "call bind() first"
        self._httpd.serve_forever()

    def close(self) -> None:
        if self._httpd is not None:
            self._httpd.server_close()
        self._httpd = None

    def stop(self) -> None:
        if self._httpd is not None and self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._thread = None
        self.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def dispatch(self, method: str, target: str, headers: Message, raw: bytes) -> Response:
        """Route one call, check its token, run its handler under the state lock."""
        split = urlsplit(target)
        path = re.sub(r"/{2,}", "/", split.path)
        query = parse_qs(split.query, keep_blank_values=True)
        try:
            body = json.loads(raw) if raw.strip() else None
        except ValueError:
            body = _BadJson
        with self.cloud.lock:
            self.cloud.tick()
            try:
                response = self._call(method, path, query, headers, body)
            except ApiError as err:
                response = err.response
            except Exception:  # a bug in the fake: say so the way a cloud would
                log.exception("fake OpenStack handler failed for %s %s", method, path)
                response = Response(500, {"error": {"code": 500, "title": "Internal Server Error",
                                                    "message": "fake OpenStack handler failed"}})
            if method not in ("GET", "HEAD") and response.status < 400:
                self.cloud.save()
        log.debug("%s %s -> %d", method, target, response.status)
        self.requests.append((method, target, response.status, time.time()))
        return response

    def _call(self, method: str, path: str, query: dict[str, list[str]],
              headers: Message, body: Any) -> Response:
        route, params, known = self.router.match(method, path)
        if route is None:
            if known:
                return Response(405, {"error": {"code": 405, "title": "Method Not Allowed",
                                                "message": f"{method} is not allowed on {path}"}})
            return Response(404, {"error": {"code": 404, "title": "Not Found",
                                            "message": f"The resource could not be found: {path}"}})
        if route.auth and not self.cloud.token_valid(headers.get("X-Auth-Token")):
            raise unauthorized()
        if body is _BadJson:
            return Response(400, {"badRequest": {"code": 400,
                                                 "message": "Malformed request body"}})
        request = Request(method, path, query, headers, body, self.cloud, self.url, params)
        return route.handler(request)


class _BadJson:
    """Marker for a request body that is not JSON."""
