from django.conf import settings
from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from meetings.attendance_retention import anonymise_old_attendance


class Command(BaseCommand):
    help = (
        "Take the people out of the attendance lists of meetings past the audit period "
        "(ATTENDANCE_RETENTION_YEARS after the end of the meeting's year), keeping the totals; "
        "delete those meetings' signed attendance lists and prepared reports. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change without changing it."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        with scopes_disabled():  # Every meeting's private rows, for no one user.
            result = anonymise_old_attendance(dry_run=dry_run)
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"Attendance older than {settings.ATTENDANCE_RETENTION_YEARS} years after the "
            f"meeting's year: {result.attendances_anonymised} row(s) in "
            f"{result.meetings_affected} meeting(s) {verb} anonymised, "
            f"{result.signed_lists_deleted} signed list(s) and "
            f"{result.prepared_reports_deleted} prepared report(s) {verb} deleted."
        )
