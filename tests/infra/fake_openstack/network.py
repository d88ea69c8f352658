"""Neutron (Networking API v2.0): networks, subnets, ports, floating IPs,
security groups and their rules, routers (none), extensions.

Stands for the Networking API v2.0 reference sections "Networks", "Subnets",
"Ports", "Floating IPs", "Security groups", "Security group rules", "Routers"
and "Extensions".  Listing follows Neutron's rules: any attribute may be used
as a filter (repeat a parameter to match any of several values), ``fields``
selects attributes, ``sort_key``/``sort_dir`` sort, an unknown attribute is a
400.  Errors have Neutron's ``{"NeutronError": {"type", "message", "detail"}}``
body.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

from .server import ApiError, Request, Response, Router
from .state import Cloud, ConflictError, isotime, new_id, random_mac

PREFIX = "/network"
V2 = f"{PREFIX}/v2.0"

# Query parameters that are not attribute filters.
_CONTROL = {"fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse",
            "tags", "tags-any", "not-tags", "not-tags-any", "shared"}

# The extension aliases the SDK and the openstack.cloud modules look for, plus
# the usual ML2/OVN ones, so that feature checks come out as on a real cloud.
EXTENSIONS = [
    ("agent", "agent"), ("allowed-address-pairs", "Allowed Address Pairs"),
    ("availability_zone", "Availability Zone"), ("binding", "Port Binding"),
    ("default-subnetpools", "Default Subnetpools"), ("dns-integration", "DNS Integration"),
    ("external-net", "Neutron external network"), ("extra_dhcp_opt", "Neutron Extra DHCP options"),
    ("extraroute", "Neutron Extra Route"), ("fip-port-details", "Floating IP Port Details Extension"),
    ("floatingip-pools", "Floating IP Pools Extension"), ("network-ip-availability", "Network IP Availability"),
    ("network_availability_zone", "Network Availability Zone"), ("net-mtu", "Network MTU"),
    ("port-security", "Port Security"), ("project-id", "project_id field enabled"),
    ("provider", "Provider Network"), ("quotas", "Quota management support"),
    ("router", "Neutron L3 Router"), ("security-group", "security-group"),
    ("standard-attr-description", "standard-attr-description"),
    ("standard-attr-revisions", "Resource revision numbers"),
    ("standard-attr-tag", "Tag support for resources with standard attribute"),
    ("standard-attr-timestamp", "Resource timestamps"), ("stateful-security-group", "Stateful security group"),
    ("subnet_allocation", "Subnet Allocation"),
]


def neutron_error(status: int, kind: str, message: str) -> ApiError:
    return ApiError(status, {"NeutronError": {"type": kind, "message": message, "detail": ""}})


def _body(req: Request, key: str) -> dict[str, Any]:
    if not isinstance(req.body, dict) or not isinstance(req.body.get(key), dict):
        raise neutron_error(400, "BadRequest", f"Bad {key} request: Resource body required.")
    return req.body[key]


# ------------------------------------------------------------------- views
def port_view(cloud: Cloud, port: dict[str, Any]) -> dict[str, Any]:
    return dict(port)


def fip_view(cloud: Cloud, fip: dict[str, Any]) -> dict[str, Any]:
    view = dict(fip)
    port = cloud.ports.get(fip["port_id"]) if fip["port_id"] else None
    # fip-port-details: a summary of the associated port.
    view["port_details"] = None if port is None else {
        "name": port["name"], "network_id": port["network_id"],
        "mac_address": port["mac_address"], "admin_state_up": port["admin_state_up"],
        "status": port["status"], "device_id": port["device_id"],
        "device_owner": port["device_owner"]}
    return view


def sg_view(cloud: Cloud, sg: dict[str, Any]) -> dict[str, Any]:
    view = dict(sg)
    view["security_group_rules"] = [dict(r) for r in cloud.rules_of(sg["id"])]
    return view


def _plain(cloud: Cloud, item: dict[str, Any]) -> dict[str, Any]:
    return dict(item)


# ------------------------------------------------------------ list/get/filter
def _as_filter_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return "" if value is None else str(value)


def _matches(item: dict[str, Any], key: str, wanted: list[str]) -> bool:
    if key == "fixed_ips":
        # fixed_ips=ip_address=10.0.0.5 / subnet_id=... / ip_address_substr=...
        for spec in wanted:
            field_name, _, value = spec.partition("=")
            found = False
            for ip in item.get("fixed_ips", []):
                if field_name == "ip_address_substr":
                    found = found or value in ip["ip_address"]
                else:
                    found = found or ip.get(field_name) == value
            if not found:
                return False
        return True
    actual = item.get(key)
    if isinstance(actual, list):
        return any(_as_filter_value(a) in wanted for a in actual)
    return _as_filter_value(actual).lower() in {w.lower() for w in wanted} \
        if isinstance(actual, bool) else _as_filter_value(actual) in wanted


def list_items(req: Request, items: list[dict[str, Any]], collection: str,
               view: Callable[[Cloud, dict[str, Any]], dict[str, Any]]) -> Response:
    """Neutron's generic list: filter, sort, paginate, select fields."""
    views = [view(req.cloud, i) for i in items]
    known = set().union(*(v.keys() for v in views)) if views else None
    for key, wanted in req.query.items():
        if key in _CONTROL:
            continue
        if known is not None and key not in known:
            raise neutron_error(400, "HTTPBadRequest",
                                f"[{key}] is invalid attribute for filtering")
        views = [v for v in views if _matches(v, key, wanted)]
    sort_keys = req.query.get("sort_key", [])
    for i, key in reversed(list(enumerate(sort_keys))):
        dirs = req.query.get("sort_dir", [])
        views.sort(key=lambda v: _as_filter_value(v.get(key)),
                   reverse=(dirs[i] if i < len(dirs) else "asc") == "desc")
    marker = req.arg("marker")
    if marker:
        ids = [v["id"] for v in views]
        views = views[ids.index(marker) + 1:] if marker in ids else []
    body: dict[str, Any] = {}
    limit = req.arg("limit")
    if limit and int(limit) < len(views):
        views = views[:int(limit)]
        body[f"{collection}_links"] = [{"rel": "next", "href": (
            f"{req.base_url}{req.path}?limit={limit}&marker={views[-1]['id']}")}]
    fields = req.query.get("fields")
    if fields:
        views = [{k: v[k] for k in fields if k in v} for v in views]
    body[collection] = views
    return Response(200, body)


