#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Read the end of an OpenStack server's console log (Nova os-getConsoleOutput)."""

from __future__ import annotations

DOCUMENTATION = r"""
---
module: benchop_server_console
short_description: Read the end of an OpenStack server's console log
description:
  - Returns the last lines of a server's console log, to explain why a
    server did not come up. Changes nothing.
options:
  server:
    description: Name or ID of the server.
    required: true
    type: str
  length:
    description: How many lines from the end of the log.
    default: 40
    type: int
extends_documentation_fragment:
  - openstack.cloud.openstack
author: benchop
"""

EXAMPLES = r"""
- name: Read why a server failed
  benchop_server_console:
    cloud: mycloud
    server: benchop-worker-1
"""

RETURN = r"""
console:
  description: The last lines of the console log ("" when the cloud has none).
  returned: always
  type: str
"""

from ansible_collections.openstack.cloud.plugins.module_utils.openstack import OpenStackModule


class ServerConsoleModule(OpenStackModule):
    argument_spec = dict(
        server=dict(required=True),
        length=dict(type="int", default=40),
    )
    module_kwargs = dict(supports_check_mode=True)

    def run(self):
        server = self.conn.compute.find_server(self.params["server"], ignore_missing=False)
        try:
            reply = self.conn.compute.get_server_console_output(server, length=self.params["length"])
            console = reply.get("output") or ""
        except self.sdk.exceptions.HttpException as exc:
            console = f"(no console log: {exc})"
        self.exit_json(changed=False, console=console)


def main():
    module = ServerConsoleModule()
    module()


if __name__ == "__main__":
    main()
