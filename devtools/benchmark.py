"""The benchmark behind `make bench`: server time and query counts of the main pages, and
throughput under gunicorn, on synthetic data in a throwaway PostgreSQL database.

`run_benchmark()` drives everything from outside the database it measures: it creates the
database, runs `migrate` and `generate_synthetic` in it, then `bench --measure` (the in-process
page timings, see `measure_pages()`), gunicorn with `wrk` against it, and `bench_pdf`; and it
drops the database at the end, also after a failure. Every figure is printed as one
`name: value unit` line, then the targets each figure is held to.
"""

import contextlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from django.conf import settings

from devtools import serverctl

BASE_DIR = Path(settings.BASE_DIR)
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

# Server time targets at scale 1 on PostgreSQL (median, p95), in milliseconds.
PUBLIC_MEDIAN_MS = 50
PUBLIC_P95_MS = 150
SEARCH_MEDIAN_MS = 100
ADMIN_MEDIAN_MS = 200
MAX_QUERIES = 12
MIN_THROUGHPUT_RATIO = 0.3


@dataclass
class Page:
    name: str
    url: str | None  # None: the page does not exist (yet)
    user: str = ""  # "", "coordinator" or "superuser"
    kind: str = "public"  # "public", "search" or "admin"
    # Drop every cached entry before each request, as an editor's change does: the time of a
    # page that is rendered afresh, where the other figure is mostly served from the cache.
    after_change: bool = False


@dataclass
class Figures:
    """Figures in the order they were taken, printed as `name: value unit`."""

    lines: list[tuple[str, str, str]] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, value: float | str, unit: str = "") -> None:
        if isinstance(value, float):
            text = f"{value:.1f}" if value >= 10 else f"{value:.2f}"
            self.values[name] = value
        elif isinstance(value, int):
            text = str(value)
            self.values[name] = value
        else:
            text = value
        self.lines.append((name, text, unit))
        print(f"{name}: {text}{' ' + unit if unit else ''}", flush=True)


# --- Pages, measured in-process with Django's test client


def pages_to_measure() -> list[Page]:
    """The pages the targets are set for, with a representative object for each detail page."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from meetings.enums import MeetingStatus
    from meetings.models import Meeting
    from partners.enums import RegionKind
    from partners.models import Organisation, Region
    from projects.enums import ProjectStatus
    from projects.models import Project, ThematicArea

    def url(name: str, **kwargs) -> str | None:
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            return None

    def middle(queryset):
        count = queryset.count()
        return queryset.order_by("pk")[count // 2] if count else None

    with translation.override(settings.LANGUAGE_CODE):
        project = middle(Project.objects.published())
        organisation = (
            Organisation.objects.annotate(participation_count=Count("participations"))
            .order_by("-participation_count", "pk")
            .first()
        )
        region = Region.objects.filter(kind=RegionKind.REGION).order_by("pk").first()
        county = Region.objects.filter(kind=RegionKind.COUNTY).order_by("pk").first()
        meeting = middle(Meeting.objects.published().filter(status=MeetingStatus.HELD))
        theme = ThematicArea.objects.order_by("pk").first()

        project_list = url("projects:project-list")
        filtered = None
        if project_list and county and theme:
            filtered = (
                f"{project_list}?status={ProjectStatus.ONGOING}&region={county.slug}"
                f"&theme={theme.slug}"
            )
        search = url("search")
        admin_changelist = url("admin:meetings_meeting_changelist")
        return [
            Page("home", url("home")),
            Page("project_list", project_list),
            Page("project_list_after_change", project_list, after_change=True),
            Page("project_list_filtered", filtered),
            Page("project_list_filtered_after_change", filtered, after_change=True),
            Page("project_detail", project and url("projects:project-detail", slug=project.slug)),
            Page(
                "organisation_detail",
                organisation and url("partners:organisation-detail", slug=organisation.slug),
            ),
            Page("region_detail", region and url("partners:region-detail", slug=region.slug)),
            Page("centre_list", url("partners:centre-list")),
            Page("meeting_list", url("meetings:meeting-list")),
            Page("meeting_list_after_change", url("meetings:meeting-list"), after_change=True),
            Page("meeting_detail", meeting and url("meetings:meeting-detail", slug=meeting.slug)),
            Page("search", search and f"{search}?q=Constanța+integrare", kind="search"),
            Page("admin_meetings_coordinator", admin_changelist, "coordinator", "admin"),
            Page("admin_meetings_superuser", admin_changelist, "superuser", "admin"),
        ]


def bench_users() -> dict[str, object]:
    """A coordinator of the synthetic projects, and a superuser with an authenticator app
    (production asks administrators for one before the back office opens)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from accounts.roles import Role

    coordinator = (
        User.objects.filter(groups__name=Role.COORDINATOR, coordinated_projects__isnull=False)
        .order_by("pk")
        .first()
    )
    superuser, created = User.objects.get_or_create(
        email="bench.superuser@example.org",
        defaults={"is_staff": True, "is_superuser": True, "full_name": "Benchmark"},
    )
    if created:
        TOTP.activate(superuser, generate_totp_secret())
    return {"coordinator": coordinator, "superuser": superuser}


