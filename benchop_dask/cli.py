"""The ``benchop`` command line: problems, methods, run, upload."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from typing import Any, Sequence

import dask.config

from .catalogue import configured_catalogue
from .progress import ProgressBar
from .client import check_local_workers, dashboard_link, open_cluster, plan_run, run_plan
from .machines import EACH, run_on_each_machine
from .report import (format_evaluation, format_json, format_machines, format_methods, format_plan, format_problems,
                     format_run, machines_json, plan_json)
from .runner import ClusterLost, NoWorkers
from .store import StoreInUse, StoreUnavailable
from .validation import BadRequest, RunRequest, shown

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
MAX_TIMEOUT = 86400  # seconds: a day is more than any cluster operation may take


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors sent through our exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise BadRequest(message)


def number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise BadRequest(f"{shown(text)} is not a number") from None


def numbers(text: str) -> float | list[float]:
    """One number, or a comma-separated list of them."""
    items = [number(item.strip()) for item in text.split(",")]
    return items[0] if len(items) == 1 else items


def parse_param(text: str) -> tuple[str, Any]:
    """NAME=VALUE, VALUE a number, a comma list, or S1:S2 pairs (problem 6)."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name or not value.strip():
        raise BadRequest(f"--param takes NAME=VALUE, got {shown(text)}")
    items = [v.strip() for v in value.split(",")]
    if name == "S":
        if any(":" in v for v in items):
            return name, [[number(x) for x in v.split(":")] for v in items]
        return name, [number(v) for v in items]
    if len(items) != 1:
        raise BadRequest(f"parameter {shown(name)} takes one number, got {shown(value)}")
    return name, number(items[0])


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="benchop", description="BENCHOP option-pricing benchmarks on a Dask cluster")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("problems", help="list the problems, their parameters and defaults")
    sub.add_parser("methods", help="list the pricing methods and the problems they support")
    run = sub.add_parser("run", help="benchmark methods on problems and rank them")
    run.add_argument("problems", nargs="+", metavar="PROBLEM", help="problem ids, e.g. 1a-I 1b-II")
    run.add_argument("--method", action="append", default=[], metavar="M",
                     help="a method to run (repeatable; default: every method that supports the problem)")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                     help="set a parameter for every problem that takes it (S=90,100,110; problem 6: S=100:90,100:110)")
    run.add_argument("--tol", default=None, metavar="TOL[,TOL...]",
                     help="relative error to reach (default "
                          f"{dask.config.get('benchop.tolerance'):g}); several, comma-separated: the run "
                          "climbs to the smallest and ranks at each")
    run.add_argument("--repeat", type=int, default=None,
                     help="timed calls, after a warm-up, of the level that decides a method's rank (default "
                          f"{dask.config.get('benchop.repeats')}; more for calls shorter than "
                          f"benchop.timing.min-total); every other level is called once")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="a running Dask scheduler; default: start a local cluster")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="worker processes of the local cluster (default: one per core)")
    run.add_argument("--machine", default=None, metavar="LABEL",
                     help="only on workers of this machine kind (an OpenStack flavor, a CPU model); "
                          f"{EACH!r}: on every kind at once, the rankings side by side with their rank correlation")
    run.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    run.add_argument("--dry-run", action="store_true",
                     help="check the request and show what would run (methods, levels, the most work); submit nothing")

    serve = sub.add_parser("serve", help="the HTTP API and web page, running benchmarks on the cluster")
    serve.add_argument("--host", default=None, help="address to listen on (default: benchop.service.host)")
    serve.add_argument("--port", type=int, default=None, help="port (default: benchop.service.port)")
    serve.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="a running Dask scheduler; default: start a local cluster")
    serve.add_argument("--workers", type=int, default=None, metavar="N", help="workers of the local cluster")
    serve.add_argument("--database", default=None, metavar="PATH", help="the SQLite results store")
    serve.add_argument("--allow-anonymous-writes", action="store_true",
                       help="listen beyond loopback without a token (anyone who reaches it may start runs)")

    upload = sub.add_parser("upload", help="upload a method folder of your own to a service, which evaluates it")
    upload.add_argument("directory", metavar="DIR", help="the method folder: method.json and .m function files")
    upload.add_argument("--service", default=None, metavar="URL",
                        help="the benchop service (default: http://benchop.service.host:port); "
                             "the token comes from $BENCHOP_SERVICE_TOKEN")
    upload.add_argument("--owner", default=None, help="who uploads it (default: anonymous)")
    upload.add_argument("--no-wait", action="store_true", help="return once uploaded, before the evaluation ends")
    upload.add_argument("--timeout", type=number, default=3600, metavar="SECONDS",
                        help="how long to wait for the evaluation")
    upload.add_argument("--json", action="store_true", help="print the method's record as JSON")

    cluster = sub.add_parser("cluster", help="look after a running cluster (used by the playbooks)")
    actions = cluster.add_subparsers(dest="action", required=True, parser_class=_Parser)
    status = actions.add_parser("status", help="the workers connected to the scheduler, by host")
    wait = actions.add_parser("wait", help="wait until the scheduler has exactly N workers")
    wait.add_argument("--workers", type=int, required=True, metavar="N")
    retire = actions.add_parser("retire", help="retire the workers of some hosts, keeping their results")
    retire.add_argument("hosts", nargs="+", metavar="HOST", help="worker host addresses")
    for action in (status, wait, retire):
        action.add_argument("--scheduler", required=True, metavar="ADDRESS", help="the Dask scheduler")
        action.add_argument("--timeout", type=number, default=300, metavar="SECONDS")
    return parser


