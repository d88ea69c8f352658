"""Nova (Compute API v2.1): versions, flavors, keypairs, servers and friends.

Stands for the Compute API reference sections "API Versions", "Servers",
"Servers - run an action", "Server metadata", "Server tags", "Port interfaces",
"Servers with volume attachments", "Flavors", "Keypairs", "Limits" and
"Availability zones".  Responses have the shape of the newest microversion
(2.96) whatever microversion the client asks for; the requested one is echoed
in the ``OpenStack-API-Version`` header as Nova does.
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
from typing import Any

from .network import make_port
from .server import ApiError, Request, Response, Router
from .state import Cloud, ConflictError, isotime, new_id

PREFIX = "/compute"
MAX_VERSION = "2.96"
MIN_VERSION = "2.1"


# ------------------------------------------------------------------ helpers
def nova_error(status: int, message: str) -> ApiError:
    """An error body the way Nova writes it: {"itemNotFound": {...}} etc."""
    kind = {400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "itemNotFound",
            409: "conflictingRequest", 413: "overLimit"}.get(status, "computeFault")
    return ApiError(status, {kind: {"message": message, "code": status}})


def _microversion(req: Request) -> str:
    header = req.headers.get("OpenStack-API-Version", "")
    m = re.search(r"compute\s+([\d.]+|latest)", header)
    value = m.group(1) if m else req.headers.get("X-OpenStack-Nova-API-Version", MIN_VERSION)
    return MAX_VERSION if value == "latest" else value


def _version_tuple(value: str) -> tuple[int, int]:
    major, _, minor = value.partition(".")
    return int(major), int(minor or 0)


def respond(req: Request, status: int = 200, body: Any = None,
            headers: dict[str, str] | None = None) -> Response:
    """A Nova response with the microversion headers clients check."""
    version = _microversion(req)
    if _version_tuple(version) > _version_tuple(MAX_VERSION):
        raise ApiError(406, {"computeFault": {
            "message": f"Version {version} is not supported by the API. "
                       f"Minimum is {MIN_VERSION} and maximum is {MAX_VERSION}.",
            "code": 406}})
    hdrs = {"OpenStack-API-Version": f"compute {version}",
            "X-OpenStack-Nova-API-Version": version,
            "Vary": "OpenStack-API-Version, X-OpenStack-Nova-API-Version"}
    hdrs.update(headers or {})
    return Response(status, body, hdrs)


def _link(req: Request, kind: str, ident: str) -> list[dict[str, str]]:
    return [{"rel": "self", "href": f"{req.base_url}{PREFIX}/v2.1/{kind}/{ident}"},
            {"rel": "bookmark", "href": f"{req.base_url}{PREFIX}/{kind}/{ident}"}]


def _body(req: Request, key: str) -> dict[str, Any]:
    if not isinstance(req.body, dict) or not isinstance(req.body.get(key), dict):
        raise nova_error(400, f"Invalid input for field/attribute {key}. "
                              f"Value: {req.body}. '{key}' is a required property")
    return req.body[key]


def _server(req: Request) -> dict[str, Any]:
    server = req.cloud.servers.get(req.params["server_id"])
    if server is None:
        raise nova_error(404, f"Instance {req.params['server_id']} could not be found.")
    return server


# ----------------------------------------------------------------- versions
def _version_doc(req: Request) -> dict[str, Any]:
    return {"id": "v2.1", "status": "CURRENT", "version": MAX_VERSION,
            "min_version": MIN_VERSION, "updated": "2013-07-23T11:33:21Z",
            "links": [{"rel": "self", "href": f"{req.base_url}{PREFIX}/v2.1/"},
                      {"rel": "describedby", "type": "text/html",
                       "href": "http://docs.openstack.org/"}],
            "media-types": [{"base": "application/json",
                             "type": "application/vnd.openstack.compute+json;version=2.1"}]}


def versions(req: Request) -> Response:
    """GET /compute/: the list of Compute API versions (only v2.1 here)."""
    return Response(200, {"versions": [_version_doc(req)]})


def version_v21(req: Request) -> Response:
    """GET /compute/v2.1: the v2.1 version document with the microversion range."""
    return Response(200, {"version": _version_doc(req)})


# ------------------------------------------------------------------ flavors
def _flavor_view(req: Request, flavor: dict[str, Any], detail: bool) -> dict[str, Any]:
    view = {"id": flavor["id"], "name": flavor["name"], "description": None,
            "links": _link(req, "flavors", flavor["id"])}
    if detail:
        view.update({"ram": flavor["ram"], "disk": flavor["disk"], "vcpus": flavor["vcpus"],
                     "swap": 0, "OS-FLV-EXT-DATA:ephemeral": 0, "rxtx_factor": 1.0,
                     "OS-FLV-DISABLED:disabled": False, "os-flavor-access:is_public": True,
                     "extra_specs": {}})
    return view


def list_flavors(req: Request) -> Response:
    """GET /flavors and /flavors/detail (filters minRam, minDisk honoured)."""
    detail = req.path.endswith("/detail")
    flavors = [f for f in req.cloud.flavors.values()
               if f["ram"] >= int(req.arg("minRam", "0")) and f["disk"] >= int(req.arg("minDisk", "0"))]
    return respond(req, 200, {"flavors": [_flavor_view(req, f, detail) for f in flavors]})


def _flavor(req: Request) -> dict[str, Any]:
    flavor = req.cloud.flavors.get(req.params["flavor_id"])
    if flavor is None:
        raise nova_error(404, f"Flavor {req.params['flavor_id']} could not be found.")
    return flavor


def get_flavor(req: Request) -> Response:
    """GET /flavors/{flavor_id}."""
    return respond(req, 200, {"flavor": _flavor_view(req, _flavor(req), True)})


def flavor_extra_specs(req: Request) -> Response:
    """GET /flavors/{flavor_id}/os-extra_specs (always empty)."""
    _flavor(req)
    return respond(req, 200, {"extra_specs": {}})


# ----------------------------------------------------------------- keypairs
def _fingerprint(public_key: str) -> str:
    # Nova's fingerprint: MD5 of the decoded key blob, colon separated.
    try:
        blob = base64.b64decode(public_key.split()[1].encode())
    except (IndexError, ValueError):
        raise nova_error(400, "Keypair data is invalid: failed to generate fingerprint") from None
    digest = hashlib.md5(blob).hexdigest()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def _keypair_view(kp: dict[str, Any], full: bool) -> dict[str, Any]:
    view = {"name": kp["name"], "public_key": kp["public_key"],
            "fingerprint": kp["fingerprint"], "type": kp["type"]}
    if full:
        view.update({"user_id": kp["user_id"], "id": kp["id"], "created_at": kp["created_at"],
                     "deleted": False, "deleted_at": None, "updated_at": None})
    return view


def list_keypairs(req: Request) -> Response:
    """GET /os-keypairs."""
    return respond(req, 200, {"keypairs": [{"keypair": _keypair_view(k, False)}
                                           for k in req.cloud.keypairs.values()]})


def create_keypair(req: Request) -> Response:
    """POST /os-keypairs: import a public key (or have a dummy one made up)."""
    body = _body(req, "keypair")
    name = body.get("name")
    if not name or not re.fullmatch(r"[\w\- .@]{1,255}", name):
        raise nova_error(400, "Keypair data is invalid: Keypair name contains unsafe characters")
    if name in req.cloud.keypairs:
        raise nova_error(409, f"Key pair '{name}' already exists.")
    private_key = None
    public_key = body.get("public_key")
    if not public_key:
        # Nova (< 2.92) generates a pair; the fake makes up a well-formed but
        # useless one, since nothing can log in to its servers anyway.
        blob = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20"
                                + hashlib.sha256(name.encode()).digest()).decode()
        public_key = f"ssh-ed25519 {blob} Generated-by-Nova"
        private_key = "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n"
    kp = {"name": name, "public_key": public_key, "fingerprint": _fingerprint(public_key),
          "type": body.get("type", "ssh"), "user_id": req.cloud.user_id,
          "id": len(req.cloud.keypairs) + 1, "created_at": isotime(micro=True)}
    req.cloud.keypairs[name] = kp
    view = _keypair_view(kp, False)
    view["user_id"] = kp["user_id"]
    if private_key:
        view["private_key"] = private_key
    # 2.2 changed the status code of a successful create from 200 to 201.
    status = 201 if _version_tuple(_microversion(req)) >= (2, 2) else 200
    return respond(req, status, {"keypair": view})


def _keypair(req: Request) -> dict[str, Any]:
    kp = req.cloud.keypairs.get(req.params["name"])
    if kp is None:
        raise nova_error(404, f"Keypair {req.params['name']} not found for user "
                              f"{req.cloud.user_id}")
    return kp


def get_keypair(req: Request) -> Response:
    """GET /os-keypairs/{name}."""
    return respond(req, 200, {"keypair": _keypair_view(_keypair(req), True)})


def delete_keypair(req: Request) -> Response:
    """DELETE /os-keypairs/{name}: 202 before 2.2, 204 since."""
    del req.cloud.keypairs[_keypair(req)["name"]]
    return respond(req, 204 if _version_tuple(_microversion(req)) >= (2, 2) else 202)


# ------------------------------------------------------------------ servers
def addresses(cloud: Cloud, server: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The server's "addresses": fixed IPs of its ports plus their floating IPs.

    Real Nova builds this from its network info cache, which Neutron keeps up
    to date; here it is computed on every read, so it is never stale.
    """
    result: dict[str, list[dict[str, Any]]] = {}
    for port in cloud.ports_of(server["id"]):
        net = cloud.networks.get(port["network_id"], {})
        entries = result.setdefault(net.get("name", port["network_id"]), [])
        for ip in port["fixed_ips"]:
            entries.append({"version": 4, "addr": ip["ip_address"],
                            "OS-EXT-IPS:type": "fixed",
                            "OS-EXT-IPS-MAC:mac_addr": port["mac_address"]})
            for fip in cloud.floating_ips.values():
                if fip["port_id"] == port["id"] and fip["fixed_ip_address"] == ip["ip_address"]:
                    entries.append({"version": 4, "addr": fip["floating_ip_address"],
                                    "OS-EXT-IPS:type": "floating",
                                    "OS-EXT-IPS-MAC:mac_addr": port["mac_address"]})
    return result


