"""Fixtures for the infrastructure tests: a base image, the project image, test hosts.

These tests need root (network namespaces), podman, buildah, runc,
debootstrap and sshd; scripts/test installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .testhosts import TestHosts

BASE_IMAGE = "localhost/debian:bookworm"
from .testhosts import CONTAINERS_CONF


def _missing() -> str | None:
    if os.geteuid() != 0:
        return "needs root (network namespaces, podman)"
    for tool in ("podman", "debootstrap", "sshd", "ip", "nsenter", "runc"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            return f"needs {tool} (scripts/test installs it)"
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/infra" in str(item.fspath):
            item.add_marker(pytest.mark.infra)


def _require_host_tools() -> None:
    reason = _missing()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def podman_env() -> dict[str, str]:
    """Settings podman needs on this machine (runc, cgroupfs, ulimits it allows)."""
    return {"CONTAINERS_CONF": str(CONTAINERS_CONF)}


@pytest.fixture(scope="session")
def base_image(podman_env, tmp_path_factory) -> str:
    """A Debian base image made with debootstrap: no registry is reachable here."""
    _require_host_tools()
    env = {**os.environ, **podman_env}
    if subprocess.run(["podman", "image", "exists", BASE_IMAGE], env=env).returncode != 0:
        root = tmp_path_factory.mktemp("debian-root")
        subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(root), "http://deb.debian.org/debian"],
                       check=True, capture_output=True)
        tar = subprocess.Popen(["tar", "-C", str(root), "-c", "."], stdout=subprocess.PIPE)
        subprocess.run(["podman", "import", "-", BASE_IMAGE], stdin=tar.stdout, env=env, check=True,
                       capture_output=True)
        tar.wait()
        shutil.rmtree(root, ignore_errors=True)
    return BASE_IMAGE


@pytest.fixture(scope="module")
def test_hosts(tmp_path_factory, request):
    """Network-namespace hosts with sshd and a podman API; the count comes from the module's HOSTS."""
    _require_host_tools()
    hosts = TestHosts(tmp_path_factory.mktemp("hosts"), getattr(request.module, "HOSTS", 3)).up()
    yield hosts
    hosts.down()


def node_vars(hosts: TestHosts, workdir: Path, base_image: str) -> dict:
    """Extra variables that point the real playbooks at the test hosts."""
    return {
        "ansible_user": "root",
        "ansible_ssh_private_key_file": str(hosts.key),
        "benchop_ssh_user": "root",
        "benchop_ssh_options": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR",
        # Debian's system python lacks requests; the hosts share this filesystem.
        "ansible_python_interpreter": str(Path(os.sys.executable)),
        # No systemd here: the podman API service stands in for Docker Engine.
        "docker_host_install": False,
        "docker_host_socket": f"unix://{hosts.hosts[0].docker_socket}",
        # The namespaces share the filesystem: /srv is each host's own.
        "benchop_config_dir": "/srv/benchop",
        "benchop_state_dir": str(workdir / "state"),
        "benchop_image_builder": "podman",
        "benchop_image_builder_options": ["--isolation=chroot"],
        "benchop_image_pip_ca": "/etc/ssl/certs/ca-certificates.crt",
        "benchop_image_build_args": [f"BASE_IMAGE={base_image}"],
        # podman always reports these as changed (see the platform notes).
        "benchop_container_comparisons": {k: "ignore" for k in ("volumes", "mounts", "log_options", "tmpfs",
                                                                 "network_mode")},
        "dask_worker_processes": 1,
    }
