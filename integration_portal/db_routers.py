"""Reads of the public pages and the API on PostgreSQL streaming replicas, everything else on
the primary.

`ReplicaRoutingMiddleware` marks a request whose reads may go to a replica: a GET or HEAD
outside the back office and the sign-in pages, from a visitor who has not written anything in
the last `REPLICA_STICKY_SECONDS`. Any other request (a POST, a save in the admin, a sign-in)
sets a cookie that keeps that visitor's reads on the primary for those seconds, so a
coordinator sees their save on the next page although a replica may lag behind by a moment.

`ReplicaRouter` sends a marked request's reads to a replica that answered its last health
check, and every other read to the primary, also inside a transaction on the primary, where a
read must see the transaction's own writes. Writes and migrations go to the primary only.
A replica that does not answer a short connection attempt is left out for a few seconds
(`REPLICA_HEALTH_CHECK_SECONDS`); with none left, reads fall back to the primary.
"""

import contextlib
import contextvars
import random
import threading
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

STICKY_COOKIE = "portal_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Pages whose reads must see the latest writes: the back office and signing in.
PRIMARY_ONLY_PATH_PARTS = ("/admin/", "/accounts/")

_reads_may_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "reads_may_use_replica", default=False
)


@contextlib.contextmanager
def replica_reads() -> Iterator[None]:
    """Within this block, reads may go to a replica (as during a public page's request)."""
    token = _reads_may_use_replica.set(True)
    try:
        yield
    finally:
        _reads_may_use_replica.reset(token)


def replica_aliases() -> list[str]:
    """The replicas of DATABASE_REPLICA_URLS, as settings names them."""
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class HealthChecks:
    """Whether each replica accepted a connection lately, asked at most every `seconds`."""

    def __init__(self, check: Callable[[str], bool], seconds: float) -> None:
        self.check = check
        self.seconds = seconds
        self.answers: dict[str, tuple[float, bool]] = {}
        self.lock = threading.Lock()

    def is_up(self, alias: str) -> bool:
        now = time.monotonic()
        with self.lock:
            checked = self.answers.get(alias)
        if checked and now - checked[0] < self.seconds:
            return checked[1]
        up = self.check(alias)
        with self.lock:
            self.answers[alias] = (now, up)
        return up

    def forget(self) -> None:
        with self.lock:
            self.answers.clear()


def accepts_connections(alias: str) -> bool:
    """A fresh connection to `alias` within a second, and one trivial query."""
    import psycopg

    database = connections.settings[alias]
    try:
        with psycopg.connect(
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            dbname=database["NAME"],
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
            connect_timeout=settings.REPLICA_CONNECT_TIMEOUT_SECONDS,
        ) as probe:
            probe.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True


health = HealthChecks(accepts_connections, settings.REPLICA_HEALTH_CHECK_SECONDS)


class ReplicaRouter:
    """See the module's docstring."""

    def __init__(self, primary: str = DEFAULT_DB_ALIAS, replicas: list[str] | None = None):
        self.primary = primary
        self.replicas = replicas

    def db_for_read(self, model, **hints) -> str:
        if not _reads_may_use_replica.get() or connections[self.primary].in_atomic_block:
            return self.primary
        replicas = self.replicas if self.replicas is not None else replica_aliases()
        healthy = [alias for alias in replicas if health.is_up(alias)]
        return random.choice(healthy) if healthy else self.primary

    def db_for_write(self, model, **hints) -> str:
        return self.primary

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Replicas hold the primary's rows: a row read from one relates to the others.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == self.primary


def _writes_lately(request: HttpRequest) -> bool:
    try:
        return float(request.COOKIES.get(STICKY_COOKIE, "0")) > time.time()
    except ValueError:
        return False


def may_read_from_replica(request: HttpRequest) -> bool:
    return (
        request.method in SAFE_METHODS
        and not any(part in request.path for part in PRIMARY_ONLY_PATH_PARTS)
        and not _writes_lately(request)
    )


class ReplicaRoutingMiddleware:
    """Let a public read-only request's reads use a replica; keep a writer on the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not may_read_from_replica(request):
            response = self.get_response(request)
            if request.method not in SAFE_METHODS:
                seconds = settings.REPLICA_STICKY_SECONDS
                response.set_cookie(
                    STICKY_COOKIE,
                    f"{time.time() + seconds:.0f}",
                    max_age=seconds,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        with replica_reads():
            return self.get_response(request)
