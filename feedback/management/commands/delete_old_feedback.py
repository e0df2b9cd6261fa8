import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import FeedbackMessage


class Command(BaseCommand):
    help = (
        "Delete feedback messages older than the retention period the privacy notice states "
        "(FEEDBACK_RETENTION_YEARS). Run it daily, for example from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the messages without deleting them."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        cutoff = timezone.now() - datetime.timedelta(days=365 * settings.FEEDBACK_RETENTION_YEARS)
        old = FeedbackMessage.objects.received_before(cutoff)
        count = old.count() if dry_run else old.delete()[0]
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"{count} feedback messages received before {cutoff:%Y-%m-%d} {verb}.")
