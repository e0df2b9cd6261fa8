"""Drive a bounded mix of public pages at the portal under gunicorn and report how it held.

    make loadtest                    (or: .venv/bin/python devtools/loadtest.py)

Serves synthetic national-scale data (`generate_synthetic --scale 1`: 5,000 projects, 40,000
meetings) with production settings on loopback, from a throwaway database on the local
PostgreSQL cluster (SQLite at a tenth of the scale when PostgreSQL does not answer), and runs
wrk with 50 connections for 30 seconds over the pages reachable from the home page and a
search, twice: with the public cache on (shared through Redis when it answers) and off.
Prints whether the shared cache was on, then requests per second, p50 and p99 latency and the
errors (connection errors, timeouts and answers of 400 or more) of each run; exits non-zero
if there was any.
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

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


def redis_answers(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def national_site(database_url: str, scale: float) -> Iterator[dict[str, str]]:
    """A migrated database with synthetic data at `scale` and collected static files."""
    var_dir = Path(tempfile.mkdtemp(prefix="portal-loadtest-"))
    env = serverctl.production_environment(database_url=database_url, var_dir=var_dir)
    try:
        serverctl.manage("migrate", "--noinput", "-v", "0", env=env)
        print(f"Generating synthetic data at scale {scale:g}…", flush=True)
        serverctl.manage("generate_synthetic", "--scale", f"{scale:g}", env=env)
        serverctl.manage("collectstatic", "--noinput", "-v", "0", env=env)
        yield env
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def report(label: str, result: dict[str, float]) -> int:
    errors = int(sum(result[key] for key in ("connect", "read", "write", "timeout", "status")))
    print(f"{label} requests/s: {result['requests'] / result['seconds']:.1f}")
    print(f"{label} latency p50: {result['p50_ms']:.1f} ms   p90: {result['p90_ms']:.1f} ms")
    print(f"{label} latency p99: {result['p99_ms']:.1f} ms   max: {result['max_ms']:.1f} ms")
    print(
        f"{label} errors: {errors} (connect {result['connect']:.0f}, read {result['read']:.0f}, "
        f"write {result['write']:.0f}, timeout {result['timeout']:.0f}, "
        f"status >= 400 {result['status']:.0f}) of {result['requests']:.0f} requests"
    )
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pages", type=int, default=30, help="distinct pages in the mix")
    parser.add_argument(
        "--scale",
        type=float,
        default=float(os.environ.get("LOADTEST_SCALE") or 0),
        help="synthetic data scale (default 1 on PostgreSQL, 0.1 on SQLite)",
    )
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    on_postgres = postgres_available()
    scale = options.scale or (1.0 if on_postgres else 0.1)
    database = (
        serverctl.postgres_database("portal_loadtest")
        if on_postgres
        else contextlib.nullcontext("")
    )
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    shared = redis_answers(redis_url)
    log_path = Path(tempfile.gettempdir()) / "portal-loadtest-gunicorn.log"
    errors = 0
    cached_env: dict[str, str] = {}
    with database as database_url, national_site(database_url, scale) as env:
        env.pop("REDIS_URL", None)
        cached_env = {**env, "PUBLIC_CACHE": "1", "CACHE_KEY_PREFIX": f"loadtest{os.getpid()}"}
        if shared:
            cached_env["REDIS_URL"] = redis_url
        print(
            "shared cache: "
            + (f"on (Redis at {redis_url})" if shared else "off (Redis does not answer)")
            + "; runs: public cache on"
            + ("" if shared else " (each process its own local memory)")
            + ", then off"
        )
        paths: list[str] = []
        uncached_env = {**env, "PUBLIC_CACHE": "0"}
        for label, run_env in (("cache on:", cached_env), ("cache off:", uncached_env)):
            with serverctl.gunicorn(
                run_env, workers=options.workers, threads=options.threads, log_path=log_path
            ) as base:
                if not paths:
                    paths = serverctl.public_pages(base, limit=options.pages)
                    paths.append("/en/search/?q=integration")
                    print(
                        f"{len(paths)} public pages, {options.connections} connections, "
                        f"{options.seconds} s, gunicorn {options.workers} workers x "
                        f"{options.threads} threads, "
                        f"{'PostgreSQL' if on_postgres else 'SQLite'}, scale {scale:g}"
                    )
                # Warm up: every worker imports its code and compiles its templates on first use.
                run_wrk(base, paths, connections=options.workers * options.threads, seconds=5)
                result = run_wrk(
                    base, paths, connections=options.connections, seconds=options.seconds
                )
            errors += report(label, result)
    if shared:
        forget_cache_prefix(redis_url, cached_env["CACHE_KEY_PREFIX"])
    if errors:
        print(f"Server log: {log_path}")
    return 1 if errors else 0


def forget_cache_prefix(redis_url: str, prefix: str) -> None:
    """Drop the run's entries from the shared Redis (the content version never expires)."""
    try:
        import redis
    except ImportError:
        return
    with contextlib.suppress(Exception):
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)


if __name__ == "__main__":
    sys.exit(main())
