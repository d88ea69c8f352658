"""Command line: serve the fake until killed.

    python -m tests.infra.fake_openstack --port 0 --config CONFIG.json [--state STATE.json]

The first line on stdout is the base URL (``http://127.0.0.1:PORT``); requests
are logged to stderr with ``--debug``.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from .config import FakeConfig
from .server import FakeOpenStack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.infra.fake_openstack",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--config", required=True, help="JSON configuration file")
    parser.add_argument("--state", help="JSON file to keep the cloud's state across restarts")
    parser.add_argument("--debug", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(message)s")
    fake = FakeOpenStack(FakeConfig.load(args.config), host=args.host, port=args.port,
                         state_file=args.state)
    # SIGTERM ends serve_forever via KeyboardInterrupt, so the socket is closed.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    fake.bind()
    print(fake.url, flush=True)
    try:
        fake.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        fake.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