def server_view(req: Request, server: dict[str, Any], detail: bool = True) -> dict[str, Any]:
    """A server as GET /servers/{id} shows it to its (non-admin) owner."""
    view = {"id": server["id"], "name": server["name"],
            "links": _link(req, "servers", server["id"])}
    if not detail:
        return view
    cloud = req.cloud
    flavor = cloud.flavors.get(server["_flavor_id"], {})
    task_state = {"BUILD": "spawning", "DELETED": None}.get(server["status"])
    view.update({
        "status": server["status"], "tenant_id": cloud.project_id, "user_id": cloud.user_id,
        "metadata": dict(server["metadata"]), "hostId": server["hostId"],
        "image": {"id": server["_image_id"], "links": [
            {"rel": "bookmark", "href": f"{req.base_url}{PREFIX}/images/{server['_image_id']}"}]},
        # Since 2.47 the flavor is embedded rather than linked.
        "flavor": {"vcpus": flavor.get("vcpus"), "ram": flavor.get("ram"),
                   "disk": flavor.get("disk"), "ephemeral": 0, "swap": 0,
                   "original_name": flavor.get("name"), "extra_specs": {}},
        "created": server["created"], "updated": server["updated"],
        "addresses": addresses(cloud, server),
        "accessIPv4": server.get("accessIPv4", ""), "accessIPv6": server.get("accessIPv6", ""),
        "OS-DCF:diskConfig": "MANUAL", "progress": 0,
        "OS-EXT-AZ:availability_zone": server["_az"], "config_drive": "",
        "key_name": server["key_name"],
        "OS-SRV-USG:launched_at": server.get("_launched_at"),
        "OS-SRV-USG:terminated_at": None,
        "OS-EXT-STS:task_state": task_state, "OS-EXT-STS:vm_state": server["_vm_state"],
        "OS-EXT-STS:power_state": server["_power_state"],
        "os-extended-volumes:volumes_attached": [],
        "security_groups": [{"name": n} for n in _server_sg_names(cloud, server)],
        "locked": False, "locked_reason": None, "description": server.get("description"),
        "tags": list(server["tags"]), "trusted_image_certificates": None,
        "server_groups": [], "pinned_availability_zone": None,
        "host_status": None,
    })
    if "fault" in server:
        view["fault"] = server["fault"]
    return view