def _one(cloud: Cloud, table: dict[str, dict[str, Any]], ident: str,
         kind: str, message: str) -> dict[str, Any]:
    item = table.get(ident)
    if item is None:
        raise neutron_error(404, kind, message.format(id=ident))
    return item


def _fields(req: Request, view: dict[str, Any]) -> dict[str, Any]:
    fields = req.query.get("fields")
    return {k: view[k] for k in fields if k in view} if fields else view


# ----------------------------------------------------------- version/index
def versions(req: Request) -> Response:
    """GET /network/: the list of Networking API versions."""
    return Response(200, {"versions": [{"id": "v2.0", "status": "CURRENT", "links": [
        {"rel": "self", "href": f"{req.base_url}{V2}/"}]}]})


def index(req: Request) -> Response:
    """GET /network/v2.0/: the collections of v2.0."""
    names = ["network", "subnet", "port", "floatingip", "security_group",
             "security_group_rule", "router"]
    return Response(200, {"resources": [{
        "name": n, "collection": n.replace("_", "-") + "s" if n != "floatingip" else "floatingips",
        "links": [{"rel": "self", "href": f"{req.base_url}{V2}/{n.replace('_', '-')}s"}]}
        for n in names]})


def list_extensions(req: Request) -> Response:
    """GET /network/v2.0/extensions."""
    return Response(200, {"extensions": [_extension(a, n) for a, n in EXTENSIONS]})


def _extension(alias: str, name: str) -> dict[str, Any]:
    return {"alias": alias, "name": name, "description": name,
            "updated": "2020-01-01T00:00:00-00:00", "links": []}