def measure_pages(*, repeat: int, queries_only: bool = False) -> dict[str, dict]:
    """Median and p95 server time (ms) and the query count of each page, in this process."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.public_cache import content_changed

    users = bench_users()
    results: dict[str, dict] = {}
    for page in pages_to_measure():
        if page.url is None:
            results[page.name] = {"available": False}
            continue
        client = Client()
        user = users.get(page.user) if page.user else None
        if page.user:
            if user is None:
                results[page.name] = {"available": False}
                continue
            client.force_login(user)
        # Warm up: templates, translations, connection, the database's own caches.
        for _ in range(3):
            response = client.get(page.url, secure=True)
        if page.after_change:
            content_changed()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url, secure=True)
        result = {
            "available": True,
            "status": response.status_code,
            "queries": len(captured.captured_queries),
            "kind": page.kind,
            "url": page.url,
        }
        if not queries_only:
            timings = []
            for _ in range(repeat):
                if page.after_change:
                    content_changed()
                started = time.perf_counter()
                client.get(page.url, secure=True)
                timings.append((time.perf_counter() - started) * 1000)
                reset_queries()
            result["median_ms"] = statistics.median(timings)
            result["p95_ms"] = percentile(timings, 95)
        results[page.name] = result
    return results


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: the value `percent`% of the samples do not exceed."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * percent // 100))  # ceiling without floats
    return ordered[int(rank) - 1]


# --- The throwaway database and the processes around it


def database_url_named(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


def _admin_connection(url: str):
    import psycopg

    maintenance = database_url_named(url, "postgres").replace("postgres://", "postgresql://", 1)
    return psycopg.connect(maintenance, autocommit=True)


def create_database(url: str, name: str) -> str:
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return database_url_named(url, name)


def drop_database(url: str, name: str) -> None:
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def throwaway_database(url: str, name: str) -> Iterator[str]:
    database_url = create_database(url, name)
    try:
        yield database_url
    finally:
        drop_database(url, name)


def redis_available(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def manage(*args: str, env: dict, timeout: float, echo: Callable[[str], None] | None = None) -> str:
    """Run `manage.py args` with `env`; stream its lines to `echo` if given; return stdout."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line)
        if echo:
            echo(line.rstrip("\n"))
        if time.monotonic() > deadline:
            process.kill()
            break
    process.wait()
    if process.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({process.returncode}):\n{''.join(output[-40:])}"
        )
    return "".join(output)


def status_of(url: str) -> int:
    """The status of one GET, as wrk's requests get it (redirects not followed)."""
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        target = f"{parsed.path}?{parsed.query}" if parsed.query else parsed.path
        connection.request("GET", target, headers={"X-Forwarded-Proto": "https"})
        return connection.getresponse().status
    finally:
        connection.close()


def wrk(url: str, *, seconds: int, connections: int = 4) -> dict:
    """Requests per second from `wrk` (one thread, a few connections, bounded in time)."""
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--header",
            "X-Forwarded-Proto: https",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    """Requests per second and failed responses from wrk's report."""
    result = {"rps": 0.0, "errors": 0}
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(line.split()[1])
        elif line.startswith("Non-2xx or 3xx responses:"):
            result["errors"] += int(line.split()[-1])
        elif line.startswith("Socket errors:"):
            result["errors"] += sum(int(part.split()[-1]) for part in line[14:].split(","))
    return result


# --- The whole run