def _cluster(args: argparse.Namespace) -> int:
    from .client import connect
    from .cluster_admin import retire_hosts, wait_for_workers, worker_hosts

    if not 0 < args.timeout <= MAX_TIMEOUT:
        raise BadRequest(f"--timeout must be more than 0 and at most {MAX_TIMEOUT} seconds")
    with connect(args.scheduler, timeout=args.timeout) as client:
        if args.action == "status":
            for host, addresses in sorted(worker_hosts(client).items()):
                print(f"{host}: {len(addresses)} worker(s)")
        elif args.action == "wait":
            if args.workers < 0:
                raise BadRequest("--workers must be 0 or more")
            n = wait_for_workers(client, args.workers, args.timeout)
            print(f"{n} worker(s) connected, {args.workers} expected")
            return EXIT_OK if n == args.workers else EXIT_FAILED
        else:
            retired = retire_hosts(client, args.hosts, args.timeout)
            print(f"retired {len(retired)} worker(s): {' '.join(retired) or '-'}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    params: dict[str, Any] = {}
    for text in args.param:
        name, value = parse_param(text)
        if name in params:
            raise BadRequest(f"parameter {name} is given twice")
        params[name] = value
    check_local_workers(args.workers, args.scheduler)
    request = RunRequest(
        problems=args.problems,
        methods=args.method,
        params=params,
        tol=None if args.tol is None else numbers(args.tol),
        repeats=args.repeat,
        machine=args.machine,
    )
    each = args.machine == EACH
    plan = plan_run(replace(request, machine=None) if each else request)  # raises BadRequest before anything starts
    if args.dry_run:
        print(json.dumps(plan_json(plan), indent=2) if args.json else format_plan(plan))
        return EXIT_OK

    out = sys.stderr if args.json else sys.stdout
    with open_cluster(args.scheduler, args.workers) as client:
        print(f"Dask dashboard: {dashboard_link(client)}", file=out, flush=True)
        if each:
            comparison = run_on_each_machine(client, request)
            print(machines_json(comparison) if args.json else format_machines(comparison))
            return EXIT_OK
        with ProgressBar() as on_progress:
            result = run_plan(client, plan, on_progress)
    print(format_json(result) if args.json else format_run(result))
    return EXIT_OK


def _upload(args: argparse.Namespace) -> int:
    """Upload a method folder, wait for its evaluation, print the verdict."""
    from .service_client import ServiceClient, ServiceError

    if not 0 < args.timeout <= MAX_TIMEOUT:
        raise BadRequest(f"--timeout must be more than 0 and at most {MAX_TIMEOUT} seconds")
    url = args.service or "http://{}:{}".format(dask.config.get("benchop.service.host"),
                                               dask.config.get("benchop.service.port"))
    service = ServiceClient(url)
    try:
        created = service.upload(args.directory, owner=args.owner)
        print(f"uploaded {created['name']} version {created['version']} (owner {created['owner']}): "
              f"{created['status']}", file=sys.stderr if args.json else sys.stdout, flush=True)
        record = service.method(created["name"], created["version"]) if args.no_wait else \
            service.evaluation(created["name"], created["version"], timeout=args.timeout)
    except (PermissionError, ServiceError, LookupError) as exc:
        print(f"benchop: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(record, indent=2))
    else:
        print(format_evaluation(record))
    return EXIT_OK if record["status"] != "failed" else EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = _parser().parse_args(argv)
        if args.command == "problems":
            print(format_problems(configured_catalogue()))
        elif args.command == "methods":
            print(format_methods(configured_catalogue()))
        elif args.command == "cluster":
            return _cluster(args)
        elif args.command == "upload":
            return _upload(args)
        elif args.command == "serve":
            from .server import serve

            return serve(args.host, args.port, args.scheduler, args.workers, args.database,
                         args.allow_anonymous_writes)
        else:
            return _run(args)
    except BadRequest as exc:
        for message in exc.messages:
            print(f"benchop: error: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("benchop: interrupted; the run's tasks were cancelled", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OSError, TimeoutError, ClusterLost, NoWorkers, StoreInUse, StoreUnavailable) as exc:
        print(f"benchop: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
