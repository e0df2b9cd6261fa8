"""Reads through the database router on a real PostgreSQL streaming replica.

The test starts a throwaway primary cluster and a replica of it (`pg_basebackup -R`) on free
ports of 127.0.0.1, in a temporary folder, and stops and removes both at the end: the local
cluster of the suite allows no replication connections, and its settings are not the test's to
change. The portal's router is pointed at the pair under two extra connection aliases.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.db import ProgrammingError, connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from integration_portal.db_routers import (
    STICKY_COOKIE,
    ReplicaRouter,
    ReplicaRoutingMiddleware,
    health,
    replica_reads,
)

PRIMARY = "replica_test_primary"
REPLICA = "replica_test_replica"

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="Replicas are a PostgreSQL feature: this test runs in the PostgreSQL pass.",
)


def _server_binaries() -> Path | None:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "pg_basebackup")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Clusters:
    """A primary and its streaming replica in `root`, run as the postgres user when the tests
    run as root (the server refuses to run as root)."""

    def __init__(self, binaries: Path, root: Path) -> None:
        self.binaries = binaries
        self.root = root
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.primary_port = _free_port()
        self.replica_port = _free_port()

    def run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.binaries / tool), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def pg_ctl(self, folder: str, *args: str) -> None:
        self.run("pg_ctl", "-D", str(self.root / folder), "-l", str(self.root / f"{folder}.log"),
                 "-w", *args)  # fmt: skip

    def start(self) -> None:
        primary = self.root / "primary"
        self.run("initdb", "-D", str(primary), "-U", "postgres", "--auth=trust", "--no-sync",
                 "-E", "UTF8", "--locale=C")  # fmt: skip
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {self.primary_port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.root}'\nwal_level = replica\n"
                "max_wal_senders = 4\nfsync = off\nshared_buffers = 16MB\n"
            )
        self.pg_ctl("primary", "start")
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U",
                 "postgres", "-D", str(self.root / "replica"), "-R", "-X", "stream",
                 "--no-sync")  # fmt: skip
        with open(self.root / "replica" / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.replica_port}\n")
        self.pg_ctl("replica", "start")

    def stop(self, folder: str) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.pg_ctl(folder, "stop", "-m", "immediate")


def _connect(alias: str, port: int) -> None:
    default = settings.DATABASES["default"]
    pair = {
        "default": default,
        alias: {**default, "HOST": "127.0.0.1", "PORT": str(port), "NAME": "postgres",
                "USER": "postgres", "PASSWORD": "", "CONN_MAX_AGE": 0, "TEST": {}},
    }  # fmt: skip
    connections.settings[alias] = connections.configure_settings(pair)[alias]


def _disconnect(alias: str) -> None:
    with contextlib.suppress(Exception):
        connections[alias].close()
    with contextlib.suppress(AttributeError):
        delattr(connections._connections, alias)
    connections.settings.pop(alias, None)


@pytest.fixture
def streaming_pair(django_db_blocker):
    binaries = _server_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL's server binaries (initdb, pg_ctl, pg_basebackup) are missing.")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("Running as root, and runuser is missing to start PostgreSQL as postgres.")
    root = Path(tempfile.mkdtemp(prefix="portal-replica-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    clusters = Clusters(binaries, root)
    try:
        clusters.start()
        _connect(PRIMARY, clusters.primary_port)
        _connect(REPLICA, clusters.replica_port)
        router = ReplicaRouter(primary=PRIMARY, replicas=[REPLICA])
        with django_db_blocker.unblock(), override_settings(DATABASE_ROUTERS=[router]):
            with connections[PRIMARY].schema_editor() as editor:
                editor.create_model(Site)
            health.forget()
            yield clusters
    finally:
        _disconnect(PRIMARY)
        _disconnect(REPLICA)
        clusters.stop("replica")
        clusters.stop("primary")
        health.forget()
        shutil.rmtree(root, ignore_errors=True)


def _replicated(domain: str, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ProgrammingError):  # the table itself is yet to arrive
            if Site.objects.using(REPLICA).filter(domain=domain).exists():
                return True
        time.sleep(0.05)
    return False


def _through_middleware(request) -> tuple[HttpResponse, list[str]]:
    """The response, and the domains a page's read found and where it read them."""
    seen: list[str] = []

    def page(request) -> HttpResponse:
        sites = Site.objects.order_by("domain")
        seen.extend([sites.db, *sites.values_list("domain", flat=True)])
        if request.method == "POST":
            Site.objects.create(domain=request.POST["domain"], name="written")
        return HttpResponse("ok")

    return ReplicaRoutingMiddleware(page)(request), seen


def test_public_reads_go_to_the_replica_writers_read_the_primary_and_a_down_replica_is_skipped(
    streaming_pair,
):
    requests = RequestFactory()
    is_standby = connections[REPLICA].cursor()
    is_standby.execute("SELECT pg_is_in_recovery()")
    assert is_standby.fetchone() == (True,)

    # A write goes to the primary, and a visitor's page reads it from the replica.
    Site.objects.create(domain="first.example.org", name="first")
    assert _replicated("first.example.org")
    _response, seen = _through_middleware(requests.get("/en/projects/"))
    assert seen == [REPLICA, "first.example.org"]

    # Inside a transaction on the primary, reads see its own writes there.
    with transaction.atomic(using=PRIMARY), replica_reads():
        assert Site.objects.all().db == PRIMARY
    with replica_reads():
        assert Site.objects.all().db == REPLICA

    # The back office reads the primary, whoever asks.
    _response, seen = _through_middleware(requests.get("/en/admin/meetings/meeting/"))
    assert seen[0] == PRIMARY

    # A coordinator saves while the replica lags behind (its replay paused): their next page
    # reads the primary and shows the save; a visitor without the cookie reads the replica.
    connections[REPLICA].cursor().execute("SELECT pg_wal_replay_pause()")
    response, _seen = _through_middleware(
        requests.post("/en/admin/meetings/meeting/1/change/", {"domain": "saved.example.org"})
    )
    sticky = response.cookies[STICKY_COOKIE].value
    after_save = requests.get("/en/meetings/")
    after_save.COOKIES[STICKY_COOKIE] = sticky
    _response, seen = _through_middleware(after_save)
    assert seen == [PRIMARY, "first.example.org", "saved.example.org"]
    _response, seen = _through_middleware(requests.get("/en/meetings/"))
    assert seen == [REPLICA, "first.example.org"]
    connections[REPLICA].cursor().execute("SELECT pg_wal_replay_resume()")

    # The replica stops: once its last health check is older than the few seconds it is
    # trusted for, pages read the primary and still answer.
    connections[REPLICA].close()
    streaming_pair.stop("replica")
    health.forget()
    _response, seen = _through_middleware(requests.get("/en/projects/"))
    assert seen == [PRIMARY, "first.example.org", "saved.example.org"]