def get_extension(req: Request) -> Response:
    """GET /network/v2.0/extensions/{alias}."""
    for alias, name in EXTENSIONS:
        if alias == req.params["alias"]:
            return Response(200, {"extension": _extension(alias, name)})
    raise neutron_error(404, "ExtensionNotFound",
                        f"Extension with alias {req.params['alias']} does not exist")


# ----------------------------------------------------- networks & subnets
def list_networks(req: Request) -> Response:
    """GET /networks (filters: name, id, router:external, ...)."""
    return list_items(req, list(req.cloud.networks.values()), "networks", _plain)


def get_network(req: Request) -> Response:
    """GET /networks/{id}."""
    net = _one(req.cloud, req.cloud.networks, req.params["id"], "NetworkNotFound",
               "Network {id} could not be found.")
    return Response(200, {"network": _fields(req, dict(net))})


def list_subnets(req: Request) -> Response:
    """GET /subnets."""
    return list_items(req, list(req.cloud.subnets.values()), "subnets", _plain)


def get_subnet(req: Request) -> Response:
    """GET /subnets/{id}."""
    subnet = _one(req.cloud, req.cloud.subnets, req.params["id"], "SubnetNotFound",
                  "Subnet {id} could not be found.")
    return Response(200, {"subnet": _fields(req, dict(subnet))})


def list_routers(req: Request) -> Response:
    """GET /routers: the fake has none (floating IPs need no router here)."""
    return list_items(req, [], "routers", _plain)


# -------------------------------------------------------------------- ports
def make_port(cloud: Cloud, network_id: str, fixed_ip: str, *, device_id: str = "",
              device_owner: str = "", security_groups: list[str] | None = None,
              name: str = "") -> dict[str, Any]:
    """Create a port with one fixed IP on the network's subnet."""
    if any(ip["ip_address"] == fixed_ip for p in cloud.ports.values() for ip in p["fixed_ips"]):
        raise ConflictError(f"IP address {fixed_ip} already allocated in subnet.")
    net = cloud.networks[network_id]
    subnet_id = net["subnets"][0] if net["subnets"] else None
    now = isotime()
    port = {
        "id": new_id(), "name": name, "network_id": network_id,
        "tenant_id": cloud.project_id, "project_id": cloud.project_id,
        "mac_address": random_mac(), "admin_state_up": True,
        "status": "ACTIVE" if device_id else "DOWN",
        "device_id": device_id, "device_owner": device_owner,
        "fixed_ips": [{"subnet_id": subnet_id, "ip_address": fixed_ip}],
        "allowed_address_pairs": [], "extra_dhcp_opts": [],
        "security_groups": list(security_groups if security_groups is not None
                                else [cloud.default_security_group()["id"]]),
        "port_security_enabled": True, "binding:vnic_type": "normal",
        "dns_name": "", "dns_assignment": [], "qos_policy_id": None,
        "propagate_uplink_status": False, "description": "", "tags": [],
        "created_at": now, "updated_at": now, "revision_number": 1,
    }
    cloud.ports[port["id"]] = port
    return port


def list_ports(req: Request) -> Response:
    """GET /ports (filters: device_id, network_id, fixed_ips, ...)."""
    return list_items(req, list(req.cloud.ports.values()), "ports", port_view)


def _port(req: Request) -> dict[str, Any]:
    return _one(req.cloud, req.cloud.ports, req.params["id"], "PortNotFound",
                "Port {id} could not be found.")


def get_port(req: Request) -> Response:
    """GET /ports/{id}."""
    return Response(200, {"port": _fields(req, port_view(req.cloud, _port(req)))})


def _check_security_groups(cloud: Cloud, ids: list[str]) -> list[str]:
    for sg_id in ids:
        if sg_id not in cloud.security_groups:
            raise neutron_error(404, "SecurityGroupNotFound",
                                f"Security group {sg_id} does not exist")
    return list(ids)


