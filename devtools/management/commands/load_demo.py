from django.conf import settings
from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from devtools.demo.accounts import DEMO_PASSWORD
from devtools.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data: the projects, organisations, places, centres and meetings of five "
        "public news stories. Safe to run again. With DEBUG on, also creates demo sign-ins."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            default=None,
            help="Create the demo sign-ins even when DEBUG is off.",
        )

    def handle(self, *args, **options) -> None:
        with_accounts = options["with_accounts"] or settings.DEBUG
        # Writes and checks the private demo rows (attendance, contacts) for no one user.
        with scopes_disabled():
            summary = load_demo(with_accounts=with_accounts)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {summary.projects} projects, {summary.organisations} "
                f"organisations, {summary.regions} regions, {summary.centres} centres, "
                f"{summary.meetings} meetings."
            )
        )
        if summary.accounts:
            self.stdout.write(f"Demo sign-ins (password: {DEMO_PASSWORD}):")
            for email in summary.accounts:
                self.stdout.write(f"  {email}")