def _server_sg_names(cloud: Cloud, server: dict[str, Any]) -> list[str]:
    """Security group names of the server's ports (Nova asks Neutron the same)."""
    ids = {sg for p in cloud.ports_of(server["id"]) for sg in p["security_groups"]}
    if not ids:
        ids = set(server["_security_group_ids"])
    return sorted(cloud.security_groups[i]["name"] for i in ids if i in cloud.security_groups)


def list_servers(req: Request) -> Response:
    """GET /servers and /servers/detail.

    Filters: name and other string fields are regular expressions (re.search,
    as Nova matches them in its database), status is exact (case-insensitive);
    limit/marker paginate.  Other filters are ignored, as Nova ignores the
    filters a non-admin may not use.
    """
    detail = req.path.endswith("/detail")
    servers = list(req.cloud.servers.values())
    for key in ("name", "image", "flavor", "key_name", "ip", "status", "availability_zone"):
        wanted = req.arg(key)
        if wanted is None:
            continue
        if key == "status":
            servers = [s for s in servers if s["status"].upper() == wanted.upper()]
        elif key == "image":
            servers = [s for s in servers if s["_image_id"] == wanted]
        elif key == "flavor":
            servers = [s for s in servers if s["_flavor_id"] == wanted]
        elif key == "ip":
            servers = [s for s in servers if any(
                re.search(wanted, a["addr"]) for v in addresses(req.cloud, s).values() for a in v)]
        elif key == "availability_zone":
            servers = [s for s in servers if re.search(wanted, s["_az"])]
        else:
            servers = [s for s in servers if re.search(wanted, s.get(key) or "")]
    servers.sort(key=lambda s: s["created"], reverse=True)  # Nova lists newest first
    marker = req.arg("marker")
    if marker:
        ids = [s["id"] for s in servers]
        if marker not in ids:
            raise nova_error(400, f"marker [{marker}] not found")
        servers = servers[ids.index(marker) + 1:]
    body: dict[str, Any] = {}
    limit = req.arg("limit")
    if limit is not None and int(limit) < len(servers):
        servers = servers[:int(limit)]
        body["servers_links"] = [{"rel": "next", "href": (
            f"{req.base_url}{PREFIX}/v2.1{req.path.split('/v2.1', 1)[-1]}"
            f"?limit={limit}&marker={servers[-1]['id']}")}]
    body["servers"] = [server_view(req, s, detail) for s in servers]
    return respond(req, 200, body)


