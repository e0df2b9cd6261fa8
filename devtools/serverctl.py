"""Start the portal under gunicorn on loopback with production settings.

Shared by `make loadtest`, `make db-restart-check` and `make bench`: a throwaway database, DEBUG
off, and a server that is always stopped again, whatever happens. Standard library only, so the
load-test and restart-check scripts can use it before Django is set up.
"""

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(*, database_url: str, var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no redirect to HTTPS, cookies without the Secure flag.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        VAR_DIR=str(var_dir),
        CONN_MAX_AGE="60",
        LOG_LEVEL=env.get("LOG_LEVEL", "ERROR"),
        AUDIT_LOG_LEVEL="WARNING",
    )
    if not database_url:
        env.pop("DATABASE_URL")
    return env


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-qtAc", sql],
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextlib.contextmanager
def postgres_database(name: str) -> Iterator[str]:
    """A fresh database on the local cluster, dropped afterwards; yields its URL."""
    psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def prepared_site(database_url: str = "") -> Iterator[dict[str, str]]:
    """Migrated database with the demo data and collected static files; yields the env."""
    var_dir = Path(tempfile.mkdtemp(prefix="portal-check-"))
    env = production_environment(database_url=database_url, var_dir=var_dir)
    try:
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("load_demo", env=env)
        manage("collectstatic", "--noinput", "-v", "0", env=env)
        yield env
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], *, workers: int = 2, threads: int | None = 4, log_path: Path | None = None
) -> Iterator[str]:
    """Serve the portal on a free loopback port; yields the base URL and stops the server.

    `threads=None` runs gunicorn's default synchronous workers, one request at a time each."""
    if not GUNICORN.exists():
        sys.exit("gunicorn is missing from .venv: run `make install` first.")
    port = free_port()
    log = open(log_path or os.devnull, "w")  # noqa: SIM115  (closed below)
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "integration_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            *(["--threads", str(threads), "--worker-class", "gthread"] if threads else []),
            "--timeout",
            "30",
            "--graceful-timeout",
            "5",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    sys.exit(f"The portal did not answer on {base} within {timeout:.0f} s")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def public_pages(base: str, *, limit: int = 20) -> list[str]:
    """Same-site page paths linked from the home page and the lists it links to."""
    seen: list[str] = ["/en/"]
    queue = ["/en/"]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        with urllib.request.urlopen(base + path, timeout=10) as response:
            parser = _Links()
            parser.feed(response.read().decode("utf-8", "replace"))
        for href in parser.hrefs:
            if not href.startswith("/en/") or re.search(
                r"/(admin|accounts|attachments)/|\.(ics|xml|pdf)$", href
            ):
                continue
            href = href.split("#", 1)[0]
            if href not in seen and len(seen) < limit:
                seen.append(href)
                queue.append(href)
    return seen
