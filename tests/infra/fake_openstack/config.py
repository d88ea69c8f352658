"""The fake cloud's configuration: who may log in and what the cloud offers.

The configuration is a JSON document (see ``FakeConfig.from_dict`` for the keys).
Everything here is static for the fake's lifetime; what changes (servers, ports,
floating IPs, ...) lives in ``state.py``.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class AuthConfig:
    """The one user the fake's Keystone accepts, and the project it scopes to."""

    username: str = "benchop"
    password: str = "benchop-secret"
    project_name: str = "benchop"
    domain: str = "Default"
    # Keystone's built-in domain has id "default" and name "Default"; clients
    # may scope by either, so both are accepted.
    domain_id: str = "default"


@dataclass(frozen=True)
class FlavorConfig:
    """A Nova flavor offered by the fake."""

    name: str
    vcpus: int = 1
    ram: int = 1024
    disk: int = 10


@dataclass(frozen=True)
class ImageConfig:
    """A Glance image offered by the fake (always active and public)."""

    name: str


@dataclass(frozen=True)
class NetworkConfig:
    """A Neutron network with (at most) one IPv4 subnet."""

    name: str
    cidr: str | None = None
    external: bool = False
    subnet_name: str | None = None
    gateway_ip: str | None = None


@dataclass(frozen=True)
class Slot:
    """One test host: the fixed address a server port gets and its floating twin.

    The tests wire up a network namespace per slot, so the fake must hand out
    exactly these addresses (see state.py for how slots are chosen).
    """

    fixed: str
    floating: str | None = None


@dataclass(frozen=True)
class FakeConfig:
    """Everything the fake needs to know at start-up."""

    auth: AuthConfig = field(default_factory=AuthConfig)
    region: str = "RegionOne"
    flavors: tuple[FlavorConfig, ...] = ()
    images: tuple[ImageConfig, ...] = ()
    private_network: NetworkConfig = field(
        default_factory=lambda: NetworkConfig(name="private", cidr="10.77.0.0/24"))
    external_network: NetworkConfig | None = None
    hosts: tuple[Slot, ...] = ()
    broken_images: tuple[str, ...] = ()
    # Seconds a new server stays in BUILD, and a deleted one in DELETED.
    build_delay: float = 0.5
    delete_delay: float = 0.5
    token_ttl: int = 3600

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FakeConfig:
        """Build the configuration from its JSON form.

        ``networks`` is either a list of network objects (one without and one
        with ``"router:external": true``) or a mapping ``{"private": {...},
        "external": {...}}``.  Each network object has ``name`` and optionally
        ``cidr``/``subnet``, ``subnet_name`` and ``gateway_ip``.
        """
        auth = AuthConfig(**data.get("auth", {}))
        nets = data.get("networks", {})
        if isinstance(nets, dict):
            raw = [dict(v, **({"router:external": True} if k == "external" else {}))
                   for k, v in nets.items()]
        else:
            raw = list(nets)
        private = external = None
        for net in raw:
            cfg = NetworkConfig(
                name=net["name"],
                cidr=net.get("cidr") or net.get("subnet"),
                external=bool(net.get("router:external", net.get("external", False))),
                subnet_name=net.get("subnet_name"),
                gateway_ip=net.get("gateway_ip"),
            )
            if cfg.external:
                external = external or cfg
            else:
                private = private or cfg
        config = cls(
            auth=auth,
            region=data.get("region", "RegionOne"),
            flavors=tuple(FlavorConfig(**f) for f in data.get("flavors", [])),
            images=tuple(ImageConfig(**(i if isinstance(i, dict) else {"name": i}))
                         for i in data.get("images", [])),
            private_network=private or NetworkConfig(name="private", cidr="10.77.0.0/24"),
            external_network=external,
            hosts=tuple(Slot(**h) for h in data.get("hosts", [])),
            broken_images=tuple(data.get("broken_images", [])),
            build_delay=float(data.get("build_delay", 0.5)),
            delete_delay=float(data.get("delete_delay", 0.5)),
            token_ttl=int(data.get("token_ttl", 3600)),
        )
        config.validate()
        return config

    @classmethod
    def load(cls, path: str | Path) -> FakeConfig:
        return cls.from_dict(json.loads(Path(path).read_text()))

    def validate(self) -> None:
        """Refuse slots that could never exist on the configured subnets."""
        for slot in self.hosts:
            _check_in(slot.fixed, self.private_network)
            if slot.floating and self.external_network:
                _check_in(slot.floating, self.external_network)


def _check_in(address: str, net: NetworkConfig) -> None:
    if net.cidr and ipaddress.ip_address(address) not in ipaddress.ip_network(net.cidr):
        raise ValueError(f"slot address {address} is not in {net.name}'s subnet {net.cidr}")
