"""How long prepared reports are kept: they hold attendance lists, so not for long."""

import datetime

from django.conf import settings
from django.utils import timezone

from meetings.models import PreparedReport


def delete_old_reports(*, now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete prepared reports asked for more than ``PREPARED_REPORT_RETENTION_DAYS`` ago,
    with their files; return how many there were. Reports still waiting for a worker stay; one
    still marked as being prepared after so long belongs to a worker that was stopped."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=settings.PREPARED_REPORT_RETENTION_DAYS
    )
    old = PreparedReport.objects.filter(created_at__lt=cutoff).exclude(
        status=PreparedReport.Status.QUEUED
    )
    if dry_run:
        return old.count()
    count = 0
    for report in old.iterator():
        if report.file:
            report.file.delete(save=False)
        report.delete()
        count += 1
    return count
