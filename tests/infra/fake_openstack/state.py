"""The fake cloud's mutable state, its clock-driven transitions and its address slots.

Resources are kept as plain dicts in the shape the APIs return them (Neutron
resources exactly so; servers with a few extra ``_private`` keys that
``compute.py`` strips), so that the whole state is JSON and can be saved to a
``--state`` file after every change and loaded again by a restarted fake.

Address slots
-------------
The configuration lists ``hosts``: ordered slots ``{"fixed", "floating"}`` that
stand for test hosts the tests create elsewhere.  A new port on the private
network takes the fixed address of the first slot whose fixed address no port
holds.  A floating IP created for a port takes that port's slot's floating
address.  A floating IP created without a port takes the floating address of
the first slot whose floating address no floating IP holds, and *moves* to the
slot address of the port it is later associated with (swapping with whichever
unassociated floating IP held that address).  Real Neutron never renumbers a
floating IP; the fake does because each slot's floating address is NATed to its
fixed address by the test hosts' wiring, i.e. the address stands for the cloud's
NAT rule rather than for an arbitrary allocation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from .config import FakeConfig, NetworkConfig, Slot

# Stable ids for what comes from the configuration, so that a restarted fake
# (with or without a state file) shows the same networks, images and flavors.
_NS = uuid.UUID("5b1f4a8e-8c53-4c1e-9a55-6f0d7b1b2c3d")


def stable_id(kind: str, name: str) -> str:
    return str(uuid.uuid5(_NS, f"{kind}:{name}"))


def new_id() -> str:
    return str(uuid.uuid4())


def isotime(when: float | None = None, micro: bool = False) -> str:
    """An ISO 8601 UTC timestamp as the OpenStack APIs write them."""
    stamp = dt.datetime.fromtimestamp(time.time() if when is None else when, dt.UTC)
    if micro:
        return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


def random_mac() -> str:
    # fa:16:3e is the prefix Neutron uses for the MACs it generates.
    return "fa:16:3e:" + ":".join(f"{random.randint(0, 255):02x}" for _ in range(3))


class ConflictError(Exception):
    """No address left, or an address already taken."""


class Cloud:
    """All resources of the fake cloud, guarded by ``lock`` (held per request)."""

    COLLECTIONS = ("servers", "ports", "floating_ips", "security_groups",
                   "security_group_rules", "keypairs", "tokens")

    def __init__(self, config: FakeConfig, state_file: str | Path | None = None) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.state_file = Path(state_file) if state_file else None
        auth = config.auth
        self.domain_id = auth.domain_id
        self.project_id = stable_id("project", auth.project_name).replace("-", "")
        self.admin_project_id = stable_id("project", "admin").replace("-", "")
        self.user_id = stable_id("user", auth.username).replace("-", "")
        self.flavors = {f["id"]: f for f in (self._flavor(c) for c in config.flavors)}
        self.images = {i["id"]: i for i in (self._image(c.name) for c in config.images)}
        self.networks: dict[str, dict[str, Any]] = {}
        self.subnets: dict[str, dict[str, Any]] = {}
        self.private_network_id = self._network(config.private_network, self.project_id)
        self.external_network_id = (self._network(config.external_network, self.admin_project_id)
                                    if config.external_network else None)
        self.servers: dict[str, dict[str, Any]] = {}
        self.ports: dict[str, dict[str, Any]] = {}
        self.floating_ips: dict[str, dict[str, Any]] = {}
        self.security_groups: dict[str, dict[str, Any]] = {}
        self.security_group_rules: dict[str, dict[str, Any]] = {}
        self.keypairs: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, float] = {}
        if self.state_file and self.state_file.exists():
            self.load()
        if not any(sg["name"] == "default" for sg in self.security_groups.values()):
            self._create_default_security_group()

    # ----------------------------------------------------------------- static
    def _flavor(self, cfg: Any) -> dict[str, Any]:
        return {"id": stable_id("flavor", cfg.name), "name": cfg.name, "vcpus": cfg.vcpus,
                "ram": cfg.ram, "disk": cfg.disk}

    def _image(self, name: str) -> dict[str, Any]:
        now = isotime(0)
        image_id = stable_id("image", name)
        return {
            "id": image_id, "name": name, "status": "active", "visibility": "public",
            "protected": False, "os_hidden": False, "owner": self.admin_project_id,
            "checksum": None, "os_hash_algo": None, "os_hash_value": None,
            "size": 0, "virtual_size": None, "min_ram": 0, "min_disk": 0,
            "disk_format": "qcow2", "container_format": "bare", "tags": [],
            "created_at": now, "updated_at": now,
            "self": f"/v2/images/{image_id}", "file": f"/v2/images/{image_id}/file",
            "schema": "/v2/schemas/image",
        }

    def _network(self, cfg: NetworkConfig, project_id: str) -> str:
        now = isotime(0)
        net_id = stable_id("network", cfg.name)
        subnet_ids = []
        if cfg.cidr:
            import ipaddress

            cidr = ipaddress.ip_network(cfg.cidr)
            hosts = list(cidr.hosts())
            subnet_id = stable_id("subnet", cfg.name)
            gateway = cfg.gateway_ip or str(hosts[0])
            self.subnets[subnet_id] = {
                "id": subnet_id, "name": cfg.subnet_name or f"{cfg.name}-subnet",
                "network_id": net_id, "tenant_id": project_id, "project_id": project_id,
                "cidr": str(cidr), "ip_version": cidr.version, "gateway_ip": gateway,
                "enable_dhcp": not cfg.external,
                "allocation_pools": [{"start": str(hosts[1]), "end": str(hosts[-1])}],
                "dns_nameservers": [], "host_routes": [], "service_types": [],
                "ipv6_ra_mode": None, "ipv6_address_mode": None, "subnetpool_id": None,
                "description": "", "tags": [], "created_at": now, "updated_at": now,
                "revision_number": 0,
            }
            subnet_ids.append(subnet_id)
        self.networks[net_id] = {
            "id": net_id, "name": cfg.name, "tenant_id": project_id, "project_id": project_id,
            "status": "ACTIVE", "admin_state_up": True, "shared": False,
            "router:external": cfg.external, "subnets": subnet_ids, "mtu": 1450,
            "availability_zones": ["nova"], "availability_zone_hints": [],
            "ipv4_address_scope": None, "ipv6_address_scope": None,
            "port_security_enabled": True, "is_default": False, "l2_adjacency": True,
            "qos_policy_id": None, "dns_domain": "", "description": "", "tags": [],
            "created_at": now, "updated_at": now, "revision_number": 1,
        }
        return net_id

    def _create_default_security_group(self) -> None:
        # Neutron creates a "default" group per project: all egress allowed,
        # ingress only from members of the group itself.
        sg = self.new_security_group("default", "Default security group")
        for ethertype in ("IPv4", "IPv6"):
            self.new_security_group_rule(sg["id"], direction="egress", ethertype=ethertype)
            self.new_security_group_rule(sg["id"], direction="ingress", ethertype=ethertype,
                                         remote_group_id=sg["id"])

    def default_security_group(self) -> dict[str, Any]:
        return next(sg for sg in self.security_groups.values() if sg["name"] == "default")

    # ---------------------------------------------------------------- tokens
    def issue_token(self) -> tuple[str, float]:
        token = "gAAAAA" + uuid.uuid4().hex + uuid.uuid4().hex
        expires = time.time() + self.config.token_ttl
        self.tokens[token] = expires
        return token, expires

    def token_valid(self, token: str | None) -> bool:
        return bool(token) and self.tokens.get(token, 0) > time.time()

    # ------------------------------------------------------- security groups
    def new_security_group(self, name: str, description: str = "") -> dict[str, Any]:
        now = isotime()
        sg = {"id": new_id(), "name": name, "description": description,
              "tenant_id": self.project_id, "project_id": self.project_id,
              "security_group_rules": [], "stateful": True, "shared": False, "tags": [],
              "created_at": now, "updated_at": now, "revision_number": 1}
        self.security_groups[sg["id"]] = sg
        return sg

    def new_security_group_rule(self, security_group_id: str, **fields: Any) -> dict[str, Any]:
        now = isotime()
        rule = {"id": new_id(), "security_group_id": security_group_id,
                "direction": "ingress", "ethertype": "IPv4", "protocol": None,
                "port_range_min": None, "port_range_max": None, "remote_ip_prefix": None,
                "remote_group_id": None, "remote_address_group_id": None,
                "normalized_cidr": None, "description": "",
                "tenant_id": self.project_id, "project_id": self.project_id,
                "created_at": now, "updated_at": now, "revision_number": 0}
        rule.update(fields)
        rule["belongs_to_default_sg"] = (
            self.security_groups[security_group_id]["name"] == "default")
        self.security_group_rules[rule["id"]] = rule
        return rule

    def rules_of(self, security_group_id: str) -> list[dict[str, Any]]:
        return [r for r in self.security_group_rules.values()
                if r["security_group_id"] == security_group_id]

    # ----------------------------------------------------------------- slots
    def slot_of_fixed(self, address: str | None) -> Slot | None:
        return next((s for s in self.config.hosts if s.fixed == address), None)

    def allocate_fixed(self) -> str:
        """The fixed address of the first slot no port holds."""
        used = {ip["ip_address"] for p in self.ports.values() for ip in p["fixed_ips"]}
        for slot in self.config.hosts:
            if slot.fixed not in used:
                return slot.fixed
        raise ConflictError(
            f"No more IP addresses available on network {self.private_network_id}.")

    def allocate_floating(self, port: dict[str, Any] | None,
                          fip_id: str | None = None) -> str:
        """The floating address a floating IP should have (see module doc).

        With a port: the port's slot's floating address; an unassociated
        floating IP holding it is moved to another free address first.
        Without: the first slot floating address no floating IP holds.
        """
        held = {f["floating_ip_address"]: f for f in self.floating_ips.values()
                if f["id"] != fip_id}
        if port is not None:
            fixed = port["fixed_ips"][0]["ip_address"] if port["fixed_ips"] else None
            slot = self.slot_of_fixed(fixed)
            if slot and slot.floating:
                other = held.get(slot.floating)
                if other is not None:
                    if other["port_id"]:
                        raise ConflictError(
                            f"IP address {slot.floating} already allocated in subnet.")
                    # Swap: the unassociated holder gets some other free address.
                    other["floating_ip_address"] = self._free_floating(
                        set(held) | {slot.floating})
                return slot.floating
        return self._free_floating(set(held))

    def _free_floating(self, held: set[str]) -> str:
        for slot in self.config.hosts:
            if slot.floating and slot.floating not in held:
                return slot.floating
        raise ConflictError(
            f"No more IP addresses available on network {self.external_network_id}.")

    # ------------------------------------------------------------ lifecycle
    def delete_port(self, port_id: str) -> None:
        """Remove a port; floating IPs on it are disassociated (as in Neutron)."""
        self.ports.pop(port_id, None)
        for fip in self.floating_ips.values():
            if fip["port_id"] == port_id:
                fip.update(port_id=None, fixed_ip_address=None, status="DOWN",
                           port_details=None, router_id=None, updated_at=isotime())

    def ports_of(self, server_id: str) -> list[dict[str, Any]]:
        return [p for p in self.ports.values() if p["device_id"] == server_id]

    def tick(self) -> None:
        """Advance servers whose BUILD or DELETED delay has run out."""
        now = time.time()
        for server in list(self.servers.values()):
            if server["status"] == "BUILD" and now >= server["_ready_at"]:
                self._finish_build(server, now)
            elif server["status"] == "DELETED" and now >= server["_gone_at"]:
                for port in self.ports_of(server["id"]):
                    self.delete_port(port["id"])
                del self.servers[server["id"]]
                self.save()

    def _finish_build(self, server: dict[str, Any], now: float) -> None:
        failure = server.get("_failure")
        image = self.images.get(server["_image_id"], {})
        if failure is None and image.get("name") in self.config.broken_images:
            failure = (f"Build of instance {server['id']} aborted: image "
                       f"{image['name']} does not boot (listed in broken_images)")
            server["_console"].append(
                "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)")
        if failure is not None:
            # Nova deallocates the networking of an instance that failed to build.
            for port in self.ports_of(server["id"]):
                self.delete_port(port["id"])
            server.update(status="ERROR", _vm_state="error", _power_state=0,
                          updated=isotime(now))
            server["fault"] = {"message": failure, "code": 500, "created": isotime(now)}
            server["_console"].append(f"[fake-openstack] instance failed to build: {failure}")
        else:
            server.update(status="ACTIVE", _vm_state="active", _power_state=1,
                          updated=isotime(now), _launched_at=isotime(now, micro=True))
            server["_console"].append(f"{server['name']} login: ")
        self.save()

    # ----------------------------------------------------------- persistence
    def save(self) -> None:
        if not self.state_file:
            return
        data = {name: getattr(self, name) for name in self.COLLECTIONS}
        tmp = self.state_file.with_suffix(self.state_file.suffix + ".tmp")
        tmp.write_text(json.dumps(data, indent=1))
        os.replace(tmp, self.state_file)

    def load(self) -> None:
        assert self.state_file is not None
        data = json.loads(self.state_file.read_text())
        for name in self.COLLECTIONS:
            getattr(self, name).update(data.get(name, {}))

    def summary(self) -> dict[str, Any]:
        """What /_fake/state reports: what a clean-up must leave at zero (and each server's flavor)."""
        sgs = [sg for sg in self.security_groups.values() if sg["name"] != "default"]
        listing = {
            "servers": [{"id": s["id"], "name": s["name"], "status": s["status"],
                         "flavor": self.flavors.get(s["_flavor_id"], {}).get("name")}
                        for s in self.servers.values()],
            "ports": [{"id": p["id"], "device_id": p["device_id"],
                       "fixed_ips": [i["ip_address"] for i in p["fixed_ips"]]}
                      for p in self.ports.values()],
            "floating_ips": [{"id": f["id"], "floating_ip_address": f["floating_ip_address"],
                              "port_id": f["port_id"]} for f in self.floating_ips.values()],
            "security_groups": [{"id": sg["id"], "name": sg["name"], "rules": [
                {k: r[k] for k in ("direction", "protocol", "port_range_min", "port_range_max",
                                   "remote_ip_prefix", "remote_group_id")}
                for r in self.security_group_rules.values() if r["security_group_id"] == sg["id"]]}
                for sg in sgs],
            "keypairs": [{"name": k["name"]} for k in self.keypairs.values()],
        }
        return {"counts": {k: len(v) for k, v in listing.items()}, **listing}