def _resolve_security_groups(req: Request, requested: Any) -> list[str]:
    cloud = req.cloud
    if not requested:
        return [cloud.default_security_group()["id"]]
    ids = []
    for item in requested:
        ref = item.get("name") if isinstance(item, dict) else item
        match = [sg for sg in cloud.security_groups.values() if ref in (sg["id"], sg["name"])]
        if not match:
            raise nova_error(400, f"Security group {ref} not found for project "
                                  f"{cloud.project_id}.")
        if len(match) > 1:
            raise nova_error(409, f"Multiple security groups found matching '{ref}'. "
                                  f"Use an ID to be more specific.")
        ids.append(match[0]["id"])
    return ids


def create_server(req: Request) -> Response:
    """POST /servers: boot a server; it is BUILD now and ACTIVE (or ERROR) later.

    The port is created at once on the requested network (or the private
    network for "auto") with the fixed address of the first free slot; if no
    slot is free the server goes to ERROR, as Nova's does when Neutron cannot
    allocate an address.
    """
    cloud = req.cloud
    body = _body(req, "server")
    name = body.get("name")
    if not name or not isinstance(name, str):
        raise nova_error(400, "Invalid input for field/attribute name.")
    image_id = body.get("imageRef")
    if image_id not in cloud.images:
        raise nova_error(400, "Can not find requested image")
    flavor_id = body.get("flavorRef")
    if isinstance(flavor_id, str) and "/" in flavor_id:
        flavor_id = flavor_id.rstrip("/").rsplit("/", 1)[-1]
    if flavor_id not in cloud.flavors:
        raise nova_error(400, f"Flavor {flavor_id} could not be found.")
    key_name = body.get("key_name")
    if key_name is not None and key_name not in cloud.keypairs:
        raise nova_error(400, "Invalid key_name provided.")
    metadata = body.get("metadata") or {}
    if not isinstance(metadata, dict) or not all(
            isinstance(v, str) for v in metadata.values()):
        raise nova_error(400, f"Invalid input for field/attribute metadata. "
                              f"Value: {metadata}. Additional properties are not allowed")
    sg_ids = _resolve_security_groups(req, body.get("security_groups"))
    networks = body.get("networks", "auto")
    if networks in ("auto", None):
        networks = [{"uuid": cloud.private_network_id}]
    elif networks == "none":
        networks = []
    requested_ports = []
    for net in networks:
        if net.get("port"):
            port = cloud.ports.get(net["port"])
            if port is None:
                raise nova_error(400, f"Port id {net['port']} could not be found.")
            if port["device_id"]:
                raise nova_error(409, f"Port {net['port']} is still in use.")
            requested_ports.append(("port", port))
        else:
            net_id = net.get("uuid")
            if net_id not in cloud.networks:
                raise nova_error(400, f"Network {net_id} could not be found.")
            if net_id != cloud.private_network_id:
                raise nova_error(400, f"Network {net_id} is not usable for servers in the "
                                      f"fake: only {cloud.private_network_id} is")
            requested_ports.append(("net", net))

    now = time.time()
    server_id = new_id()
    server = {
        "id": server_id, "name": name, "status": "BUILD", "metadata": dict(metadata),
        "key_name": key_name, "tags": list(body.get("tags") or []),
        "description": body.get("description"),
        "hostId": hashlib.sha224((cloud.project_id + "fake-host").encode()).hexdigest(),
        "created": isotime(now), "updated": isotime(now),
        "_image_id": image_id, "_flavor_id": flavor_id,
        "_az": body.get("availability_zone") or "nova",
        "_vm_state": "building", "_power_state": 0, "_security_group_ids": sg_ids,
        "_user_data": body.get("user_data"), "_ready_at": now + cloud.config.build_delay,
        "_console": ["[    0.000000] Linux version 6.1.0-fake (fake-openstack)",
                     f"[    0.100000] Booting image {cloud.images[image_id]['name']}",
                     "cloud-init: user-data " + ("present" if body.get("user_data") else "absent")],
    }
    cloud.servers[server_id] = server
    try:
        for kind, spec in requested_ports:
            if kind == "port":
                spec.update(device_id=server_id, device_owner="compute:nova", status="ACTIVE")
            else:
                fixed = spec.get("fixed_ip") or cloud.allocate_fixed()
                make_port(cloud, cloud.private_network_id, fixed, device_id=server_id,
                          device_owner="compute:nova", security_groups=sg_ids)
    except ConflictError as err:
        for port in cloud.ports_of(server_id):
            cloud.delete_port(port["id"])
        server["_failure"] = (f"Build of instance {server_id} aborted: Failed to allocate "
                              f"the network(s), not rescheduling. {err}")
    view = {"id": server_id, "links": _link(req, "servers", server_id),
            "OS-DCF:diskConfig": "MANUAL",
            "security_groups": [{"name": cloud.security_groups[i]["name"]} for i in sg_ids],
            "adminPass": "fake-admin-pass"}
    return respond(req, 202, {"server": view},
                   {"Location": f"{req.base_url}{PREFIX}/v2.1/servers/{server_id}"})


