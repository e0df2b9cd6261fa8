"""The benchmark behind `make bench`: server time and query counts of every public page type,
the search, the API's lists and the coordinator's back office, without the public cache's help,
and throughput under gunicorn, on synthetic data in throwaway databases.

`run_benchmark()` drives everything from outside the databases it measures: it creates each
database, runs `migrate` and `generate_synthetic` in it, then `bench --measure` (the in-process
page timings, see `measure_pages()`), gunicorn with `wrk` against it, and `bench_pdf`; and it
drops the databases at the end, also after a failure. Every figure is printed as one
`name: value unit` line, then the targets each figure is held to, `ok` or `MISS`.

The headline figures are *uncached*: the public cache is off while they are taken, so they are
what a visitor with a new filter, every signed-in user and every page after an editor's save
get. The same pages served from the cache are printed beside them, named `…_cached_…`. Times
are held against the *trivial view* of the same run (the about page: the site's layout and a
few paragraphs, no query), since these machines' speed varies from run to run. A figure
counts only when every one of its responses had the expected status and content.
"""

import contextlib
import http.client
import json
import os
import re
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
# Set by run_benchmark() to the database it created: `bench --measure` writes (a superuser,
# sessions, authenticators) and refuses to run in any other.
OWNED_DATABASE_VARIABLE = "BENCH_OWNED_DATABASE"

# Targets at scale 1 on PostgreSQL, uncached.
MAX_QUERIES = 12
PUBLIC_MEDIAN_TO_TRIVIAL = 4  # a public page's median, at most this many trivial views'
PUBLIC_MEDIAN_MS = 50  # and at most this, where the machine allows
P95_TO_MEDIAN = 3
ADMIN_MEDIAN_MS = 200
ADMIN_GROWTH_FROM_SMALL_SCALE = 1.5  # "flat": median at scale 1 over the one at the small scale
MIN_THROUGHPUT_RATIO = 0.3

# The API's list endpoints (api/urls.py), by their URL name: adding one is one line.
API_LIST_ENDPOINTS = [
    "api:project-list",
    "api:programme-list",
    "api:organisation-list",
    "api:participation-list",
    "api:region-list",
    "api:centre-list",
    "api:meeting-list",
]
# Measured under gunicorn against the trivial view, the public cache off.
THROUGHPUT_PAGES = ["project_list", "meeting_list"]

TRIVIAL = "trivial_view"


@dataclass
class Expect:
    """What a response must hold to count: its status, and `pattern` at least `times` times
    (a JSON response: a non-empty `results` list)."""

    pattern: str = ""
    times: int = 1
    status: int = 200
    json_results: bool = False

    def problem(self, response) -> str:
        if response.status_code != self.status:
            where = response.get("Location", "")
            return f"status {response.status_code}{' to ' + where if where else ''}"
        content = response.content.decode("utf-8", "replace")
        if self.json_results:
            try:
                results = json.loads(content).get("results")
            except (ValueError, AttributeError):
                return "not a JSON page of results"
            return "" if results else "no results"
        if self.pattern and len(re.findall(self.pattern, content)) < self.times:
            return f"fewer than {self.times} of {self.pattern!r}"
        return ""


@dataclass
class Page:
    name: str
    url: str | None  # None: the page does not exist (yet)
    expect: Expect = field(default_factory=Expect)
    user: str = ""  # "", "coordinator" or "superuser"
    kind: str = "public"  # "public", "search", "api", "admin", "trivial" or "reference"

    @property
    def cacheable(self) -> bool:
        return self.kind in {"public", "search"} and not self.user


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


def _links_to(url_name: str) -> str:
    """A pattern for links to the detail pages of `url_name`."""
    from django.urls import reverse

    prefix = reverse(url_name, kwargs={"slug": "slug-placeholder"}).split("slug-placeholder")[0]
    return f'href="{re.escape(prefix)}[^"/?#]+/"'


def _shows(text: str) -> Expect:
    from django.utils.html import escape

    return Expect(re.escape(str(escape(text))))


