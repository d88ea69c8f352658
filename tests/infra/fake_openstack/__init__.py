"""A small HTTP fake of the OpenStack APIs the openstack.cloud Ansible modules use.

Keystone v3, Nova v2.1, Neutron v2.0 and Glance v2 on one port, written from
the public API reference; state in memory (optionally saved to a file).  Run it
with ``python -m tests.infra.fake_openstack --port 0 --config CONFIG.json`` or
in-process::

    fake = FakeOpenStack(FakeConfig.load("config.json"))
    fake.start()          # fake.url == "http://127.0.0.1:PORT"
    ...
    fake.stop()
"""

from .config import FakeConfig, Slot
from .server import FakeOpenStack

__all__ = ["FakeConfig", "FakeOpenStack", "Slot"]