def get_server(req: Request) -> Response:
    """GET /servers/{server_id}."""
    return respond(req, 200, {"server": server_view(req, _server(req))})


def update_server(req: Request) -> Response:
    """PUT /servers/{server_id}: name, description, accessIPv4/6, hostname."""
    server = _server(req)
    body = _body(req, "server")
    for key in ("name", "description", "accessIPv4", "accessIPv6"):
        if key in body:
            server[key] = body[key]
    server["updated"] = isotime()
    return respond(req, 200, {"server": server_view(req, server)})


def delete_server(req: Request) -> Response:
    """DELETE /servers/{server_id}: DELETED now, gone (404) after delete_delay."""
    server = _server(req)
    if server["status"] != "DELETED":
        server.update(status="DELETED", _vm_state="deleted", updated=isotime(),
                      _gone_at=time.time() + req.cloud.config.delete_delay)
    return respond(req, 204)


# ----------------------------------------------------------------- metadata
def get_metadata(req: Request) -> Response:
    """GET /servers/{server_id}/metadata."""
    return respond(req, 200, {"metadata": dict(_server(req)["metadata"])})


def _check_metadata(meta: Any) -> dict[str, str]:
    if not isinstance(meta, dict) or not all(isinstance(v, str) and isinstance(k, str)
                                             for k, v in meta.items()):
        raise nova_error(400, "Malformed request body: metadata must be a string map")
    return meta


