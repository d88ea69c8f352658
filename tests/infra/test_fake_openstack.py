"""The fake OpenStack API, exercised by the real openstack.cloud modules.

A fake is started on 127.0.0.1 (port 0) per module; real ``ansible-playbook``
and ``ansible-inventory`` from the dev virtualenv talk to it through a
clouds.yaml in tmp_path.  Nothing here can reach a real cloud: every OS_*
variable is dropped from the environment and the only cloud configured is the
fake.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import openstack
import pytest

from .fake_openstack import FakeConfig, FakeOpenStack

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = REPO / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
SLOTS = [{"fixed": f"10.77.0.{n}", "floating": f"10.77.1.{n}"} for n in (11, 12, 13)]
PUBLIC_KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0wmN/Cr3JXqmLW7u+g9pTh+wyqDHpSQEIQczXkVx9q "
              "benchop-test")

CONFIG: dict[str, Any] = {
    "auth": {"username": "benchop-ci", "password": "not-a-secret", "project_name": "benchop",
             "domain": "Default"},
    "region": "RegionOne",
    "flavors": [{"name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20},
                {"name": "m1.large", "vcpus": 4, "ram": 8192, "disk": 40}],
    "images": [{"name": "debian-12"}, {"name": "broken-image"}],
    "broken_images": ["broken-image"],
    "networks": [{"name": "benchop-net", "cidr": "10.77.0.0/24"},
                 {"name": "public", "cidr": "10.77.1.0/24", "router:external": True}],
    "hosts": SLOTS,
}

needs_ansible = pytest.mark.skipif(not (VENV_BIN / "ansible-playbook").exists(),
                                   reason="ansible is not installed in .venv")


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def fake():
    """The fake the playbooks talk to.

    BUILD lasts 0 s here: openstacksdk polls a building server only every 5 s,
    which would cost 5 s per server for no extra coverage (POST still answers
    BUILD; test_server_lifecycle checks the timed transitions).
    """
    server = FakeOpenStack(FakeConfig.from_dict(dict(CONFIG, build_delay=0.0)))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def fresh_fake():
    """A fake of its own, with the default delays, for one test."""
    with FakeOpenStack(FakeConfig.from_dict(CONFIG)) as server:
        yield server


def clouds_yaml(path: Path, auth_url: str) -> Path:
    auth = CONFIG["auth"]
    path.write_text(textwrap.dedent(f"""\
        clouds:
          fake:
            auth:
              auth_url: {auth_url}
              username: {auth['username']}
              password: {auth['password']}
              project_name: {auth['project_name']}
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            identity_api_version: 3
        """))
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, fake):
    """A directory with clouds.yaml, and the environment that points at it."""
    root = tmp_path_factory.mktemp("ansible")
    clouds_yaml(root / "clouds.yaml", fake.auth_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    env.update({
        "OS_CLIENT_CONFIG_FILE": str(root / "clouds.yaml"),
        "HOME": str(root),  # keep ~/.config/openstack and ~/.ansible out of the way
        "ANSIBLE_LOCAL_TEMP": str(root / "tmp"),
        "ANSIBLE_STDOUT_CALLBACK": "ansible.posix.json",
        "ANSIBLE_LOCALHOST_WARNING": "False",
        "ANSIBLE_INVENTORY_UNPARSED_WARNING": "False",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_RETRY_FILES_ENABLED": "False",
        "ANSIBLE_PIPELINING": "True",
        "ANSIBLE_CACHE_PLUGIN": "memory",
        "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
    })
    return root, env


def run_playbook(workdir: tuple[Path, dict[str, str]], name: str, text: str,
                 check: bool = True, *options: str) -> dict[str, Any]:
    """Run a playbook with the json callback; returns its parsed report."""
    root, env = workdir
    playbook = root / name
    playbook.write_text(textwrap.dedent(text))
    proc = subprocess.run(
        [str(VENV_BIN / "ansible-playbook"), "-i", "localhost,", str(playbook),
         "-e", f"ansible_python_interpreter={PYTHON}", *options],
        env=env, cwd=root, capture_output=True, text=True, timeout=300, check=False)
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(f"{name}: no JSON report (rc={proc.returncode})\n"
                    f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    report["rc"] = proc.returncode
    if check and proc.returncode != 0:
        pytest.fail(f"{name} failed (rc={proc.returncode}):\n"
                    + json.dumps(failures(report), indent=1)[-6000:])
    return report


def task_results(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Task name -> localhost's result, over all plays."""
    return {task["task"]["name"]: task["hosts"].get("localhost", {})
            for play in report["plays"] for task in play["tasks"]}