def create_port(req: Request) -> Response:
    """POST /ports: a port on the private network takes the first free slot's
    fixed address unless fixed_ips names one."""
    cloud, body = req.cloud, _body(req, "port")
    network_id = body.get("network_id")
    if network_id not in cloud.networks:
        raise neutron_error(404, "NetworkNotFound", f"Network {network_id} could not be found.")
    requested = [ip.get("ip_address") for ip in body.get("fixed_ips") or [] if ip.get("ip_address")]
    sgs = body.get("security_groups")
    try:
        fixed = requested[0] if requested else cloud.allocate_fixed()
        port = make_port(cloud, network_id, fixed, device_id=body.get("device_id", ""),
                         device_owner=body.get("device_owner", ""), name=body.get("name", ""),
                         security_groups=None if sgs is None else _check_security_groups(cloud, sgs))
    except ConflictError as err:
        kind = "IpAddressAlreadyAllocated" if requested else "IpAddressGenerationFailure"
        raise neutron_error(409, kind, str(err)) from None
    port["description"] = body.get("description", "")
    return Response(201, {"port": port_view(cloud, port)})


def update_port(req: Request) -> Response:
    """PUT /ports/{id}: name, description, security_groups, device_id/owner, admin_state_up."""
    cloud, port, body = req.cloud, _port(req), _body(req, "port")
    for key in ("name", "description", "device_id", "device_owner", "admin_state_up"):
        if key in body:
            port[key] = body[key]
    if "security_groups" in body:
        port["security_groups"] = _check_security_groups(cloud, body["security_groups"] or [])
    port["updated_at"] = isotime()
    port["revision_number"] += 1
    return Response(200, {"port": port_view(cloud, port)})


def delete_port(req: Request) -> Response:
    """DELETE /ports/{id}: floating IPs on it are disassociated."""
    req.cloud.delete_port(_port(req)["id"])
    return Response(204)


# ------------------------------------------------------------- floating IPs
def list_floating_ips(req: Request) -> Response:
    """GET /floatingips (filters: floating_ip_address, port_id, floating_network_id, ...)."""
    return list_items(req, list(req.cloud.floating_ips.values()), "floatingips", fip_view)


def _fip(req: Request) -> dict[str, Any]:
    return _one(req.cloud, req.cloud.floating_ips, req.params["id"], "FloatingIPNotFound",
                "Floating IP {id} could not be found")


def get_floating_ip(req: Request) -> Response:
    """GET /floatingips/{id}."""
    return Response(200, {"floatingip": _fields(req, fip_view(req.cloud, _fip(req)))})


def _association(cloud: Cloud, fip: dict[str, Any], port_id: str | None,
                 fixed_ip: str | None) -> tuple[dict[str, Any] | None, str | None]:
    """Check an association request; the port and the fixed IP to NAT to."""
    if port_id is None:
        return None, None
    port = cloud.ports.get(port_id)
    if port is None:
        raise neutron_error(404, "PortNotFound", f"Port {port_id} could not be found.")
    if not port["fixed_ips"]:
        raise neutron_error(400, "BadRequest", f"Bad floatingip request: Port {port_id} "
                                               f"does not have any IP addresses")
    addresses = [ip["ip_address"] for ip in port["fixed_ips"]]
    fixed_ip = fixed_ip or addresses[0]
    if fixed_ip not in addresses:
        raise neutron_error(400, "BadRequest", f"Bad floatingip request: Port {port_id} "
                                               f"does not have fixed ip {fixed_ip}.")
    for other in cloud.floating_ips.values():
        if other["id"] != fip["id"] and other["port_id"] == port_id \
                and other["fixed_ip_address"] == fixed_ip:
            raise neutron_error(409, "FloatingIPPortAlreadyAssociated", (
                f"Cannot associate floating IP {fip['floating_ip_address']} ({fip['id']}) "
                f"with port {port_id} using fixed IP {fixed_ip}, as that fixed IP already "
                f"has a floating IP on external network {other['floating_network_id']}."))
    return port, fixed_ip


def _associate(cloud: Cloud, fip: dict[str, Any], port: dict[str, Any] | None,
               fixed_ip: str | None) -> None:
    if port is None:
        fip.update(port_id=None, fixed_ip_address=None, status="DOWN", router_id=None)
    else:
        # The slot quirk (see state.py): the address follows the port's slot.
        try:
            fip["floating_ip_address"] = cloud.allocate_floating(port, fip["id"])
        except ConflictError as err:
            raise neutron_error(409, "IpAddressAlreadyAllocated", str(err)) from None
        fip.update(port_id=port["id"], fixed_ip_address=fixed_ip, status="ACTIVE")
    fip["updated_at"] = isotime()
    fip["revision_number"] += 1