def update_metadata(req: Request) -> Response:
    """POST /servers/{server_id}/metadata: merge keys into the metadata."""
    server = _server(req)
    server["metadata"].update(_check_metadata((req.body or {}).get("metadata")))
    return respond(req, 200, {"metadata": dict(server["metadata"])})


def replace_metadata(req: Request) -> Response:
    """PUT /servers/{server_id}/metadata: replace the whole metadata."""
    server = _server(req)
    server["metadata"] = dict(_check_metadata((req.body or {}).get("metadata")))
    return respond(req, 200, {"metadata": dict(server["metadata"])})


def get_metadata_item(req: Request) -> Response:
    """GET /servers/{server_id}/metadata/{key}."""
    meta = _server(req)["metadata"]
    if req.params["key"] not in meta:
        raise nova_error(404, "Metadata item was not found")
    return respond(req, 200, {"meta": {req.params["key"]: meta[req.params["key"]]}})


def set_metadata_item(req: Request) -> Response:
    """PUT /servers/{server_id}/metadata/{key}."""
    server = _server(req)
    meta = _check_metadata((req.body or {}).get("meta"))
    if list(meta) != [req.params["key"]]:
        raise nova_error(400, "Request body and URI mismatch")
    server["metadata"].update(meta)
    return respond(req, 200, {"meta": meta})


def delete_metadata_item(req: Request) -> Response:
    """DELETE /servers/{server_id}/metadata/{key}."""
    server = _server(req)
    if server["metadata"].pop(req.params["key"], None) is None:
        raise nova_error(404, "Metadata item was not found")
    return respond(req, 204)


# --------------------------------------------------------------------- tags
def get_tags(req: Request) -> Response:
    """GET /servers/{server_id}/tags."""
    return respond(req, 200, {"tags": list(_server(req)["tags"])})


def replace_tags(req: Request) -> Response:
    """PUT /servers/{server_id}/tags: replace all tags."""
    server = _server(req)
    tags = (req.body or {}).get("tags")
    if not isinstance(tags, list):
        raise nova_error(400, "Invalid input for field/attribute tags.")
    server["tags"] = list(tags)
    return respond(req, 200, {"tags": list(tags)})


