"""Restart PostgreSQL while requests flow, and show the portal recovers by itself.

    make db-restart-check            (or: .venv/bin/python devtools/db_restart_check.py)

Serves the demo data from a throwaway database under gunicorn on loopback, keeps a few clients
requesting public pages, stops the local cluster for a few seconds and starts it again. It
prints how many answers were 200, 503 and anything else before, during and after the outage,
and fails unless the outage gave only 503 pages and every request after it succeeded.

It restarts the whole local cluster: do not run it while others use that cluster.
"""

import argparse
import itertools
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devtools import serverctl

CLIENTS = 4
#: Requests after the database is back but before this many seconds pass may still meet a
#: connection the restart broke; Django drops it on that request and reconnects on the next.
GRACE_SECONDS = 2.0


def cluster_version() -> str:
    return sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]


def pg_ctl(action: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster_version(), "main", action]
        + (["-m", "fast"] if action in {"stop", "restart"} else []),
        check=True,
    )


def wait_for_postgres(timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"])
        if ready.returncode == 0:
            return
        time.sleep(0.2)
    sys.exit("PostgreSQL did not come back")


class Traffic:
    """A few clients requesting pages in a loop; every answer is recorded with its time."""

    def __init__(self, base: str, paths: list[str]) -> None:
        self.base = base
        self.paths = paths
        self.results: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,)) for i in range(CLIENTS)]

    def _run(self, offset: int) -> None:
        for path in itertools.islice(itertools.cycle(self.paths), offset, None):
            if self._stop.is_set():
                return
            try:
                with urllib.request.urlopen(self.base + path, timeout=15) as response:
                    response.read()
                    outcome = str(response.status)
            except urllib.error.HTTPError as error:
                outcome = str(error.code)
            except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                outcome = f"error ({type(error).__name__})"
            with self._lock:
                self.results.append((time.monotonic(), outcome))

    def __enter__(self) -> "Traffic":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def between(self, start: float, end: float) -> Counter:
        return Counter(outcome for at, outcome in self.results if start <= at < end)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outage", type=float, default=3.0, help="seconds the cluster is down")
    parser.add_argument("--before", type=float, default=3.0, help="seconds of traffic before")
    parser.add_argument("--after", type=float, default=8.0, help="seconds of traffic after")
    options = parser.parse_args()

    with (
        serverctl.postgres_database("portal_restart_check") as database_url,
        serverctl.prepared_site(database_url) as env,
        serverctl.gunicorn(env) as base,
    ):
        paths = serverctl.public_pages(base, limit=12)
        print(f"Requesting {len(paths)} public pages with {CLIENTS} clients on {base}")
        with Traffic(base, paths) as traffic:
            time.sleep(options.before)
            stopped = time.monotonic()
            pg_ctl("stop")
            time.sleep(options.outage)
            pg_ctl("start")
            wait_for_postgres()
            back = time.monotonic()
            time.sleep(options.after)
            end = time.monotonic()
        start = min(at for at, _outcome in traffic.results) if traffic.results else stopped

    phases = [
        ("before the restart", traffic.between(start, stopped)),
        (f"database down ({back - stopped:.1f} s)", traffic.between(stopped, back)),
        (f"first {GRACE_SECONDS:.0f} s after", traffic.between(back, back + GRACE_SECONDS)),
        ("afterwards", traffic.between(back + GRACE_SECONDS, end + 60)),
    ]
    total = Counter()
    for label, counts in phases:
        total.update(counts)
        print(f"{label:>28}: {_summary(counts)}")
    print(f"{'all':>28}: {_summary(total)}")

    problems = []
    if set(total) - {"200", "503"}:
        problems.append("some answers were neither 200 nor 503")
    if set(phases[-1][1]) != {"200"}:
        problems.append("not every request after the restart succeeded")
    if not phases[-1][1]:
        problems.append("no request was answered after the restart")
    for problem in problems:
        print(f"FAILED: {problem}")
    if not problems:
        print("OK: the outage gave 503 pages and the portal recovered without a manual step")
    return 1 if problems else 0


def _summary(counts: Counter) -> str:
    ordered = sorted(counts.items(), key=lambda item: (item[0] not in {"200", "503"}, item[0]))
    return ", ".join(f"{outcome}: {n}" for outcome, n in ordered) or "no requests"


if __name__ == "__main__":
    sys.exit(main())
