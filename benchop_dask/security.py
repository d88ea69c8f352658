"""TLS for remote clusters: find the client certificate for a scheduler address.

``playbooks/deploy.yml`` writes, on the controller, one ``cluster.yaml`` per
cluster under ``benchop.clusters-dir``: the scheduler's address and the CA,
certificate and key a client presents. ``benchop run --scheduler tls://...``
looks the address up there, so no TLS flags are needed. Without a match,
Dask's own ``distributed.comm.tls`` configuration applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dask.config
import yaml
from distributed.security import Security


@dataclass(frozen=True)
class ClusterFile:
    """What the deploy playbook tells a client about one cluster."""

    name: str
    scheduler: str
    ca_file: str
    cert: str
    key: str
    dashboard: str = ""

    @classmethod
    def read(cls, path: Path) -> "ClusterFile":
        data = yaml.safe_load(path.read_text()) or {}
        tls = data.get("tls", {})
        return cls(name=str(data.get("name", path.parent.name)), scheduler=str(data.get("scheduler", "")),
                   ca_file=str(tls.get("ca-file", "")), cert=str(tls.get("cert", "")), key=str(tls.get("key", "")),
                   dashboard=str(data.get("dashboard", "")))

    def security(self) -> Security:
        return Security(tls_ca_file=self.ca_file, tls_client_cert=self.cert, tls_client_key=self.key,
                        require_encryption=True)


def clusters_dir() -> Path:
    return Path(dask.config.get("benchop.clusters-dir")).expanduser()


def known_clusters() -> list[ClusterFile]:
    found = []
    for path in sorted(clusters_dir().glob("*/cluster.yaml")):
        try:
            found.append(ClusterFile.read(path))
        except (OSError, yaml.YAMLError):
            continue  # a half-written or foreign file is not ours to judge
    return found


def cluster_file(address: str) -> ClusterFile | None:
    """The cluster file of the scheduler at ``address``, if the deploy playbook left one."""
    if not address.startswith("tls://"):
        return None
    return next((cluster for cluster in known_clusters() if cluster.scheduler == address), None)


def security_for(address: str) -> Security | None:
    """The Security to reach ``address``: its cluster file's, or None (Dask's config)."""
    cluster = cluster_file(address)
    return cluster.security() if cluster is not None else None