# ------------------------------------------------------------------ actions
def server_action(req: Request) -> Response:
    """POST /servers/{server_id}/action: console output, start/stop/reboot,
    add/remove security group."""
    cloud, server = req.cloud, _server(req)
    if not isinstance(req.body, dict) or len(req.body) != 1:
        raise nova_error(400, "Malformed request body")
    (action, args), = req.body.items()
    args = args or {}
    if action == "os-getConsoleOutput":
        lines = server["_console"]
        length = args.get("length")
        if length not in (None, -1, "-1"):
            lines = lines[-int(length):] if int(length) else []
        return respond(req, 200, {"output": "\n".join(lines) + "\n"})
    if action in ("os-start", "os-stop", "reboot"):
        wanted = {"os-start": "SHUTOFF", "os-stop": "ACTIVE", "reboot": "ACTIVE"}[action]
        if server["status"] != wanted:
            verb = {"os-start": "start", "os-stop": "stop", "reboot": "reboot"}[action]
            raise nova_error(409, f"Cannot '{verb}' instance {server['id']} while it is in "
                                  f"vm_state {server['_vm_state']}")
        if action == "os-stop":
            server.update(status="SHUTOFF", _vm_state="stopped", _power_state=4)
        else:
            server.update(status="ACTIVE", _vm_state="active", _power_state=1)
        server["_console"].append(f"[fake-openstack] {action}")
        server["updated"] = isotime()
        return respond(req, 202)
    if action in ("addSecurityGroup", "removeSecurityGroup"):
        ids = _resolve_security_groups(req, [args.get("name")])
        for port in cloud.ports_of(server["id"]):
            groups = [g for g in port["security_groups"] if g not in ids]
            if action == "addSecurityGroup":
                groups += ids
            port["security_groups"] = groups
        current = [g for g in server["_security_group_ids"] if g not in ids]
        server["_security_group_ids"] = current + (ids if action == "addSecurityGroup" else [])
        return respond(req, 202)
    raise nova_error(400, f"There is no such action: {action}")


def server_security_groups(req: Request) -> Response:
    """GET /servers/{server_id}/os-security-groups: the groups in Nova's format."""
    cloud, server = req.cloud, _server(req)
    groups = []
    for sg in cloud.security_groups.values():
        if sg["name"] not in _server_sg_names(cloud, server):
            continue
        rules = [{
            "id": r["id"], "parent_group_id": sg["id"], "ip_protocol": r["protocol"],
            "from_port": r["port_range_min"], "to_port": r["port_range_max"],
            "ip_range": {"cidr": r["remote_ip_prefix"]} if r["remote_ip_prefix"] else {},
            "group": ({"name": cloud.security_groups[r["remote_group_id"]]["name"],
                       "tenant_id": cloud.project_id}
                      if r["remote_group_id"] in cloud.security_groups else {}),
        } for r in cloud.rules_of(sg["id"]) if r["direction"] == "ingress"]
        groups.append({"id": sg["id"], "name": sg["name"], "description": sg["description"],
                       "tenant_id": cloud.project_id, "rules": rules})
    return respond(req, 200, {"security_groups": groups})


def server_interfaces(req: Request) -> Response:
    """GET /servers/{server_id}/os-interface: the server's ports."""
    cloud, server = req.cloud, _server(req)
    return respond(req, 200, {"interfaceAttachments": [{
        "port_state": p["status"], "port_id": p["id"], "net_id": p["network_id"],
        "mac_addr": p["mac_address"], "tag": None,
        "fixed_ips": [dict(ip) for ip in p["fixed_ips"]],
    } for p in cloud.ports_of(server["id"])]})


def volume_attachments(req: Request) -> Response:
    """GET /servers/{server_id}/os-volume_attachments: never any (no Cinder)."""
    _server(req)
    return respond(req, 200, {"volumeAttachments": []})


def server_ips(req: Request) -> Response:
    """GET /servers/{server_id}/ips."""
    return respond(req, 200, {"addresses": addresses(req.cloud, _server(req))})


# -------------------------------------------------------------------- misc
def availability_zones(req: Request) -> Response:
    """GET /os-availability-zone (and /detail)."""
    return respond(req, 200, {"availabilityZoneInfo": [
        {"zoneName": "nova", "zoneState": {"available": True}, "hosts": None}]})


