"""How long prepared reports are kept: they hold attendance lists, so not for long; and the
reports that name someone who asked to be erased, which go with the erasure."""

import datetime

from django.conf import settings
from django.db import transaction
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
        report.delete()  # and its file: delete_file_with_report()
        count += 1
    return count


def delete_reports_of_meetings(meeting_ids: set[int], *, dry_run: bool = False) -> int:
    """Delete the prepared meeting reports that cover any of `meeting_ids`, with their files:
    they list those meetings' attendance as it was when they were prepared."""
    if not meeting_ids:
        return 0
    reports = [
        report
        for report in PreparedReport.objects.filter(kind=PreparedReport.Kind.MEETINGS)
        if meeting_ids.intersection(report.parameters.get("meetings", []))
    ]
    if not dry_run:
        for report in reports:
            report.delete()
    return len(reports)


def delete_file_with_report(sender, instance: PreparedReport, **kwargs) -> None:
    """A deleted report's file goes too, once the deletion is committed (whoever deleted the
    row: the retention, an erasure, an administrator, or its owner's account going)."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
