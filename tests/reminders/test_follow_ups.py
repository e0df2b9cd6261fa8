import datetime

import pytest
from django.core import mail
from django.utils import timezone

from meetings.enums import ActionItemStatus
from reminders.enums import ReminderKind
from reminders.models import Reminder
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
