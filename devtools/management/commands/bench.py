import json
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from devtools import benchmark


class Command(BaseCommand):
    help = (
        "Benchmark the portal on synthetic data in throwaway databases (PostgreSQL on "
        "DATABASE_URL's server, and SQLite): uncached and cached server time and queries per "
        "page, throughput under gunicorn with the cache off, PDF timings. Prints "
        "`name: value unit` lines, then the targets held or missed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=float(os.environ.get("BENCH_SCALE") or 1),
            help="Synthetic data scale (default 1, or BENCH_SCALE).",
        )
        parser.add_argument(
            "--compare-scale",
            type=float,
            default=float(os.environ.get("BENCH_COMPARE_SCALE") or 0.1),
            help="Also count queries at this scale, to show they do not grow (0: skip).",
        )
        parser.add_argument(
            "--sqlite-scale",
            type=float,
            default=float(os.environ.get("BENCH_SQLITE_SCALE") or 0.1),
            help="Also measure SQLite, the embedded default, at this scale (0: skip).",
        )
        parser.add_argument(
            "--repeat",
            type=int,
            default=int(os.environ.get("BENCH_REPEAT") or 40),
            help="Timed requests per page (default 40).",
        )
        parser.add_argument(
            "--seconds",
            type=int,
            default=int(os.environ.get("BENCH_SECONDS") or 30),
            help="Length of each throughput run (default 30).",
        )
        parser.add_argument(
            "--measure",
            action="store_true",
            help=(
                "Only time the pages in the current database and print the results as JSON; "
                "refused in a database the benchmark did not create, since it writes."
            ),
        )
        parser.add_argument("--queries-only", action="store_true", help="With --measure.")

    def handle(self, *args, **options) -> None:
        # Finds the pages to measure among every row; the requests measured are still scoped to
        # their user by the middleware.
        with scopes_disabled():
            self._handle(**options)

    def _handle(self, **options) -> None:
        if options["measure"]:
            if not benchmark.measure_database_is_owned():
                raise CommandError(
                    "bench --measure writes (a superuser, sessions, authenticators) and only "
                    "runs in a database the benchmark created: run `make bench` instead."
                )
            results = benchmark.measure_pages(
                repeat=max(options["repeat"], 1), queries_only=options["queries_only"]
            )
            self.stdout.write(json.dumps(results))
            return
        base_url = settings.DATABASE_URL or benchmark.DEFAULT_DATABASE_URL
        if not base_url.startswith(("postgres://", "postgresql://")):
            raise CommandError("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
        if not options["scale"] > 0:
            raise CommandError("--scale must be a positive number.")
        benchmark.run_benchmark(
            base_url=base_url,
            scale=options["scale"],
            compare_scale=max(options["compare_scale"], 0),
            repeat=max(options["repeat"], 1),
            seconds=max(options["seconds"], 1),
            sqlite_scale=max(options["sqlite_scale"], 0),
            redis_url=os.environ.get("REDIS_URL") or benchmark.DEFAULT_REDIS_URL,
        )