def failures(report: dict[str, Any]) -> dict[str, Any]:
    return {name: result for name, result in task_results(report).items()
            if result.get("failed") and not result.get("skipped")}


def unwrap(value: Any) -> Any:
    """Undo ansible-core 2.19's {"__ansible_unsafe": ...} tagging in inventory JSON."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {k: unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unwrap(v) for v in value]
    return value


def fake_state(fake: FakeOpenStack) -> dict[str, Any]:
    with urllib.request.urlopen(fake.url + "/_fake/state", timeout=10) as resp:
        return json.loads(resp.read())


# ---------------------------------------------------------------- playbooks
HEADER = """\
- name: {title}
  hosts: localhost
  connection: local
  gather_facts: false
  module_defaults:
    group/openstack.cloud.openstack:
      cloud: fake
  tasks:
"""

CREATE = HEADER.format(title="Create a small cluster") + f"""\
    - name: keypair
      openstack.cloud.keypair:
        name: benchop-key
        public_key: "{PUBLIC_KEY}"
    - name: security group
      openstack.cloud.security_group:
        name: benchop-cluster
        description: Dask scheduler and workers
    - name: ssh rule
      openstack.cloud.security_group_rule:
        security_group: benchop-cluster
        protocol: tcp
        port_range_min: 22
        port_range_max: 22
        remote_ip_prefix: 0.0.0.0/0
    - name: intra-cluster rule
      openstack.cloud.security_group_rule:
        security_group: benchop-cluster
        protocol: tcp
        port_range_min: 8786
        port_range_max: 8790
        remote_group: benchop-cluster
    - name: servers
      openstack.cloud.server:
        name: "{{{{ item.name }}}}"
        image: debian-12
        flavor: m1.small
        key_name: benchop-key
        network: benchop-net
        security_groups: [benchop-cluster]
        auto_ip: false
        metadata:
          benchop_role: "{{{{ item.role }}}}"
        userdata: "#cloud-config\\n"
        wait: true
        timeout: 60
      loop:
        - {{name: benchop-scheduler, role: scheduler}}
        - {{name: benchop-worker-1, role: worker}}
    - name: floating ip
      openstack.cloud.floating_ip:
        server: benchop-scheduler
        network: public
        wait: true
        timeout: 60
    - name: server info by name
      tags: [info]
      openstack.cloud.server_info:
        name: benchop-scheduler
    - name: server info by metadata
      tags: [info]
      openstack.cloud.server_info:
        filters:
          metadata:
            benchop_role: worker
    - name: port info
      tags: [info]
      openstack.cloud.port_info:
        filters:
          device_owner: compute:nova
    - name: floating ip info
      tags: [info]
      openstack.cloud.floating_ip_info:
        floating_network: public
"""

BROKEN = HEADER.format(title="Boot an image that does not boot") + """\
    - name: boot it
      block:
        - name: broken server
          openstack.cloud.server:
            name: benchop-broken
            image: broken-image
            flavor: m1.small
            network: benchop-net
            auto_ip: false
            wait: true
            timeout: 60
      rescue:
        - name: broken server info
          openstack.cloud.server_info:
            name: benchop-broken
"""

TEARDOWN = HEADER.format(title="Delete everything") + """\
    - name: find scheduler floating ip
      openstack.cloud.floating_ip_info:
        floating_network: public
      register: fips
    - name: release floating ip
      openstack.cloud.floating_ip:
        server: benchop-scheduler
        network: public
        floating_ip_address: "{{ item.floating_ip_address }}"
        state: absent
        purge: true
      loop: "{{ fips.floating_ips }}"
    - name: delete servers
      openstack.cloud.server:
        name: "{{ item }}"
        state: absent
        wait: true
        timeout: 60
      loop: [benchop-scheduler, benchop-worker-1, benchop-broken]
    - name: delete security group
      openstack.cloud.security_group:
        name: benchop-cluster
        state: absent
    - name: delete keypair
      openstack.cloud.keypair:
        name: benchop-key
        state: absent
"""

INVENTORY = """\
plugin: openstack.cloud.openstack
only_clouds: [fake]
fail_on_errors: true
keyed_groups:
  - key: openstack.metadata.benchop_role
    prefix: role
