"""Test hosts: network namespaces that look like small VMs to Ansible.

Each host is a network namespace on a bridge, with a fixed address (the
cloud's private network) and a second, "floating" address (the cloud's NAT),
its own sshd, and its own podman API service standing in for Docker Engine.
The namespaces share the machine's filesystem, so each host also gets a
private mount and UTS namespace (kept alive by an "anchor" process) in which
/run, /srv, /etc/hosts and /etc/resolv.conf are its own, and its own
container storage that reads images from the machine's shared store.

Everything started here ends by itself after ``lifetime`` seconds even if
the test process dies, and :meth:`TestHosts.down` removes it all at once.

Usage outside pytest (as root):  python -m tests.infra.testhosts up 3 /tmp/hosts
                                 python -m tests.infra.testhosts down /tmp/hosts
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BRIDGE = "bobr0"
PREFIX = "10.77"
GATEWAY_PRIVATE = f"{PREFIX}.0.1"
GATEWAY_FLOATING = f"{PREFIX}.1.1"

# The anchor holds the host's private mounts; sshd and podman run inside it.
ANCHOR_SCRIPT = r"""
set -e
mount -t tmpfs -o mode=755 tmpfs /run
mkdir -p /run/sshd /run/lock /run/containers
mount --bind "$1/srv" /srv
mount --bind "$1/hosts" /etc/hosts
mount --bind "$1/resolv.conf" /etc/resolv.conf
hostname "$2"
exec sleep "$3"
"""

SSHD_CONFIG = """\
ListenAddress 0.0.0.0
Port 22
HostKey {dir}/ssh_host_ed25519_key
PidFile {dir}/sshd.pid
AuthorizedKeysFile {authorized_keys}
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
"""

# Images come from the machine's shared store at no cost; what a host
# creates stays in its own graph root.
STORAGE_CONF = """\
[storage]
driver = "overlay"
graphroot = "{dir}/storage"
runroot = "/run/containers/storage"
[storage.options]
additionalimagestores = ["/var/lib/containers/storage"]
"""

# runc, cgroupfs and the ulimits this machine allows (see the file).
CONTAINERS_CONF = Path(__file__).with_name("containers.conf")


def _run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=check, capture_output=True, text=True)


@dataclass
class Host:
    name: str
    netns: str
    fixed: str
    floating: str
    dir: str
    anchor_pid: int = 0
    pids: list[int] = field(default_factory=list)

    def enter(self) -> list[str]:
        """The command prefix that runs a program on this host."""
        return ["nsenter", "-t", str(self.anchor_pid), "-m", "-u", "-n", "--"]

    @property
    def docker_socket(self) -> str:
        return "/run/docker.sock"


@dataclass
class TestHosts:
    """A set of test hosts under ``root`` (a directory the caller owns)."""

    root: Path
    count: int
    lifetime: int = 3600
    hosts: list[Host] = field(default_factory=list)

    @property
    def key(self) -> Path:
        return self.root / "id_ed25519"

    @property
    def slots(self) -> list[dict[str, str]]:
        """Fixed and floating address per host, for the fake cloud's config."""
        return [{"fixed": h.fixed, "floating": h.floating} for h in self.hosts]

    def up(self) -> "TestHosts":
        self.root.mkdir(parents=True, exist_ok=True)
        if not self.key.exists():
            _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "benchop-test", "-f", str(self.key))
        self._bridge()
        try:
            for index in range(self.count):
                self.hosts.append(self._host(index))
            for host in self.hosts:
                self._wait_ssh(host)
        except BaseException:
            self.down()
            raise
        self._save()
        return self

    def _bridge(self) -> None:
        if _run("ip", "link", "show", BRIDGE, check=False).returncode == 0:
            return
        _run("ip", "link", "add", BRIDGE, "type", "bridge")
        _run("ip", "addr", "add", f"{GATEWAY_PRIVATE}/24", "dev", BRIDGE)
        _run("ip", "addr", "add", f"{GATEWAY_FLOATING}/24", "dev", BRIDGE)
        _run("ip", "link", "set", BRIDGE, "up")

    def _host(self, index: int) -> Host:
        name = f"bohost{index}"
        host = Host(name=name, netns=f"bo-{name}", fixed=f"{PREFIX}.0.{11 + index}",
                    floating=f"{PREFIX}.1.{11 + index}", dir=str(self.root / name))
        hdir = Path(host.dir)
        if hdir.exists():
            shutil.rmtree(hdir)
        (hdir / "srv").mkdir(parents=True)
        (hdir / "storage").mkdir()
        (hdir / "hosts").write_text(f"127.0.0.1 localhost\n{host.fixed} {name}\n")
        # A resolver that answers "refused" at once, so nothing waits on DNS.
        (hdir / "resolv.conf").write_text("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
        (hdir / "storage.conf").write_text(STORAGE_CONF.format(dir=hdir))
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(hdir / "ssh_host_ed25519_key"))
        (hdir / "sshd_config").write_text(SSHD_CONFIG.format(dir=hdir, authorized_keys=f"{self.key}.pub"))

        veth = f"bov{index}"
        _run("ip", "netns", "add", host.netns)
        _run("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", host.netns)
        _run("ip", "link", "set", veth, "master", BRIDGE, "up")
        inside = ["ip", "netns", "exec", host.netns]
        _run(*inside, "ip", "addr", "add", f"{host.fixed}/24", "dev", "eth0")
        _run(*inside, "ip", "addr", "add", f"{host.floating}/24", "dev", "eth0")
        _run(*inside, "ip", "link", "set", "eth0", "up")
        _run(*inside, "ip", "link", "set", "lo", "up")
        # A default route to nowhere: nothing leaves the test network.
        _run(*inside, "ip", "route", "add", "default", "via", f"{PREFIX}.0.254")

        # nsenter, not "ip netns exec": the latter remounts /sys and runc then fails.
        anchor = subprocess.Popen(
            ["nsenter", f"--net=/run/netns/{host.netns}", "unshare", "--mount", "--uts", "--propagation",
             "private", "sh", "-c", ANCHOR_SCRIPT, "anchor", str(hdir), name, str(self.lifetime)],
            stdout=subprocess.DEVNULL, stderr=open(hdir / "anchor.log", "w"), start_new_session=True,
        )
        host.anchor_pid = anchor.pid
        self._wait_anchor(host)
        env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
               "CONTAINERS_CONF": str(CONTAINERS_CONF),
               "CONTAINERS_STORAGE_CONF": str(hdir / "storage.conf")}
        timeout = ["timeout", str(self.lifetime)]
        for cmd, log in (
            (["/usr/sbin/sshd", "-D", "-e", "-f", str(hdir / "sshd_config")], "sshd.log"),
            (["podman", "system", "service", "--time=0", f"unix://{host.docker_socket}"], "podman.log"),
        ):
            proc = subprocess.Popen(host.enter() + timeout + cmd, env=env, stdout=subprocess.DEVNULL,
                                    stderr=open(hdir / log, "w"), start_new_session=True)
            host.pids.append(proc.pid)
        return host

    @staticmethod
    def _wait_anchor(host: Host, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            probe = _run(*host.enter(), "hostname", check=False)
            if probe.returncode == 0 and probe.stdout.strip() == host.name:
                return
            time.sleep(0.05)
        raise RuntimeError(f"test host {host.name}: its namespace did not come up: "
                           + Path(host.dir, "anchor.log").read_text())

    def _wait_ssh(self, host: Host, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            probe = _run(*self.ssh_command(host), "test -S /run/docker.sock && hostname", check=False)
            if probe.returncode == 0 and probe.stdout.strip() == host.name:
                return
            time.sleep(0.2)
        raise RuntimeError(f"test host {host.name}: sshd or the podman service did not come up: "
                           + Path(host.dir, "sshd.log").read_text() + Path(host.dir, "podman.log").read_text())

    def ssh_command(self, host: Host, address: str | None = None) -> list[str]:
        return ["ssh", "-i", str(self.key), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR",
                f"root@{address or host.fixed}"]

    def _save(self) -> None:
        (self.root / "hosts.json").write_text(json.dumps([asdict(h) for h in self.hosts], indent=1))

    @classmethod
    def load(cls, root: Path) -> "TestHosts":
        hosts = [Host(**h) for h in json.loads((root / "hosts.json").read_text())]
        return cls(root=root, count=len(hosts), hosts=hosts)

    def down(self) -> None:
        """Stop every process of every host (containers too), remove the namespaces and the bridge."""
        for host in self.hosts:
            pids = _run("ip", "netns", "pids", host.netns, check=False).stdout.split()
            for pid in [*pids, *map(str, host.pids), str(host.anchor_pid)]:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except (ProcessLookupError, ValueError):
                    pass
        for host in self.hosts:
            _run("ip", "netns", "delete", host.netns, check=False)
        _run("ip", "link", "delete", BRIDGE, check=False)
        self.hosts = []


def main(argv: list[str]) -> None:
    if argv[:1] == ["up"]:
        hosts = TestHosts(Path(argv[2]), int(argv[1])).up()
        print(json.dumps(hosts.slots))
    elif argv[:1] == ["down"]:
        TestHosts.load(Path(argv[1])).down()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
