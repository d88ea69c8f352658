"""Fake-only endpoints for the tests, outside any OpenStack API.

GET /_fake/state needs no token (the fake listens on loopback only) and
reports what a clean-up must leave at zero: servers, ports, floating IPs,
non-default security groups and keypairs.
"""

from __future__ import annotations

from .server import Request, Response, Router


def state(req: Request) -> Response:
    """GET /_fake/state: counts and short lists of the mutable resources."""
    return Response(200, req.cloud.summary())


def register(router: Router) -> None:
    router.add("GET", "/_fake/state", state, auth=False)
