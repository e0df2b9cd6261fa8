import time

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from devtools.synthetic import Counts, SyntheticDataExists, generate


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic data at the size of a national network: at scale 1, "
        "3,000 organisations, 5,000 projects, 40,000 meetings and 400,000 attendance rows. "
        "For load tests and the benchmark; use an empty database."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiplies every count (default 1)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same rows (default 1).")

    def handle(self, *args, **options) -> None:
        scale = options["scale"]
        if not scale > 0:
            raise CommandError("--scale must be a positive number.")
        counts = Counts.at_scale(scale)
        self.stdout.write(
            f"Generating scale {scale:g}: {counts.projects} projects, {counts.meetings} meetings, "
            f"{counts.attendances} attendance rows…"
        )
        started = time.perf_counter()

        def progress(label: str, count: int, seconds: float) -> None:
            elapsed = time.perf_counter() - started
            self.stdout.write(f"  {label}: {count} rows in {seconds:.1f} s (total {elapsed:.1f} s)")
            self.stdout.flush()

        try:
            with scopes_disabled():  # Writes every private row, for no one user.
                generate(scale=scale, seed=options["seed"], progress=progress)
        except SyntheticDataExists as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Synthetic data written in {time.perf_counter() - started:.1f} s.")
        )