def create_floating_ip(req: Request) -> Response:
    """POST /floatingips: allocate from the external network, optionally associated."""
    cloud, body = req.cloud, _body(req, "floatingip")
    net_id = body.get("floating_network_id")
    if net_id not in cloud.networks:
        raise neutron_error(404, "NetworkNotFound", f"Network {net_id} could not be found.")
    if not cloud.networks[net_id]["router:external"]:
        raise neutron_error(400, "BadRequest", f"Bad floatingip request: Network {net_id} "
                                               f"is not a valid external network.")
    now = isotime()
    fip = {"id": new_id(), "floating_ip_address": None, "floating_network_id": net_id,
           "router_id": None, "port_id": None, "fixed_ip_address": None, "status": "DOWN",
           "tenant_id": cloud.project_id, "project_id": cloud.project_id,
           "description": body.get("description", ""), "dns_domain": "", "dns_name": "",
           "port_forwardings": [], "qos_policy_id": None, "qos_network_policy_id": None,
           "tags": [], "created_at": now, "updated_at": now, "revision_number": 0}
    port, fixed = _association(cloud, fip, body.get("port_id"), body.get("fixed_ip_address"))
    try:
        if body.get("floating_ip_address"):
            address = body["floating_ip_address"]
            if any(f["floating_ip_address"] == address for f in cloud.floating_ips.values()):
                raise ConflictError(f"IP address {address} already allocated in subnet.")
            if not any(s.floating == address for s in cloud.config.hosts):
                raise neutron_error(400, "InvalidIpForNetwork", f"IP address {address} is not "
                                                                 f"a valid IP for the specified network.")
            fip["floating_ip_address"] = address
        else:
            fip["floating_ip_address"] = cloud.allocate_floating(None)
    except ConflictError as err:
        kind = "IpAddressAlreadyAllocated" if body.get("floating_ip_address") \
            else "IpAddressGenerationFailure"
        raise neutron_error(409, kind, str(err)) from None
    cloud.floating_ips[fip["id"]] = fip
    if port is not None:
        _associate(cloud, fip, port, fixed)
    return Response(201, {"floatingip": fip_view(cloud, fip)})


def update_floating_ip(req: Request) -> Response:
    """PUT /floatingips/{id}: associate (port_id) or disassociate (port_id null)."""
    cloud, fip, body = req.cloud, _fip(req), _body(req, "floatingip")
    if "description" in body:
        fip["description"] = body["description"]
    if "port_id" in body:
        port, fixed = _association(cloud, fip, body["port_id"], body.get("fixed_ip_address"))
        _associate(cloud, fip, port, fixed)
    return Response(200, {"floatingip": fip_view(cloud, fip)})


def delete_floating_ip(req: Request) -> Response:
    """DELETE /floatingips/{id}: release the address."""
    del req.cloud.floating_ips[_fip(req)["id"]]
    return Response(204)


# ---------------------------------------------------------- security groups
def list_security_groups(req: Request) -> Response:
    """GET /security-groups (filters: name, id, ...)."""
    return list_items(req, list(req.cloud.security_groups.values()), "security_groups", sg_view)


def _sg(req: Request) -> dict[str, Any]:
    return _one(req.cloud, req.cloud.security_groups, req.params["id"], "SecurityGroupNotFound",
                "Security group {id} does not exist")


def get_security_group(req: Request) -> Response:
    """GET /security-groups/{id}."""
    return Response(200, {"security_group": _fields(req, sg_view(req.cloud, _sg(req)))})


