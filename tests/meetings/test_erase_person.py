import io
import json
from pathlib import Path

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from feedback.models import FeedbackMessage
from meetings.enums import Presence
from meetings.models import Attendance, Meeting, PreparedReport
from meetings.privacy import ERASED_NAME, erase_person
from meetings.reports.attendance import summarise_attendance
from partners.models import Contact
from tests.factories import AttendanceFactory, ContactFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana():
    """Ana, a contact who came to two meetings and was excused from a third."""
    contact = ContactFactory(name="Ana Petrescu", email="ana.petrescu@example.org", phone="0722")
    meetings = MeetingFactory.create_batch(3)
    for meeting, presence in zip(
        meetings, [Presence.ATTENDED, Presence.ATTENDED, Presence.EXCUSED], strict=True
    ):
        AttendanceFactory(
            meeting=meeting,
            contact=contact,
            person_name="Ana Petrescu",
            position="Social worker",
            email="Ana.Petrescu@example.org",
            organisation=contact.organisation,
            presence=presence,
        )
        AttendanceFactory(meeting=meeting, person_name="Ion Marin", email="ion@example.org")
    return contact


def _totals() -> dict[int, tuple[int, list]]:
    return {
        meeting.pk: (
            summarise_attendance(meeting).participant_count,
            summarise_attendance(meeting).by_organisation,
        )
        for meeting in Meeting.objects.all()
    }


def test_erasing_a_person_deletes_their_contact_and_keeps_meeting_totals(ana):
    totals_before = _totals()

    result = erase_person(email="ANA.PETRESCU@example.org")

    assert not Contact.objects.filter(pk=ana.pk).exists()
    assert result.contacts_deleted == 1
    assert result.attendances_anonymised == 3
    assert result.meetings_affected == 3
    assert _totals() == totals_before


def test_erased_attendance_rows_keep_nothing_that_names_the_person(ana):
    erase_person(email="ana.petrescu@example.org")

    rows = Attendance.objects.filter(person_name=ERASED_NAME)
    assert rows.count() == 3
    assert set(rows.values_list("email", "position", "contact")) == {("", "", None)}
    assert not Attendance.objects.filter(person_name__icontains="Petrescu").exists()
    assert not Attendance.history.filter(person_name__icontains="Petrescu").exists()
    assert not Attendance.history.filter(email__icontains="petrescu").exists()
    assert Attendance.objects.filter(person_name="Ion Marin").count() == 3


def test_erasing_a_person_scrubs_their_name_from_the_admin_change_log(ana):
    meeting = Attendance.objects.filter(contact=ana).first().meeting
    editor = UserFactory()
    entry = LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Meeting),
        object_id=str(meeting.pk),
        object_repr=meeting.title,
        action_flag=CHANGE,
        change_message=json.dumps(
            [{"changed": {"name": "attendance", "object": "Ana Petrescu", "fields": ["email"]}}]
        ),
    )

    result = erase_person(email="ana.petrescu@example.org")

    entry.refresh_from_db()
    assert "Petrescu" not in entry.change_message
    assert ERASED_NAME in entry.get_change_message()
    assert entry.user == editor
    assert result.log_entries_scrubbed == 1


def test_erasing_a_person_leaves_no_version_of_their_contact(ana):
    ana.position = "Coordinator"
    ana.save()

    erase_person(email="ana.petrescu@example.org")

    assert not Contact.history.filter(id=ana.pk).exists()
    assert not Contact.history.filter(email__icontains="petrescu").exists()


def test_dry_run_counts_without_changing_anything(ana):
    result = erase_person(email="ana.petrescu@example.org", dry_run=True)

    assert result.attendances_anonymised == 3
    assert Contact.objects.filter(pk=ana.pk).exists()
    assert Attendance.objects.filter(person_name="Ana Petrescu").count() == 3


def test_erase_person_command_reports_what_it_did(ana):
    out = io.StringIO()

    call_command("erase_person", email="ana.petrescu@example.org", stdout=out)

    assert "1 contact(s) deleted, 3 attendance row(s) anonymised in 3 meeting(s)" in out.getvalue()
    assert not Contact.objects.filter(email__iexact="ana.petrescu@example.org").exists()


def test_erase_person_command_refuses_what_is_not_an_email_address(ana):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        call_command("erase_person", email="%", stdout=io.StringIO())

    assert Contact.objects.filter(pk=ana.pk).exists()


def test_erasing_an_unknown_address_changes_nothing(ana):
    out = io.StringIO()

    call_command("erase_person", email="nobody@example.org", stdout=out)

    assert "Nobody with that e-mail address was found." in out.getvalue()
    assert Attendance.objects.filter(person_name="Ana Petrescu").count() == 3


def test_erasing_a_person_deletes_their_feedback_messages_and_keeps_others():
    FeedbackMessage.objects.create(
        email="Ana.Petrescu@example.org", message="The map has no text alternative.", language="ro"
    )
    FeedbackMessage.objects.create(
        email="ion@example.org", message="Please send the report as large print.", language="en"
    )
    out = io.StringIO()

    call_command("erase_person", email="ana.petrescu@example.org", stdout=out)

    assert list(FeedbackMessage.objects.values_list("email", flat=True)) == ["ion@example.org"]
    assert "1 feedback message(s) deleted" in out.getvalue()


def test_erasure_deletes_the_prepared_meeting_reports_that_list_the_person(
    ana, django_capture_on_commit_callbacks
):
    staff = UserFactory(is_staff=True)
    attended = Attendance.objects.filter(contact=ana).first().meeting
    elsewhere = MeetingFactory()

    def prepared(kind, parameters):
        report = PreparedReport.objects.create(
            requested_by=staff, kind=kind, title="Report", language="en", parameters=parameters
        )
        report.file.save("report.pdf", ContentFile(b"%PDF-1.7 names"))
        return report

    naming_her = prepared(PreparedReport.Kind.MEETINGS, {"meetings": [elsewhere.pk, attended.pk]})
    others = prepared(PreparedReport.Kind.MEETINGS, {"meetings": [elsewhere.pk]})
    quarterly = prepared(PreparedReport.Kind.QUARTERLY, {"year": 2026, "quarter": 1})
    naming_her_file = Path(naming_her.file.path)

    assert erase_person(email=ana.email, dry_run=True).prepared_reports_deleted == 1
    assert PreparedReport.objects.filter(pk=naming_her.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        result = erase_person(email=ana.email)

    assert result.prepared_reports_deleted == 1
    assert not naming_her_file.exists()
    remaining = set(PreparedReport.objects.values_list("pk", flat=True))
    assert remaining == {others.pk, quarterly.pk}
    assert Path(others.file.path).exists()
