import datetime

import pytest
from django.core import mail
from django.utils import timezone

from meetings.enums import ActionItemStatus
from reminders.enums import DeliveryStatus, ReminderKind
from reminders.models import Reminder
from reminders.services import claim_due_reminders
from tests.factories import ActionItemFactory, ContactFactory, OrganisationFactory
from tests.reminders.conftest import run_daily


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def follow_ups(meeting_a, coordinator_a):
    partner = OrganisationFactory(name="Partner NGO", slug="partner-ngo")
    ContactFactory(organisation=partner, name="Petra", email="petra@partner.example.org")
    return {
        "overdue": ActionItemFactory(
            meeting=meeting_a,
            text="Send the action plan",
            responsible_organisation=partner,
            due_date=_days(-4),
        ),
        "soon": ActionItemFactory(
            meeting=meeting_a,
            text="Book the hall",
            responsible_organisation=partner,
            due_date=_days(5),
        ),
        "later": ActionItemFactory(
            meeting=meeting_a,
            text="Write the annual report",
            responsible_organisation=partner,
            due_date=_days(30),
        ),
        "done": ActionItemFactory(
            meeting=meeting_a,
            text="Print the flyers",
            responsible_organisation=partner,
            due_date=_days(-1),
            status=ActionItemStatus.DONE,
        ),
    }


def test_contacts_and_coordinators_get_a_digest_of_due_and_overdue_follow_ups(follow_ups):
    run_daily()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "coordinator.a@example.org",
        "petra@partner.example.org",
    ]
    for message in mail.outbox:
        assert message.subject == "Follow-ups: 1 overdue, 1 due within a week"
        overdue, due_soon = message.body.split("Due within a week:")
        assert "Send the action plan" in overdue
        assert "Book the hall" in due_soon
        assert "Write the annual report" not in message.body
        assert "Print the flyers" not in message.body


def test_the_digest_goes_once_a_week(follow_ups):
    run_daily()
    run_daily()

    assert len(mail.outbox) == 2
    assert set(Reminder.objects.values_list("kind", flat=True)) == {ReminderKind.FOLLOW_UPS}


def test_no_digest_when_nothing_is_due(follow_ups):
    follow_ups["overdue"].delete()
    follow_ups["soon"].delete()

    run_daily()

    assert mail.outbox == []


@pytest.fixture
def switched_off_follow_up(follow_ups, meeting_b, coordinator_b):
    """A follow-up of another meeting, for the same partner, due within the week."""
    partner = follow_ups["soon"].responsible_organisation
    return ActionItemFactory(
        meeting=meeting_b,
        text="Translate the leaflet",
        responsible_organisation=partner,
        due_date=_days(2),
    )


def _switch_reminders_off(meeting):
    meeting.reminders_enabled = False
    meeting.save()


def test_the_digest_leaves_out_follow_ups_of_meetings_whose_reminders_are_off(
    switched_off_follow_up, meeting_b
):
    _switch_reminders_off(meeting_b)

    run_daily()

    # Meeting B's coordinator is written to about nothing else, so gets no digest at all.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "coordinator.a@example.org",
        "petra@partner.example.org",
    ]
    [petra] = [message for message in mail.outbox if message.to == ["petra@partner.example.org"]]
    assert "Book the hall" in petra.body
    assert "Send the action plan" in petra.body
    assert "Translate the leaflet" not in petra.body
    assert "Translate the leaflet" not in petra.alternatives[0].content


def test_a_meeting_switched_off_after_the_digest_was_claimed_is_left_out_of_it(
    switched_off_follow_up, meeting_b
):
    claimed = claim_due_reminders()
    _switch_reminders_off(meeting_b)

    run_daily()

    assert len(claimed) == 3
    [petra] = [message for message in mail.outbox if message.to == ["petra@partner.example.org"]]
    assert petra.subject == "Follow-ups: 1 overdue, 1 due within a week"
    assert "Book the hall" in petra.body
    assert "Translate the leaflet" not in petra.body
    not_sent = Reminder.objects.get(recipient="coordinator.b@example.org")
    assert not_sent.status == DeliveryStatus.SKIPPED
    assert "coordinator.b@example.org" not in [message.to[0] for message in mail.outbox]


def test_a_digest_whose_only_meeting_is_switched_off_after_claiming_is_not_sent(
    follow_ups, meeting_a
):
    claimed = claim_due_reminders()
    _switch_reminders_off(meeting_a)

    run_daily()

    assert len(claimed) == 2
    assert mail.outbox == []
    for reminder in Reminder.objects.all():
        assert reminder.status == DeliveryStatus.SKIPPED
        assert reminder.error == (
            "The digest's open follow-ups belong to meetings that were cancelled or whose "
            "reminders are off."
        )
        assert reminder.sent_at is None
