"""Keystone v3: version discovery and password authentication.

Stands for the Identity API v3 reference: "Versions", "Password authentication
with scoped authorization" (POST /v3/auth/tokens) and "Validate and show
information for token" (GET /v3/auth/tokens).  Only one user and one project
exist, both from the configuration.
"""

from __future__ import annotations

import uuid
from typing import Any

from .server import ApiError, Request, Response, Router, unauthorized
from .state import Cloud, isotime, stable_id

MEDIA_TYPE = [{"base": "application/json",
               "type": "application/vnd.openstack.identity-v3+json"}]


def _version(base_url: str) -> dict[str, Any]:
    return {"id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
            "links": [{"rel": "self", "href": f"{base_url}/identity/v3/"}],
            "media-types": MEDIA_TYPE}


def versions(req: Request) -> Response:
    """GET /identity (and GET /): the list of Identity API versions.

    Keystone answers 300 Multiple Choices with the versions under "values".
    """
    return Response(300, {"versions": {"values": [_version(req.base_url)]}})


def version_v3(req: Request) -> Response:
    """GET /identity/v3: the v3 version document."""
    return Response(200, {"version": _version(req.base_url)})


def catalog(cloud: Cloud, base_url: str) -> list[dict[str, Any]]:
    """The service catalog: every service on this one port, by path prefix."""
    services = [("identity", "keystone", f"{base_url}/identity"),
                ("compute", "nova", f"{base_url}/compute/v2.1"),
                ("network", "neutron", f"{base_url}/network"),
                ("image", "glance", f"{base_url}/image")]
    region = cloud.config.region
    return [{
        "id": stable_id("service", stype).replace("-", ""), "type": stype, "name": name,
        "endpoints": [{"id": stable_id("endpoint", f"{stype}-{iface}").replace("-", ""),
                       "interface": iface, "region_id": region, "region": region, "url": url}
                      for iface in ("public", "internal")],
    } for stype, name, url in services]


def _domain_matches(ref: dict[str, Any] | None, cloud: Cloud) -> bool:
    if not ref:
        return True  # keystoneauth always sends one; tolerate its absence
    auth = cloud.config.auth
    return ref.get("id") in (None, auth.domain_id) and ref.get("name") in (None, auth.domain)


def _token_body(cloud: Cloud, base_url: str, expires: float) -> dict[str, Any]:
    auth = cloud.config.auth
    domain = {"id": auth.domain_id, "name": auth.domain}
    return {"token": {
        "methods": ["password"],
        "user": {"id": cloud.user_id, "name": auth.username, "domain": domain,
                 "password_expires_at": None},
        "audit_ids": [uuid.uuid4().hex[:22]],
        "expires_at": isotime(expires, micro=True),
        "issued_at": isotime(micro=True),
        "project": {"id": cloud.project_id, "name": auth.project_name, "domain": domain},
        "is_domain": False,
        "roles": [{"id": stable_id("role", r).replace("-", ""), "name": r}
                  for r in ("member", "reader")],
        "catalog": catalog(cloud, base_url),
    }}


def issue_token(req: Request) -> Response:
    """POST /identity/v3/auth/tokens: password authentication, project scope."""
    cloud, auth = req.cloud, req.cloud.config.auth
    try:
        identity = req.body["auth"]["identity"]
        if "password" not in identity.get("methods", []):
            raise unauthorized("Only password authentication is supported.")
        user = identity["password"]["user"]
    except (KeyError, TypeError):
        raise ApiError(400, {"error": {"code": 400, "title": "Bad Request",
                                       "message": "Invalid authentication request."}}) from None
    name_ok = user.get("name") == auth.username or user.get("id") == cloud.user_id
    if not (name_ok and user.get("password") == auth.password
            and _domain_matches(user.get("domain"), cloud)):
        raise unauthorized("The request you have made requires authentication.")
    scope = (req.body["auth"].get("scope") or {}).get("project")
    if scope is not None:
        same = (scope.get("id") == cloud.project_id
                or (scope.get("name") == auth.project_name
                    and _domain_matches(scope.get("domain"), cloud)))
        if not same:
            raise unauthorized(f"User {cloud.user_id} has no access to project "
                               f"{scope.get('name') or scope.get('id')}")
    token, expires = cloud.issue_token()
    return Response(201, _token_body(cloud, req.base_url, expires),
                    {"X-Subject-Token": token})


def validate_token(req: Request) -> Response:
    """GET /identity/v3/auth/tokens: show the token named by X-Subject-Token."""
    subject = req.headers.get("X-Subject-Token")
    if not req.cloud.token_valid(subject):
        raise ApiError(404, {"error": {"code": 404, "title": "Not Found",
                                       "message": f"Could not find token: {subject}"}})
    return Response(200, _token_body(req.cloud, req.base_url, req.cloud.tokens[subject]),
                    {"X-Subject-Token": subject})


def revoke_token(req: Request) -> Response:
    """DELETE /identity/v3/auth/tokens: revoke the token named by X-Subject-Token."""
    req.cloud.tokens.pop(req.headers.get("X-Subject-Token") or "", None)
    return Response(204)


def register(router: Router) -> None:
    router.add("GET", "/", versions, auth=False)
    router.add("GET", "/identity", versions, auth=False)
    router.add("GET", "/identity/v3", version_v3, auth=False)
    router.add("POST", "/identity/v3/auth/tokens", issue_token, auth=False)
    router.add("GET", "/identity/v3/auth/tokens", validate_token)
    router.add("DELETE", "/identity/v3/auth/tokens", revoke_token)