def pages_to_measure() -> list[Page]:
    """Every page type the targets are set for, with a representative object for each detail
    page and a filter that finds rows for each filtered list."""
    from django.db.models import Count, Exists, OuterRef
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from meetings.enums import MeetingKind, MeetingStatus, ProjectRoleInMeeting
    from meetings.models import Meeting, MeetingProject
    from meetings.permissions import meetings_editable_by
    from partners.enums import RegionKind
    from partners.models import IntegrationCentre, Organisation, Region
    from projects.models import Project

    def url(name: str, **kwargs) -> str | None:
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            return None

    def middle(queryset):
        count = queryset.count()
        return queryset.order_by("pk")[count // 2] if count else None

    users = bench_users()
    coordinator = users["coordinator"]
    with translation.override(settings.LANGUAGE_CODE):
        # Detail pages of the same shape at both scales, so that their queries compare: a
        # project with public meetings, and a quarterly meeting numbered among its project's.
        project = middle(
            Project.objects.published()
            .filter(regions__isnull=False)
            .filter(Exists(Meeting.objects.published().filter(projects=OuterRef("pk"))))
            .distinct()
        )
        organisation = (
            Organisation.objects.annotate(participation_count=Count("participations"))
            .order_by("-participation_count", "pk")
            .first()
        )
        region = Region.objects.filter(kind=RegionKind.REGION).order_by("pk").first()
        centre = middle(IntegrationCentre.objects.all())
        meeting = middle(
            Meeting.objects.published().filter(
                Exists(
                    MeetingProject.objects.filter(
                        meeting=OuterRef("pk"), role=ProjectRoleInMeeting.ORGANISER
                    )
                ),
                status=MeetingStatus.HELD,
                kind=MeetingKind.QUARTERLY_COORDINATION,
                stated_ordinal__isnull=True,
            )
        )
        own_meeting = coordinator and fullest_meeting(meetings_editable_by(coordinator))

        projects = _links_to("projects:project-detail")
        meetings = _links_to("meetings:meeting-detail")
        project_list = url("projects:project-list")
        meeting_list = url("meetings:meeting-list")
        project_filtered = meeting_filtered = None
        if project_list and project:
            place = project.regions.order_by("pk").first()
            theme = project.thematic_areas.order_by("pk").first()
            project_filtered = f"{project_list}?region={place.slug}" + (
                f"&theme={theme.slug}" if theme else ""
            )
        if meeting_list and meeting:
            shown = meeting.projects.filter(is_published=True).order_by("pk").first()
            meeting_filtered = f"{meeting_list}?when=past" + (
                f"&project={shown.slug}" if shown else ""
            )
        search = url("search")
        map_page = url("maps:map")
        any_result = "|".join(
            _links_to(name)
            for name in ("projects:project-detail", "partners:organisation-detail",
                         "partners:centre-detail", "meetings:meeting-detail")
        )  # fmt: skip
        changelist = url("admin:meetings_meeting_changelist")
        pages = [
            Page(TRIVIAL, url("about"), Expect("<main"), kind="trivial"),
            Page("healthz", url("healthz"), Expect("ok"), kind="reference"),
            Page("home", url("home"), Expect(re.escape(f'href="{project_list}"'))),
            Page("project_list", project_list, Expect(projects, 20)),
            Page("project_list_filtered", project_filtered, Expect(projects)),
            Page(
                "project_detail",
                project and url("projects:project-detail", slug=project.slug),
                project and _shows(project.title),
            ),
            Page(
                "organisation_list",
                url("partners:organisation-list"),
                Expect(_links_to("partners:organisation-detail"), 20),
            ),
            Page(
                "organisation_detail",
                organisation and url("partners:organisation-detail", slug=organisation.slug),
                organisation and _shows(organisation.name),
            ),
            Page(
                "region_list",
                url("partners:region-list"),
                Expect(_links_to("partners:region-detail"), 10),
            ),
            Page(
                "region_detail",
                region and url("partners:region-detail", slug=region.slug),
                region and _shows(region.name),
            ),
            Page(
                "centre_list",
                url("partners:centre-list"),
                Expect(_links_to("partners:centre-detail"), 20),
            ),
            Page(
                "centre_detail",
                centre and url("partners:centre-detail", slug=centre.slug),
                centre and _shows(centre.name),
            ),
            Page("meeting_list", meeting_list, Expect(meetings, 20)),
            Page("meeting_list_filtered", meeting_filtered, Expect(meetings)),
            # Deep pages: an OFFSET over every row before them, unless the list pages by keys.
            Page(
                "meeting_list_page_50",
                meeting_list and f"{meeting_list}?page=50",
                Expect(meetings, 20),
            ),
            Page(
                "meeting_list_last_page",
                meeting_list and f"{meeting_list}?page=last",
                Expect(meetings),
            ),
            Page(
                "project_list_last_page",
                project_list and f"{project_list}?page=last",
                Expect(projects),
            ),
            Page(
                "meeting_detail",
                meeting and url("meetings:meeting-detail", slug=meeting.slug),
                meeting and _shows(meeting.title),
            ),
            # Every kind of place, up to POINT_LIMIT each; one kind narrowed by its filters.
            Page("map", map_page, Expect(_links_to("partners:centre-detail"), 20)),
            Page(
                "map_filtered",
                map_page and region and f"{map_page}?show=meetings&region={region.slug}",
                Expect(meetings, 20),
            ),
            Page(
                "search",
                search and f"{search}?q=Constan%C8%9Ba+integrare",
                Expect(any_result),
                kind="search",
            ),
            Page(
                "search_common_word",
                search and f"{search}?q=integrare",
                Expect(projects, 5),
                kind="search",
            ),
        ]
        for name in API_LIST_ENDPOINTS:
            resource = name.split(":")[-1].removesuffix("-list").replace("-", "_")
            pages.append(Page(f"api_{resource}s", url(name), Expect(json_results=True), kind="api"))
        pages += [
            Page(
                "admin_changelist_coordinator",
                changelist,
                Expect('id="result_list"'),
                "coordinator",
                "admin",
            ),
            Page(
                "admin_change_form_coordinator",
                own_meeting and url("admin:meetings_meeting_change", object_id=own_meeting.pk),
                own_meeting and Expect('id="meeting_form"'),
                "coordinator",
                "admin",
            ),
            Page(
                "admin_changelist_superuser",
                changelist,
                Expect('id="result_list"'),
                "superuser",
                "admin",
            ),
        ]
    return pages


def fullest_meeting(meetings):
    """The meeting whose change page has rows in the most of its lists: the heaviest page to
    draw, and one of the same shape at every scale, since an empty list costs no query."""
    from django.db.models import Exists, IntegerField, OuterRef, Value
    from django.db.models.functions import Cast

    from meetings.admin import MeetingAdmin

    lists = [inline.model for inline in MeetingAdmin.inlines]
    filled = sum(
        (
            Cast(Exists(model._base_manager.filter(meeting=OuterRef("pk"))), IntegerField())
            for model in lists
        ),
        Value(0),
    )
    return meetings.annotate(filled_lists=filled).order_by("-filled_lists", "pk").first()


def bench_users() -> dict[str, object]:
    """A coordinator of the synthetic projects and a superuser, each with an authenticator app
    (production asks everyone with back-office access for one before the back office opens)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.models import User
    from accounts.roles import Role

    coordinator = (
        User.objects.filter(groups__name=Role.COORDINATOR, coordinated_projects__isnull=False)
        .order_by("pk")
        .first()
    )
    superuser, _created = User.objects.get_or_create(
        email="bench.superuser@example.org",
        defaults={"is_staff": True, "is_superuser": True, "full_name": "Benchmark"},
    )
    for user in filter(None, [coordinator, superuser]):
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())
    return {"coordinator": coordinator, "superuser": superuser}


def measure_database_is_owned() -> bool:
    """Whether run_benchmark() created the database this process is connected to."""
    from django.db import connection

    owned = os.environ.get(OWNED_DATABASE_VARIABLE, "")
    return bool(owned) and owned == str(connection.settings_dict["NAME"])


class QueryClock:
    """The time spent in the database's queries, summed, as a connection's execute wrapper."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def time_requests(client, page: Page, repeat: int, problems: list[str]) -> list[tuple]:
    """The server time of each request and the part of it spent in queries, (ms, ms) each."""
    from django.db import connection, reset_queries

    timings = []
    for _ in range(repeat):
        clock = QueryClock()
        with connection.execute_wrapper(clock):
            started = time.perf_counter()
            response = client.get(page.url, secure=True)
            elapsed = time.perf_counter() - started
        timings.append((elapsed * 1000, clock.seconds * 1000))
        reset_queries()
        problem = page.expect.problem(response)
        if problem and problem not in problems:
            problems.append(problem)
    return timings


def _counted(client, page: Page, problems: list[str]) -> int:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url, secure=True)
    problem = page.expect.problem(response)
    if problem and problem not in problems:
        problems.append(problem)
    return len(captured.captured_queries)