"""


# ------------------------------------------------------------------- tests
@needs_ansible
def test_modules_against_fake(fake, workdir):
    """Create, inspect, re-run (idempotence), break, inventory, tear down."""
    root, env = workdir

    report = run_playbook(workdir, "create.yml", CREATE)
    results = task_results(report)
    servers = {r["item"]["name"]: r["server"] for r in results["servers"]["results"]}
    assert {name: s["status"] for name, s in servers.items()} == {
        "benchop-scheduler": "ACTIVE", "benchop-worker-1": "ACTIVE"}
    scheduler_addr = servers["benchop-scheduler"]["addresses"]["benchop-net"]
    worker_addr = servers["benchop-worker-1"]["addresses"]["benchop-net"]
    assert [(a["addr"], a["OS-EXT-IPS:type"]) for a in scheduler_addr] == [
        (SLOTS[0]["fixed"], "fixed")]
    assert [(a["addr"], a["OS-EXT-IPS:type"]) for a in worker_addr] == [
        (SLOTS[1]["fixed"], "fixed")]
    assert servers["benchop-worker-1"]["metadata"] == {"benchop_role": "worker"}
    assert [sg["name"] for sg in servers["benchop-scheduler"]["security_groups"]] == [
        "benchop-cluster"]

    fip = results["floating ip"]["floating_ip"]
    assert results["floating ip"]["changed"] is True
    assert fip["floating_ip_address"] == SLOTS[0]["floating"]
    assert fip["fixed_ip_address"] == SLOTS[0]["fixed"]
    assert fip["status"] == "ACTIVE"

    by_name = results["server info by name"]["servers"]
    assert [s["name"] for s in by_name] == ["benchop-scheduler"]
    assert {a["addr"]: a["OS-EXT-IPS:type"] for a in by_name[0]["addresses"]["benchop-net"]} == {
        SLOTS[0]["fixed"]: "fixed", SLOTS[0]["floating"]: "floating"}
    assert [s["name"] for s in results["server info by metadata"]["servers"]] == [
        "benchop-worker-1"]

    ports = results["port info"]["ports"]
    assert sorted(p["fixed_ips"][0]["ip_address"] for p in ports) == [
        SLOTS[0]["fixed"], SLOTS[1]["fixed"]]
    assert {p["device_id"] for p in ports} == {s["id"] for s in servers.values()}
    fips = results["floating ip info"]["floating_ips"]
    assert [(f["floating_ip_address"], f["port_id"]) for f in fips] == [
        (SLOTS[0]["floating"], next(p["id"] for p in ports
                                    if p["device_id"] == servers["benchop-scheduler"]["id"]))]

    # Idempotence: the same play again changes nothing (the read-only info
    # tasks are skipped: they cannot change anything and each costs a second).
    again = run_playbook(workdir, "create.yml", CREATE, True, "--skip-tags", "info")
    assert again["stats"]["localhost"]["changed"] == 0, failures(again)
    assert again["stats"]["localhost"]["failures"] == 0

    # The inventory plugin groups by metadata and prefers the floating address.
    (root / "openstack.yml").write_text(INVENTORY)
    proc = subprocess.run(
        [str(VENV_BIN / "ansible-inventory"), "-i", str(root / "openstack.yml"), "--list"],
        env=env, cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    inventory = unwrap(json.loads(proc.stdout))
    assert inventory["role_scheduler"]["hosts"] == ["benchop-scheduler"]
    assert inventory["role_worker"]["hosts"] == ["benchop-worker-1"]
    hostvars = inventory["_meta"]["hostvars"]
    assert hostvars["benchop-scheduler"]["ansible_host"] == SLOTS[0]["floating"]
    assert hostvars["benchop-worker-1"]["ansible_host"] == SLOTS[1]["fixed"]

    # A server whose image does not boot fails with Nova's fault message.
    broken = run_playbook(workdir, "broken.yml", BROKEN)
    results = task_results(broken)
    fault = "does not boot (listed in broken_images)"
    assert results["broken server"]["failed"] is True
    # The SDK raises "Error in creating the server. Compute service reports
    # fault: <message>", but ansible-core 2.19 cannot copy the SDK resources the
    # module attaches as extra_data and reports that instead (a real-cloud
    # problem too, not the fake's), so the fault is read back with server_info.
    msg = results["broken server"]["msg"]
    assert fault in msg or "object has no attribute 'owner_seen'" in msg, msg
    (info,) = results["broken server info"]["servers"]
    assert info["status"] == "ERROR"
    assert fault in info["fault"]["message"] and info["fault"]["code"] == 500
    state = fake_state(fake)
    errored = [s for s in state["servers"] if s["name"] == "benchop-broken"]
    assert [s["status"] for s in errored] == ["ERROR"]
    assert state["counts"]["ports"] == 2  # the failed build's port was released

    report = run_playbook(workdir, "teardown.yml", TEARDOWN)
    results = task_results(report)
    assert all(r["changed"] for r in results["delete servers"]["results"])
    assert results["release floating ip"]["changed"] is True
    state = fake_state(fake)
    assert state["counts"] == {"servers": 0, "ports": 0, "floating_ips": 0,
                               "security_groups": 0, "keypairs": 0}, state


# ------------------------------------------------- the fake on its own terms
@pytest.fixture
def conn(fresh_fake, tmp_path, monkeypatch):
    """An openstacksdk connection to a fresh fake (via a clouds.yaml, like the modules)."""
    for key in [k for k in os.environ if k.startswith("OS_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("OS_CLIENT_CONFIG_FILE", str(clouds_yaml(tmp_path / "clouds.yaml",
                                                                fresh_fake.auth_url)))
    connection = openstack.connect(cloud="fake")
    yield connection
    connection.close()


def _call(url: str, method: str = "GET", token: str | None = None,
          body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def test_auth_is_checked(fake):
    status, body = _call(fake.url + "/compute/v2.1/servers")
    assert status == 401 and body["error"]["code"] == 401
    status, _ = _call(fake.url + "/network/v2.0/ports", token="not-a-token")
    assert status == 401
    bad = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": CONFIG["auth"]["username"], "password": "wrong", "domain": {"name": "Default"}}}}}}
    status, _ = _call(fake.url + "/identity/v3/auth/tokens", "POST", body=bad)
    assert status == 401


def test_errors_read_like_the_real_apis(fresh_fake, conn):
    fake = fresh_fake
    with pytest.raises(openstack.exceptions.NotFoundException, match="could not be found"):
        conn.compute.get_server("00000000-0000-0000-0000-000000000000")
    token = conn.session.get_token()
    status, body = _call(fake.url + "/compute/v2.1/servers/nope", token=token)
    assert status == 404 and body["itemNotFound"]["code"] == 404
    status, body = _call(fake.url + "/network/v2.0/ports/nope", token=token)
    assert status == 404 and body["NeutronError"]["type"] == "PortNotFound"

    sg = conn.network.create_security_group(name="in-use")
    rule = {"security_group_id": sg.id, "direction": "ingress", "ether_type": "IPv4",
            "protocol": "tcp", "port_range_min": 80, "port_range_max": 80}
    conn.network.create_security_group_rule(**rule)
    with pytest.raises(openstack.exceptions.ConflictException, match="already exists"):
        conn.network.create_security_group_rule(**rule)
    net = conn.network.find_network("benchop-net")
    port = conn.network.create_port(network_id=net.id, security_group_ids=[sg.id])
    try:
        with pytest.raises(openstack.exceptions.ConflictException, match="in use"):
            conn.network.delete_security_group(sg)
    finally:
        conn.network.delete_port(port)
    conn.network.delete_security_group(sg)
    assert fake_state(fake)["counts"]["security_groups"] == 0


def _wait_for(predicate, timeout: float = 5.0) -> None:
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def test_server_lifecycle(fresh_fake, conn):
    """BUILD -> ACTIVE after build_delay; DELETED -> 404 after delete_delay, ports gone."""
    image = conn.image.find_image("debian-12")
    flavor = conn.compute.find_flavor("m1.small")
    net = conn.network.find_network("benchop-net")
    server = conn.compute.create_server(name="life", image_id=image.id, flavor_id=flavor.id,
                                        networks=[{"uuid": net.id}])
    assert conn.compute.get_server(server).status == "BUILD"
    _wait_for(lambda: conn.compute.get_server(server).status == "ACTIVE")
    port = next(conn.network.ports(device_id=server.id))
    assert (port.device_owner, port.fixed_ips[0]["ip_address"]) == ("compute:nova", SLOTS[0]["fixed"])
    assert [s.name for s in conn.compute.servers(name="^li")] == ["life"]
    assert list(conn.compute.servers(name="^ife")) == []
    conn.compute.stop_server(server)
    assert conn.compute.get_server(server).status == "SHUTOFF"
    conn.compute.start_server(server)
    conn.compute.delete_server(server)
    assert conn.compute.get_server(server).status == "DELETED"
    _wait_for(lambda: conn.compute.find_server(server.id) is None)
    assert list(conn.network.ports(device_id=server.id)) == []


def test_build_failures(fresh_fake, conn):
    """A broken image and a full network both end in ERROR with a fault."""
    image = conn.image.find_image("broken-image")
    flavor = conn.compute.find_flavor("m1.small")
    broken = conn.compute.create_server(name="broken", image_id=image.id, flavor_id=flavor.id,
                                        networks="auto")
    _wait_for(lambda: conn.compute.get_server(broken).status == "ERROR")
    fault = conn.compute.get_server(broken).fault
    assert "broken_images" in fault["message"] and fault["code"] == 500
    console = conn.compute.get_server_console_output(broken)["output"]
    assert "Kernel panic" in console and "broken_images" in console
    assert list(conn.network.ports(device_id=broken.id)) == []  # networking released

    net = conn.network.find_network("benchop-net")
    taken = [conn.network.create_port(network_id=net.id) for _ in SLOTS]
    good = conn.image.find_image("debian-12")
    full = conn.compute.create_server(name="full", image_id=good.id, flavor_id=flavor.id,
                                      networks="auto")
    _wait_for(lambda: conn.compute.get_server(full).status == "ERROR")
    assert "No more IP addresses" in conn.compute.get_server(full).fault["message"]
    for port in taken:
        conn.network.delete_port(port)


def test_slots_and_floating_ip_moves(fresh_fake, conn):
    """Fixed addresses come from the slots; an unattached floating IP follows its port."""
    public = conn.network.find_network("public")
    net = conn.network.find_network("benchop-net")
    first = conn.network.create_ip(floating_network_id=public.id)
    second = conn.network.create_ip(floating_network_id=public.id)
    assert (first.floating_ip_address, second.floating_ip_address) == (
        SLOTS[0]["floating"], SLOTS[1]["floating"])
    assert first.status == "DOWN" and first.port_id is None
    ports = [conn.network.create_port(network_id=net.id) for _ in SLOTS]
    assert [p.fixed_ips[0]["ip_address"] for p in ports] == [s["fixed"] for s in SLOTS]
    with pytest.raises(openstack.exceptions.ConflictException, match="No more IP addresses"):
        conn.network.create_port(network_id=net.id)

    # The second floating IP attached to the first slot's port takes that
    # slot's address; the first (unattached) one gets the freed address.
    moved = conn.network.update_ip(second, port_id=ports[0].id)
    assert (moved.floating_ip_address, moved.fixed_ip_address, moved.status) == (
        SLOTS[0]["floating"], SLOTS[0]["fixed"], "ACTIVE")
    assert conn.network.get_ip(first).floating_ip_address == SLOTS[1]["floating"]
    # Created for a port: the port's slot address at once.
    third = conn.network.create_ip(floating_network_id=public.id, port_id=ports[2].id)
    assert third.floating_ip_address == SLOTS[2]["floating"]
    detached = conn.network.update_ip(moved, port_id=None)
    assert (detached.port_id, detached.fixed_ip_address, detached.status) == (None, None, "DOWN")
    # Deleting a port disassociates its floating IP, as in Neutron.
    conn.network.delete_port(ports[2])
    assert conn.network.get_ip(third).port_id is None
    for item in (first, second, third):
        conn.network.delete_ip(item)
    for port in ports[:2]:
        conn.network.delete_port(port)
    assert fake_state(fresh_fake)["counts"] == {
        "servers": 0, "ports": 0, "floating_ips": 0, "security_groups": 0, "keypairs": 0}


def test_cli_prints_url_and_keeps_state(tmp_path):
    config = tmp_path / "config.json"
    config.write_text(json.dumps(CONFIG))
    state = tmp_path / "state.json"
    cmd = [sys.executable, "-m", "tests.infra.fake_openstack", "--port", "0",
           "--config", str(config), "--state", str(state)]

    def start() -> tuple[subprocess.Popen[str], str]:
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        return proc, url

    proc, url = start()
    try:
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": CONFIG["auth"]["username"], "password": CONFIG["auth"]["password"],
            "domain": {"name": "Default"}}}},
            "scope": {"project": {"name": "benchop", "domain": {"name": "Default"}}}}}
        req = urllib.request.Request(url + "/identity/v3/auth/tokens",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            token = resp.headers["X-Subject-Token"]
        status, _ = _call(url + "/compute/v2.1/os-keypairs", "POST", token,
                          {"keypair": {"name": "kept", "public_key": PUBLIC_KEY}})
        assert status == 200  # no microversion header means 2.1, where create is 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    proc, url = start()
    try:
        status, body = _call(url + "/_fake/state")
        assert body["keypairs"] == [{"name": "kept"}]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
