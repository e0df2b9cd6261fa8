from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.report_retention import delete_old_reports


class Command(BaseCommand):
    help = (
        "Delete prepared PDF reports, and their files, older than PREPARED_REPORT_RETENTION_DAYS. "
        "Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the reports without deleting them."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        count = delete_old_reports(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        days = settings.PREPARED_REPORT_RETENTION_DAYS
        self.stdout.write(f"{count} prepared reports older than {days} days {verb}.")