def run_benchmark(
    *,
    base_url: str,
    scale: float,
    compare_scale: float,
    repeat: int,
    seconds: int,
    redis_url: str,
) -> Figures:
    figures = Figures()
    run_id = f"portal_bench_{os.getpid()}"
    static_root = Path(tempfile.mkdtemp(prefix="portal-bench-static-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": f"bench-only-{os.getpid()}-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # As behind a TLS-terminating proxy: wrk sends X-Forwarded-Proto, the test client
        # makes "secure" requests, so no page is a redirect to https.
        "SECURE_PROXY_SSL_HEADER": "1",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "ERROR",
        "CACHE_KEY_PREFIX": run_id,
    }
    env.pop("REDIS_URL", None)
    if redis_url and redis_available(redis_url):
        env["REDIS_URL"] = redis_url
    figures.add("cache", "redis" if "REDIS_URL" in env else "local memory")
    figures.add("scale", f"{scale:g}")

    def echo(line: str) -> None:
        print(f"  | {line}", flush=True)

    try:
        manage("collectstatic", "--noinput", "-v0", env=env, timeout=300)
        baseline: dict[str, dict] = {}
        if compare_scale:
            with throwaway_database(base_url, f"{run_id}_small") as url:
                small_env = {**env, "DATABASE_URL": url}
                manage("migrate", "--noinput", "-v0", env=small_env, timeout=600)
                manage(
                    "generate_synthetic", "--scale", f"{compare_scale:g}",
                    env=small_env, timeout=600,
                )  # fmt: skip
                baseline = json.loads(
                    manage("bench", "--measure", "--queries-only", env=small_env, timeout=600)
                    .strip()
                    .splitlines()[-1]
                )
        with throwaway_database(base_url, run_id) as url:
            big_env = {**env, "DATABASE_URL": url}
            manage("migrate", "--noinput", "-v0", env=big_env, timeout=600)
            started = time.perf_counter()
            manage(
                "generate_synthetic", "--scale", f"{scale:g}", env=big_env, timeout=1800, echo=echo
            )
            figures.add(f"generate_synthetic_scale_{scale:g}", time.perf_counter() - started, "s")
            pages = json.loads(
                manage("bench", "--measure", "--repeat", str(repeat), env=big_env, timeout=1800)
                .strip()
                .splitlines()[-1]
            )
            for name, result in pages.items():
                if not result["available"]:
                    figures.add(name, "n/a (not available)")
                    continue
                if result["status"] != 200:
                    figures.add(f"{name}_status", result["status"], "status")
                figures.add(f"{name}_median", result["median_ms"], "ms")
                figures.add(f"{name}_p95", result["p95_ms"], "ms")
                figures.add(f"{name}_queries", result["queries"], "queries")
                small = baseline.get(name, {})
                if small.get("available"):
                    figures.add(
                        f"{name}_queries_at_scale_{compare_scale:g}", small["queries"], "queries"
                    )
            throughput(figures, big_env, pages, seconds)
            pdf_figures(figures, big_env)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        if "REDIS_URL" in env:
            clear_cache_prefix(env["REDIS_URL"], run_id)
    print_targets(figures, pages, baseline, compare_scale)
    return figures


def throughput(figures: Figures, env: dict, pages: dict, seconds: int) -> None:
    if not shutil.which("wrk"):
        figures.add("throughput", "n/a (wrk is not installed)")
        return
    project_list = pages.get("project_list", {})
    with serverctl.gunicorn(env, workers=2, threads=None) as base:
        targets = [("healthz", f"{base}/healthz")]
        if project_list.get("available"):
            targets.insert(0, ("project_list", base + project_list["url"]))
        for name, url in targets:
            status = status_of(url)
            if status != 200:  # wrk would count a redirect as an answered request
                figures.add(f"{name}_status", status, "status")
            wrk(url, seconds=2)  # warm every worker
            result = wrk(url, seconds=seconds)
            figures.add(f"{name}_throughput", result["rps"], "req/s")
            if result["errors"]:
                figures.add(f"{name}_throughput_errors", result["errors"], "responses")
    if "project_list_throughput" in figures.values and figures.values["healthz_throughput"]:
        figures.add(
            "project_list_throughput_ratio",
            figures.values["project_list_throughput"] / figures.values["healthz_throughput"],
            "of healthz",
        )


def pdf_figures(figures: Figures, env: dict) -> None:
    from django.core.management import get_commands

    if "bench_pdf" not in get_commands():
        figures.add("pdf", "n/a (not available)")
        return
    for line in manage("bench_pdf", env=env, timeout=900).splitlines():
        name, _, rest = line.partition(":")
        if rest:
            value, _, unit = rest.strip().partition(" ")
            try:
                figures.add(f"pdf_{name.strip()}", float(value), unit)
            except ValueError:
                figures.add(f"pdf_{name.strip()}", rest.strip())


def clear_cache_prefix(redis_url: str, prefix: str) -> None:
    try:
        import redis
    except ImportError:
        return
    with contextlib.suppress(Exception):
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)


def print_targets(figures: Figures, pages: dict, baseline: dict, compare_scale: float) -> None:
    """Each target, held or not, as comment lines after the figures."""
    print("# targets", flush=True)

    def verdict(ok: bool, text: str) -> None:
        print(f"# {'ok  ' if ok else 'MISS'} {text}", flush=True)

    for name, result in pages.items():
        if not result.get("available"):
            continue
        median_limit = {"admin": ADMIN_MEDIAN_MS, "search": SEARCH_MEDIAN_MS}.get(
            result["kind"], PUBLIC_MEDIAN_MS
        )
        verdict(
            result["median_ms"] <= median_limit,
            f"{name} median {result['median_ms']:.1f} ms <= {median_limit} ms",
        )
        if result["kind"] != "admin":
            verdict(
                result["p95_ms"] <= PUBLIC_P95_MS,
                f"{name} p95 {result['p95_ms']:.1f} ms <= {PUBLIC_P95_MS} ms",
            )
        verdict(result["queries"] <= MAX_QUERIES, f"{name} {result['queries']} queries <= 12")
        small = baseline.get(name, {})
        if small.get("available"):
            verdict(
                small["queries"] == result["queries"],
                f"{name} queries the same at scale {compare_scale:g} "
                f"({small['queries']}) and now ({result['queries']})",
            )
    ratio = figures.values.get("project_list_throughput_ratio")
    if ratio is not None:
        verdict(
            ratio >= MIN_THROUGHPUT_RATIO,
            f"project list throughput {ratio:.2f} of the trivial view's >= {MIN_THROUGHPUT_RATIO}",
        )