def measure_pages(*, repeat: int, queries_only: bool = False) -> dict[str, dict]:
    """Each page's median and p95 server time (ms) and query count, uncached, and where the
    public cache applies, the same served from it; with what was wrong with any response."""
    from django.test import Client
    from django.test.utils import override_settings

    from core.public_cache import content_changed

    results: dict[str, dict] = {}
    users = bench_users()
    for page in pages_to_measure():
        user = users.get(page.user) if page.user else None
        if page.url is None or (page.user and user is None):
            results[page.name] = {"available": False, "kind": page.kind}
            continue
        client = Client()
        if user is not None:
            client.force_login(user)
        problems: list[str] = []
        result = {"available": True, "kind": page.kind, "url": page.url}
        with override_settings(PUBLIC_CACHE=False):
            # Templates, translations and the database's caches warmed first.
            time_requests(client, page, 3, problems)
            result["queries"] = _counted(client, page, problems)
            if not queries_only:
                measured = time_requests(client, page, repeat, problems)
                timings, in_queries = zip(*measured, strict=True)
                result["median_ms"] = statistics.median(timings)
                result["p95_ms"] = percentile(timings, 95)
                result["queries_median_ms"] = statistics.median(in_queries)
        if page.cacheable and not queries_only:
            with override_settings(PUBLIC_CACHE=True):
                content_changed()  # entries of earlier pages out of the way
                time_requests(client, page, 2, problems)
                cached = {"queries": _counted(client, page, problems)}
                measured = time_requests(client, page, max(repeat // 2, 1), problems)
                timings = [total for total, _in_queries in measured]
                cached["median_ms"] = statistics.median(timings)
                cached["p95_ms"] = percentile(timings, 95)
            result["cached"] = cached
        result["problems"] = problems
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


def _measure(env: dict, *, repeat: int) -> dict[str, dict]:
    output = manage("bench", "--measure", "--repeat", str(repeat), env=env, timeout=3600)
    return json.loads(output.strip().splitlines()[-1])


def _fill(env: dict, scale: float, figures: Figures, label: str, echo) -> None:
    manage("migrate", "--noinput", "-v0", env=env, timeout=900)
    started = time.perf_counter()
    manage("generate_synthetic", "--scale", f"{scale:g}", env=env, timeout=3600, echo=echo)
    figures.add(f"{label}generate_synthetic_scale_{scale:g}", time.perf_counter() - started, "s")


def run_benchmark(
    *,
    base_url: str,
    scale: float,
    compare_scale: float,
    repeat: int,
    seconds: int,
    redis_url: str,
    sqlite_scale: float = 0.1,
) -> Figures:
    figures = Figures()
    run_id = f"portal_bench_{os.getpid()}"
    work_dir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": f"bench-only-{os.getpid()}-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # As behind a TLS-terminating proxy: wrk sends X-Forwarded-Proto, the test client
        # makes "secure" requests, so no page is a redirect to https.
        "SECURE_PROXY_SSL_HEADER": "1",
        "STATIC_ROOT": str(work_dir / "static"),
        "LOG_LEVEL": "ERROR",
        "CACHE_KEY_PREFIX": run_id,
        # The API's per-address limit would answer the benchmark's requests with 429.
        "API_ANON_RATE": "1000000/s",
    }
    env.pop("REDIS_URL", None)
    env.pop("DATABASE_REPLICA_URLS", None)
    if redis_url and redis_available(redis_url):
        env["REDIS_URL"] = redis_url
    figures.add("cache", "redis" if "REDIS_URL" in env else "local memory")
    figures.add("scale", f"{scale:g}")
    figures.add("load_average_at_start", os.getloadavg()[0], f"(of {os.cpu_count()} cores)")

    def echo(line: str) -> None:
        print(f"  | {line}", flush=True)

    pages: dict[str, dict] = {}
    small: dict[str, dict] = {}
    local: dict[str, dict] = {}
    try:
        manage("collectstatic", "--noinput", "-v0", env=env, timeout=300)
        if compare_scale:
            with throwaway_database(base_url, f"{run_id}_small") as url:
                small_env = {**env, "DATABASE_URL": url, OWNED_DATABASE_VARIABLE: f"{run_id}_small"}
                _fill(small_env, compare_scale, figures, "", None)
                small = _measure(small_env, repeat=max(repeat // 2, 5))
        if sqlite_scale:
            sqlite_dir = work_dir / "sqlite"
            sqlite_env = {**env, "VAR_DIR": str(sqlite_dir),
                          OWNED_DATABASE_VARIABLE: str(sqlite_dir / "portal.sqlite3")}  # fmt: skip
            sqlite_env.pop("DATABASE_URL", None)
            _fill(sqlite_env, sqlite_scale, figures, "sqlite_", None)
            local = _measure(sqlite_env, repeat=max(repeat // 2, 5))
        with throwaway_database(base_url, run_id) as url:
            big_env = {**env, "DATABASE_URL": url, OWNED_DATABASE_VARIABLE: run_id}
            _fill(big_env, scale, figures, "", echo)
            pages = _measure(big_env, repeat=repeat)
            page_figures(figures, pages, "")
            if small:
                page_figures(figures, small, f"scale_{compare_scale:g}_")
            if local:
                page_figures(figures, local, f"sqlite_scale_{sqlite_scale:g}_")
            throughput(figures, big_env, pages, seconds)
            pdf_figures(figures, big_env)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
        if "REDIS_URL" in env:
            clear_cache_prefix(env["REDIS_URL"], run_id)
    figures.add("load_average_at_end", os.getloadavg()[0], f"(of {os.cpu_count()} cores)")
    print_targets(figures, pages, small, compare_scale)
    return figures


def page_figures(figures: Figures, pages: dict[str, dict], prefix: str) -> None:
    """The uncached figures of each page, the ratio to the trivial view's median, and the
    cached ones beside them."""
    trivial = pages.get(TRIVIAL, {}).get("median_ms")
    for name, result in pages.items():
        label = f"{prefix}{name}"
        if not result["available"]:
            figures.add(label, "n/a (not available)")
            continue
        for problem in result.get("problems", []):
            figures.add(f"{label}_failed", problem)
        if "median_ms" in result:
            figures.add(f"{label}_median", result["median_ms"], "ms")
            figures.add(f"{label}_p95", result["p95_ms"], "ms")
        if "queries_median_ms" in result:
            # What is left of the median is Python's: views, models, templates.
            figures.add(f"{label}_in_queries_median", result["queries_median_ms"], "ms")
        figures.add(f"{label}_queries", result["queries"], "queries")
        if trivial and "median_ms" in result and result["kind"] not in {"trivial", "reference"}:
            figures.add(f"{label}_median_ratio", result["median_ms"] / trivial, "of trivial view")
        cached = result.get("cached")
        if cached:
            figures.add(f"{label}_cached_median", cached["median_ms"], "ms (cached)")
            figures.add(f"{label}_cached_queries", cached["queries"], "queries (cached)")


def throughput(figures: Figures, env: dict, pages: dict, seconds: int) -> None:
    """Requests per second under gunicorn with the public cache off, each page against the
    trivial view in the same run."""
    if not shutil.which("wrk"):
        figures.add("throughput", "n/a (wrk is not installed)")
        return
    figures.add("throughput_public_cache", "off")
    uncached_env = {**env, "PUBLIC_CACHE": "0"}
    with serverctl.gunicorn(uncached_env, workers=2, threads=None) as base:
        for name in [TRIVIAL, *THROUGHPUT_PAGES]:
            page = pages.get(name, {})
            if not page.get("available"):
                continue
            url = base + page["url"]
            status = status_of(url)
            if status != 200:  # wrk would count a redirect as an answered request
                figures.add(f"{name}_throughput_failed", f"status {status}")
                continue
            wrk(url, seconds=2)  # warm every worker
            result = wrk(url, seconds=seconds)
            figures.add(f"{name}_throughput", result["rps"], "req/s")
            if result["errors"]:
                figures.add(f"{name}_throughput_errors", result["errors"], "responses")
    trivial = figures.values.get(f"{TRIVIAL}_throughput")
    for name in THROUGHPUT_PAGES:
        rps = figures.values.get(f"{name}_throughput")
        if trivial and rps is not None and not figures.values.get(f"{name}_throughput_errors"):
            figures.add(f"{name}_throughput_ratio", rps / trivial, "of trivial view")


def pdf_figures(figures: Figures, env: dict) -> None:
    from django.core.management import get_commands

    if "bench_pdf" not in get_commands():
        figures.add("pdf", "n/a (not available)")
        return
    try:
        output = manage("bench_pdf", env=env, timeout=900)
    except RuntimeError as error:  # the page figures and targets are still worth printing
        figures.add("pdf_failed", str(error).splitlines()[-1])
        return
    for line in output.splitlines():
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


def print_targets(figures: Figures, pages: dict, small: dict, compare_scale: float) -> None:
    """Each target, held or not, as comment lines after the figures. A page whose responses
    were not all as expected misses every target."""
    print("# targets (uncached, the trivial view is the about page of the same run)", flush=True)

    def verdict(ok: bool, text: str) -> None:
        print(f"# {'ok  ' if ok else 'MISS'} {text}", flush=True)

    trivial = pages.get(TRIVIAL, {})
    trivial_ms = trivial.get("median_ms")
    for name, result in pages.items():
        if not result.get("available"):
            if result.get("kind") in {"public", "search", "admin", "trivial"}:
                verdict(False, f"{name} not available")
            continue
        problems = result.get("problems", [])
        verdict(not problems, f"{name} responses as expected" + (
            f" ({'; '.join(problems)})" if problems else ""
        ))  # fmt: skip
        sound = not problems
        kind = result["kind"]
        if kind in {"trivial", "reference"}:
            continue
        median, p95 = result["median_ms"], result["p95_ms"]
        if kind in {"public", "search", "api"}:
            if trivial_ms:
                limit = PUBLIC_MEDIAN_TO_TRIVIAL * trivial_ms
                verdict(
                    sound and median <= limit,
                    f"{name} median {median:.1f} ms <= {PUBLIC_MEDIAN_TO_TRIVIAL}x trivial view "
                    f"({limit:.1f} ms)",
                )
            verdict(sound and median <= PUBLIC_MEDIAN_MS,
                    f"{name} median {median:.1f} ms <= {PUBLIC_MEDIAN_MS} ms")  # fmt: skip
            verdict(
                sound and p95 <= P95_TO_MEDIAN * median,
                f"{name} p95 {p95:.1f} ms <= {P95_TO_MEDIAN}x its median "
                f"({P95_TO_MEDIAN * median:.1f} ms)",
            )
        if kind == "admin":
            verdict(sound and median <= ADMIN_MEDIAN_MS,
                    f"{name} median {median:.1f} ms <= {ADMIN_MEDIAN_MS} ms")  # fmt: skip
        verdict(
            sound and result["queries"] <= MAX_QUERIES,
            f"{name} {result['queries']} queries <= {MAX_QUERIES}",
        )
        before = small.get(name, {})
        if before.get("available") and kind == "admin":
            growth = median / before["median_ms"] if before.get("median_ms") else 0
            verdict(
                sound
                and before["queries"] == result["queries"]
                and growth <= ADMIN_GROWTH_FROM_SMALL_SCALE,
                f"{name} flat from scale {compare_scale:g}: {before['queries']} then "
                f"{result['queries']} queries, median {before.get('median_ms', 0):.1f} then "
                f"{median:.1f} ms (<= {ADMIN_GROWTH_FROM_SMALL_SCALE}x)",
            )
        elif before.get("available"):
            # Not "the same": a page may need one query fewer when the rows it shows at the
            # larger scale happen to need less (the last page of meetings, none quarterly).
            verdict(
                result["queries"] <= before["queries"],
                f"{name} queries do not grow from scale {compare_scale:g} "
                f"({before['queries']}) to now ({result['queries']})",
            )
    ratio = figures.values.get("project_list_throughput_ratio")
    verdict(
        ratio is not None and ratio >= MIN_THROUGHPUT_RATIO,
        "uncached project list throughput "
        + (f"{ratio:.2f}" if ratio is not None else "not measured")
        + f" of the trivial view's >= {MIN_THROUGHPUT_RATIO}",
    )