def create_security_group(req: Request) -> Response:
    """POST /security-groups: a new group starts with "allow all egress" rules."""
    cloud, body = req.cloud, _body(req, "security_group")
    name = body.get("name", "")
    if name == "default":
        raise neutron_error(409, "SecurityGroupDefaultAlreadyExists",
                            "Default security group already exists.")
    sg = cloud.new_security_group(name, body.get("description", ""))
    sg["stateful"] = body.get("stateful", True)
    for ethertype in ("IPv4", "IPv6"):
        cloud.new_security_group_rule(sg["id"], direction="egress", ethertype=ethertype)
    return Response(201, {"security_group": sg_view(cloud, sg)})


def update_security_group(req: Request) -> Response:
    """PUT /security-groups/{id}: name, description, stateful."""
    sg, body = _sg(req), _body(req, "security_group")
    for key in ("name", "description", "stateful"):
        if key in body:
            sg[key] = body[key]
    sg["updated_at"] = isotime()
    sg["revision_number"] += 1
    return Response(200, {"security_group": sg_view(req.cloud, sg)})


def delete_security_group(req: Request) -> Response:
    """DELETE /security-groups/{id}: refused (409) while a port uses the group."""
    cloud, sg = req.cloud, _sg(req)
    if sg["name"] == "default":
        raise neutron_error(409, "SecurityGroupCannotRemoveDefault",
                            "Insufficient rights for removing default security group.")
    if any(sg["id"] in p["security_groups"] for p in cloud.ports.values()):
        raise neutron_error(409, "SecurityGroupInUse", f"Security Group {sg['id']} in use.")
    for rule in cloud.rules_of(sg["id"]):
        del cloud.security_group_rules[rule["id"]]
    # Rules of other groups that point at this one go with it, as in Neutron.
    for rule in list(cloud.security_group_rules.values()):
        if rule["remote_group_id"] == sg["id"]:
            del cloud.security_group_rules[rule["id"]]
    del cloud.security_groups[sg["id"]]
    return Response(204)


# ----------------------------------------------------- security group rules
def list_rules(req: Request) -> Response:
    """GET /security-group-rules (filters: security_group_id, direction, ...)."""
    return list_items(req, list(req.cloud.security_group_rules.values()),
                      "security_group_rules", _plain)


def _rule(req: Request) -> dict[str, Any]:
    return _one(req.cloud, req.cloud.security_group_rules, req.params["id"],
                "SecurityGroupRuleNotFound", "Security group rule {id} does not exist")


def get_rule(req: Request) -> Response:
    """GET /security-group-rules/{id}."""
    return Response(200, {"security_group_rule": _fields(req, dict(_rule(req)))})


_PROTOCOL_NUMBERS = {"icmp": "1", "tcp": "6", "udp": "17", "icmpv6": "58", "ipv6-icmp": "58"}


