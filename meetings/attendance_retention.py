"""Attendance lists are kept for the funding programme's audit period, then the people go.

The privacy notice promises ATTENDANCE_RETENTION_YEARS years after the end of the year of
the meeting. After that, each attendance row keeps its meeting, organisation and presence, so
that totals and quarterly reports still add up, but loses the name, position, e-mail and
contact, as on an erasure; the signed attendance lists (scans) and prepared meeting reports
of those meetings are deleted with their files.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from meetings.enums import AttachmentKind
from meetings.models import Attachment, Attendance
from meetings.privacy import ERASED_NAME, anonymise_attendance
from meetings.report_retention import delete_reports_of_meetings


@dataclass(frozen=True)
class RetentionResult:
    attendances_anonymised: int
    meetings_affected: int
    signed_lists_deleted: int
    prepared_reports_deleted: int


def retention_cutoff(today: datetime.date) -> datetime.datetime:
    """Meetings that started before this moment are past their audit period: those of the
    years up to ATTENDANCE_RETENTION_YEARS + 1 before `today`'s."""
    year = today.year - settings.ATTENDANCE_RETENTION_YEARS
    return datetime.datetime(year, 1, 1, tzinfo=datetime.UTC)


def anonymise_old_attendance(
    *, today: datetime.date | None = None, dry_run: bool = False
) -> RetentionResult:
    cutoff = retention_cutoff(today or timezone.localdate())
    with transaction.atomic():
        rows = (
            Attendance.objects.select_for_update()
            .filter(meeting__starts_at__lt=cutoff)
            .exclude(Q(person_name=ERASED_NAME, position="", email="", contact__isnull=True))
        )
        attendance_ids = list(rows.values_list("pk", flat=True))
        meeting_ids = set(
            Attendance.objects.filter(pk__in=attendance_ids).values_list("meeting_id", flat=True)
        )
        signed_lists = Attachment.objects.filter(
            meeting__starts_at__lt=cutoff, kind=AttachmentKind.ATTENDANCE_LIST
        )
        result = RetentionResult(
            attendances_anonymised=len(attendance_ids),
            meetings_affected=len(meeting_ids),
            signed_lists_deleted=signed_lists.count(),
            prepared_reports_deleted=delete_reports_of_meetings(meeting_ids, dry_run=dry_run),
        )
        if not dry_run:
            anonymise_attendance(attendance_ids)
            for attachment in signed_lists:
                _delete_with_file(attachment)
    return result


def _delete_with_file(attachment: Attachment) -> None:
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
