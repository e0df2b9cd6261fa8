import pytest
from django.core import mail

from meetings.enums import MeetingStatus
from reminders.enums import ReminderKind
from reminders.models import Reminder
from tests.factories import AttendanceFactory, MeetingFactory
from tests.reminders.conftest import run_daily, venue_time


@pytest.fixture
def past_meeting(project_a, coordinator_a, coordinator_b):
    """Held three days ago by project A, with no minutes and no attendance."""
    return MeetingFactory(
        title="Quarterly meeting",
        status=MeetingStatus.PLANNED,
        starts_at=venue_time(-3, 10),
        projects=[project_a],
    )


def _complete(meeting):
    meeting.status = MeetingStatus.HELD
    meeting.minutes = "We agreed on the plan."
    meeting.save()
    AttendanceFactory(meeting=meeting)


def test_coordinators_are_reminded_three_days_after_an_incomplete_meeting(past_meeting):
    run_daily()

    [message] = mail.outbox
    assert message.to == ["coordinator.a@example.org"]
    assert "it is not marked as held" in message.body
    assert "it has no minutes" in message.body
    assert "no attendance list" in message.body
    assert f"/admin/meetings/meeting/{past_meeting.pk}/change/" in message.body
    assert Reminder.objects.get().kind == ReminderKind.THREE_DAYS_AFTER


def test_the_reminder_names_only_what_is_missing(past_meeting):
    past_meeting.status = MeetingStatus.HELD
    past_meeting.participant_count = 12
    past_meeting.save()

    run_daily()

    [message] = mail.outbox
    assert "it has no minutes" in message.body
    assert "not marked as held" not in message.body
    assert "no attendance list" not in message.body


def test_no_reminder_after_a_complete_meeting(past_meeting):
    _complete(past_meeting)

    run_daily()

    assert mail.outbox == []


def test_seven_days_after_a_second_reminder_then_none(past_meeting):
    run_daily()
    past_meeting.starts_at = venue_time(-7, 10)
    past_meeting.save()
    run_daily()
    run_daily()
    past_meeting.starts_at = venue_time(-20, 10)
    past_meeting.save()
    run_daily()

    kinds = sorted(Reminder.objects.values_list("kind", flat=True))
    assert kinds == [ReminderKind.THREE_DAYS_AFTER, ReminderKind.SEVEN_DAYS_AFTER]
    assert len(mail.outbox) == 2


def test_not_before_three_days_and_not_for_cancelled_meetings(past_meeting, project_a):
    past_meeting.starts_at = venue_time(-2, 10)
    past_meeting.save()
    MeetingFactory(
        status=MeetingStatus.CANCELLED, starts_at=venue_time(-3, 10), projects=[project_a]
    )

    run_daily()

    assert mail.outbox == []


def test_a_meeting_completed_after_the_claim_is_not_nagged_about(past_meeting):
    from reminders.services import claim_due_reminders, deliver_reminder

    [reminder] = claim_due_reminders()
    _complete(past_meeting)

    deliver_reminder(reminder_id=reminder.pk)

    reminder.refresh_from_db()
    assert mail.outbox == []
    assert reminder.status == "skipped"
