"""Drive a bounded mix of public pages at the portal under gunicorn and report how it held.

    make loadtest                    (or: .venv/bin/python devtools/loadtest.py)

Serves the demo data (PostgreSQL on the local cluster when it answers, SQLite otherwise) with
production settings on loopback, and runs wrk with 50 connections for 30 seconds over the pages
reachable from the home page. Prints requests per second, p50 and p99 latency and the errors
(connection errors, timeouts and answers of 400 or more); exits non-zero if there was any.
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devtools import serverctl

LUA = r"""
local paths = {%(paths)s}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%%d seconds=%%.3f\n",
    summary.requests, summary.duration / 1e6))
  io.write(string.format("RESULT p50_ms=%%.2f p90_ms=%%.2f p99_ms=%%.2f max_ms=%%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("RESULT connect=%%d read=%%d write=%%d timeout=%%d status=%%d\n",
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
"""


def postgres_available() -> bool:
    if not shutil.which("pg_isready"):
        return False
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0


def run_wrk(base: str, paths: list[str], *, connections: int, seconds: int) -> dict[str, float]:
    script = LUA % {"paths": ", ".join(f'"{path}"' for path in paths)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        completed = subprocess.run(
            [
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(connections),
                "--duration",
                f"{seconds}s",
                "--timeout",
                "10s",
                "--script",
                handle.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(handle.name)
    values: dict[str, float] = {}
    for line in completed.stdout.splitlines():
        if line.startswith("RESULT "):
            for key, value in re.findall(r"(\w+)=([\d.]+)", line):
                values[key] = float(value)
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pages", type=int, default=30, help="distinct pages in the mix")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    on_postgres = postgres_available()
    database = (
        serverctl.postgres_database("portal_loadtest")
        if on_postgres
        else contextlib.nullcontext("")
    )
    log_path = Path(tempfile.gettempdir()) / "portal-loadtest-gunicorn.log"
    with (
        database as database_url,
        serverctl.prepared_site(database_url) as env,
        serverctl.gunicorn(
            env, workers=options.workers, threads=options.threads, log_path=log_path
        ) as base,
    ):
        paths = serverctl.public_pages(base, limit=options.pages)
        paths.append("/en/search/?q=integration")
        print(
            f"{len(paths)} public pages, {options.connections} connections, "
            f"{options.seconds} s, gunicorn {options.workers} workers x {options.threads} "
            f"threads, {'PostgreSQL' if on_postgres else 'SQLite'}"
        )
        # Warm up: every worker imports its code and compiles its templates on first use.
        run_wrk(base, paths, connections=options.workers * options.threads, seconds=5)
        result = run_wrk(base, paths, connections=options.connections, seconds=options.seconds)

    errors = int(sum(result[key] for key in ("connect", "read", "write", "timeout", "status")))
    print(f"requests/s: {result['requests'] / result['seconds']:.1f}")
    print(f"latency p50: {result['p50_ms']:.1f} ms   p90: {result['p90_ms']:.1f} ms")
    print(f"latency p99: {result['p99_ms']:.1f} ms   max: {result['max_ms']:.1f} ms")
    print(
        f"errors: {errors} (connect {result['connect']:.0f}, read {result['read']:.0f}, "
        f"write {result['write']:.0f}, timeout {result['timeout']:.0f}, "
        f"status >= 400 {result['status']:.0f}) of {result['requests']:.0f} requests"
    )
    if errors:
        print(f"Server log: {log_path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
