"""After the funding programme's audit period the attendance lists lose their people, as the
privacy notice says, and keep their totals."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetings.attendance_retention import anonymise_old_attendance
from meetings.enums import AttachmentKind, Presence
from meetings.models import Attachment, Attendance, PreparedReport
from meetings.privacy import ERASED_NAME
from meetings.reports.attendance import summarise_attendance
from tests.factories import (
    AttachmentFactory,
    AttendanceFactory,
    ContactFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def _meeting_on(day: datetime.date):
    return MeetingFactory(
        starts_at=datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC)
    )


def _totals(meeting):
    summary = summarise_attendance(meeting)
    return summary.participant_count, summary.by_organisation


@pytest.fixture
def old_and_recent(settings):
    settings.ATTENDANCE_RETENTION_YEARS = 10
    # The year of the old meeting ended more than ten years ago; the recent one's did not.
    old = _meeting_on(datetime.date(THIS_YEAR - 11, 12, 20))
    recent = _meeting_on(datetime.date(THIS_YEAR - 10, 1, 10))
    for meeting in (old, recent):
        AttendanceFactory(
            meeting=meeting,
            contact=ContactFactory(name="Ana Petrescu"),
            person_name="Ana Petrescu",
            position="Social worker",
            email="ana@example.org",
            presence=Presence.ATTENDED,
        )
        AttendanceFactory(meeting=meeting, person_name="Ion Marin", presence=Presence.EXCUSED)
    return old, recent


def test_attendance_past_the_audit_period_loses_its_people_and_keeps_its_totals(
    old_and_recent, django_capture_on_commit_callbacks
):
    old, recent = old_and_recent
    totals_before = _totals(old)
    signed = AttachmentFactory(meeting=old, kind=AttachmentKind.ATTENDANCE_LIST)
    minutes = AttachmentFactory(meeting=old, kind=AttachmentKind.MINUTES)
    signed_file = Path(signed.file.path)
    report = PreparedReport.objects.create(
        requested_by=UserFactory(is_staff=True),
        kind=PreparedReport.Kind.MEETINGS,
        title="Reports",
        language="en",
        parameters={"meetings": [old.pk]},
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_old_attendance")
    rows = list(Attendance.objects.filter(meeting=old))
    assert {row.person_name for row in rows} == {ERASED_NAME}
    assert all(row.email == "" and row.position == "" and row.contact is None for row in rows)
    assert _totals(old) == totals_before
    kept = Attendance.objects.filter(meeting=recent).values_list("person_name", flat=True)
    assert sorted(kept) == ["Ana Petrescu", "Ion Marin"]
    assert not Attachment.objects.filter(pk=signed.pk).exists()
    assert not signed_file.exists()
    assert Attachment.objects.filter(pk=minutes.pk).exists()
    assert not PreparedReport.objects.filter(pk=report.pk).exists()
    # A second run finds nothing left to do.
    assert anonymise_old_attendance().attendances_anonymised == 0


def test_the_audit_period_ends_with_the_year_it_counts_from(old_and_recent):
    old, _recent = old_and_recent

    last_day_kept = anonymise_old_attendance(
        today=datetime.date(THIS_YEAR - 1, 12, 31), dry_run=True
    )
    first_day_gone = anonymise_old_attendance(today=datetime.date(THIS_YEAR, 1, 1), dry_run=True)

    assert last_day_kept.attendances_anonymised == 0
    assert (first_day_gone.attendances_anonymised, first_day_gone.meetings_affected) == (2, 1)
    assert "Ana Petrescu" in old.attendances.values_list("person_name", flat=True)


def test_the_command_says_what_it_would_do_and_changes_nothing_on_a_dry_run(old_and_recent, capsys):
    call_command("anonymise_old_attendance", "--dry-run")

    output = capsys.readouterr().out
    assert "2 row(s) in 1 meeting(s) would be anonymised" in output
    assert not Attendance.objects.filter(person_name=ERASED_NAME).exists()