def limits(req: Request) -> Response:
    """GET /limits: generous absolute limits and current usage."""
    cloud = req.cloud
    live = [s for s in cloud.servers.values() if s["status"] != "DELETED"]
    flavors = [cloud.flavors.get(s["_flavor_id"], {}) for s in live]
    return respond(req, 200, {"limits": {"rate": [], "absolute": {
        "maxTotalInstances": 100, "maxTotalCores": 400, "maxTotalRAMSize": 1024000,
        "maxServerMeta": 128, "maxImageMeta": 128, "maxPersonality": 5,
        "maxPersonalitySize": 10240, "maxTotalKeypairs": 100, "maxServerGroups": 10,
        "maxServerGroupMembers": 10, "maxSecurityGroups": -1, "maxSecurityGroupRules": -1,
        "maxTotalFloatingIps": -1,
        "totalInstancesUsed": len(live), "totalCoresUsed": sum(f.get("vcpus", 0) for f in flavors),
        "totalRAMUsed": sum(f.get("ram", 0) for f in flavors), "totalServerGroupsUsed": 0,
        "totalSecurityGroupsUsed": 0, "totalFloatingIpsUsed": 0,
    }}})


def register(router: Router) -> None:
    v = f"{PREFIX}/v2.1"
    router.add("GET", PREFIX, versions, auth=False)
    router.add("GET", v, version_v21, auth=False)
    router.add("GET", f"{v}/flavors", list_flavors)
    router.add("GET", f"{v}/flavors/detail", list_flavors)
    router.add("GET", f"{v}/flavors/{{flavor_id}}", get_flavor)
    router.add("GET", f"{v}/flavors/{{flavor_id}}/os-extra_specs", flavor_extra_specs)
    router.add("GET", f"{v}/os-keypairs", list_keypairs)
    router.add("POST", f"{v}/os-keypairs", create_keypair)
    router.add("GET", f"{v}/os-keypairs/{{name}}", get_keypair)
    router.add("DELETE", f"{v}/os-keypairs/{{name}}", delete_keypair)
    router.add("GET", f"{v}/servers", list_servers)
    router.add("GET", f"{v}/servers/detail", list_servers)
    router.add("POST", f"{v}/servers", create_server)
    router.add("GET", f"{v}/servers/{{server_id}}", get_server)
    router.add("PUT", f"{v}/servers/{{server_id}}", update_server)
    router.add("DELETE", f"{v}/servers/{{server_id}}", delete_server)
    router.add("GET", f"{v}/servers/{{server_id}}/metadata", get_metadata)
    router.add("POST", f"{v}/servers/{{server_id}}/metadata", update_metadata)
    router.add("PUT", f"{v}/servers/{{server_id}}/metadata", replace_metadata)
    router.add("GET", f"{v}/servers/{{server_id}}/metadata/{{key}}", get_metadata_item)
    router.add("PUT", f"{v}/servers/{{server_id}}/metadata/{{key}}", set_metadata_item)
    router.add("DELETE", f"{v}/servers/{{server_id}}/metadata/{{key}}", delete_metadata_item)
    router.add("GET", f"{v}/servers/{{server_id}}/tags", get_tags)
    router.add("PUT", f"{v}/servers/{{server_id}}/tags", replace_tags)
    router.add("POST", f"{v}/servers/{{server_id}}/action", server_action)
    router.add("GET", f"{v}/servers/{{server_id}}/os-security-groups", server_security_groups)
    router.add("GET", f"{v}/servers/{{server_id}}/os-interface", server_interfaces)
    router.add("GET", f"{v}/servers/{{server_id}}/os-volume_attachments", volume_attachments)
    router.add("GET", f"{v}/servers/{{server_id}}/ips", server_ips)
    router.add("GET", f"{v}/os-availability-zone", availability_zones)
    router.add("GET", f"{v}/os-availability-zone/detail", availability_zones)
    router.add("GET", f"{v}/limits", limits)