def _rule_key(rule: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two rules the same rule for Neutron's duplicate check."""
    proto = rule.get("protocol")
    proto = _PROTOCOL_NUMBERS.get(str(proto).lower(), proto) if proto is not None else None
    prefix = rule.get("remote_ip_prefix")
    if prefix in ("0.0.0.0/0", "::/0"):
        prefix = None  # "anywhere" and "no prefix" are the same rule
    elif prefix is not None:
        prefix = str(ipaddress.ip_network(prefix, strict=False))
    return (rule["security_group_id"], rule.get("direction"), rule.get("ethertype"), proto,
            rule.get("port_range_min"), rule.get("port_range_max"), prefix,
            rule.get("remote_group_id"))


def create_rule(req: Request) -> Response:
    """POST /security-group-rules: 409 SecurityGroupRuleExists for a duplicate."""
    cloud, body = req.cloud, _body(req, "security_group_rule")
    sg_id = body.get("security_group_id")
    if sg_id not in cloud.security_groups:
        raise neutron_error(404, "SecurityGroupNotFound", f"Security group {sg_id} does not exist")
    direction = body.get("direction")
    if direction not in ("ingress", "egress"):
        raise neutron_error(400, "HTTPBadRequest", f"Invalid input for direction. Reason: "
                                                   f"{direction} is not in valid_values.")
    ethertype = body.get("ethertype", "IPv4")
    if ethertype not in ("IPv4", "IPv6"):
        raise neutron_error(400, "SecurityGroupRuleInvalidEtherType",
                            f"Security group rule for ethertype '{ethertype}' not supported. "
                            f"Allowed values are ['IPv4', 'IPv6'].")
    if body.get("remote_ip_prefix") and body.get("remote_group_id"):
        raise neutron_error(400, "SecurityGroupRemoteGroupAndRemoteIpPrefix",
                            "Only remote_ip_prefix or remote_group_id may be provided.")
    remote_group = body.get("remote_group_id")
    if remote_group and remote_group not in cloud.security_groups:
        raise neutron_error(404, "SecurityGroupNotFound",
                            f"Security group {remote_group} does not exist")
    pmin, pmax = body.get("port_range_min"), body.get("port_range_max")
    if pmin is not None and pmax is not None and str(body.get("protocol")) in ("tcp", "udp", "6", "17") \
            and int(pmin) > int(pmax):
        raise neutron_error(400, "SecurityGroupInvalidPortRange",
                            "For TCP/UDP protocols, port_range_min must be <= port_range_max")
    prefix = body.get("remote_ip_prefix")
    fields = {"direction": direction, "ethertype": ethertype, "protocol": body.get("protocol"),
              "port_range_min": None if pmin is None else int(pmin),
              "port_range_max": None if pmax is None else int(pmax),
              "remote_ip_prefix": prefix, "remote_group_id": remote_group,
              "normalized_cidr": (str(ipaddress.ip_network(prefix, strict=False))
                                  if prefix else None),
              "description": body.get("description", "")}
    key = _rule_key({"security_group_id": sg_id, **fields})
    for rule in cloud.rules_of(sg_id):
        if _rule_key(rule) == key:
            raise neutron_error(409, "SecurityGroupRuleExists",
                                f"Security group rule already exists. Rule id is {rule['id']}.")
    rule = cloud.new_security_group_rule(sg_id, **fields)
    return Response(201, {"security_group_rule": dict(rule)})


def delete_rule(req: Request) -> Response:
    """DELETE /security-group-rules/{id}."""
    del req.cloud.security_group_rules[_rule(req)["id"]]
    return Response(204)


def register(router: Router) -> None:
    router.add("GET", PREFIX, versions, auth=False)
    router.add("GET", V2, index)
    router.add("GET", f"{V2}/extensions", list_extensions)
    router.add("GET", f"{V2}/extensions/{{alias}}", get_extension)
    router.add("GET", f"{V2}/networks", list_networks)
    router.add("GET", f"{V2}/networks/{{id}}", get_network)
    router.add("GET", f"{V2}/subnets", list_subnets)
    router.add("GET", f"{V2}/subnets/{{id}}", get_subnet)
    router.add("GET", f"{V2}/routers", list_routers)
    router.add("GET", f"{V2}/ports", list_ports)
    router.add("POST", f"{V2}/ports", create_port)
    router.add("GET", f"{V2}/ports/{{id}}", get_port)
    router.add("PUT", f"{V2}/ports/{{id}}", update_port)
    router.add("DELETE", f"{V2}/ports/{{id}}", delete_port)
    router.add("GET", f"{V2}/floatingips", list_floating_ips)
    router.add("POST", f"{V2}/floatingips", create_floating_ip)
    router.add("GET", f"{V2}/floatingips/{{id}}", get_floating_ip)
    router.add("PUT", f"{V2}/floatingips/{{id}}", update_floating_ip)
    router.add("DELETE", f"{V2}/floatingips/{{id}}", delete_floating_ip)
    router.add("GET", f"{V2}/security-groups", list_security_groups)
    router.add("POST", f"{V2}/security-groups", create_security_group)
    router.add("GET", f"{V2}/security-groups/{{id}}", get_security_group)
    router.add("PUT", f"{V2}/security-groups/{{id}}", update_security_group)
    router.add("DELETE", f"{V2}/security-groups/{{id}}", delete_security_group)
    router.add("GET", f"{V2}/security-group-rules", list_rules)
    router.add("POST", f"{V2}/security-group-rules", create_rule)
    router.add("GET", f"{V2}/security-group-rules/{{id}}", get_rule)
    router.add("DELETE", f"{V2}/security-group-rules/{{id}}", delete_rule)
