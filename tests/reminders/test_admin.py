import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reminders.admin import SENDING_MAY_STILL_BE_IN_PROGRESS
from reminders.enums import DeliveryStatus, ReminderKind
from reminders.models import Reminder


def _reminder(meeting, email, **fields):
    return Reminder.objects.create(
        kind=ReminderKind.BEFORE_MEETING,
        meeting=meeting,
        occasion=meeting.starts_at.date(),
        recipient=email,
        language="en",
        **fields,
    )


@pytest.fixture
def sent_mail(meeting_a, meeting_b):
    return {
        "a": _reminder(
            meeting_a,
            "alice@example.org",
            status=DeliveryStatus.FAILED,
            attempts=3,
            error="SMTPServerDisconnected: Connection unexpectedly closed",
        ),
        "b": _reminder(meeting_b, "bob@example.org", status=DeliveryStatus.SENT),
    }


def test_administrators_read_the_sent_mail_log_with_its_errors(client, superuser, sent_mail):
    client.force_login(superuser)

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))
    change = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk]))

    assert "alice@example.org" in changelist.text
    assert "bob@example.org" in changelist.text
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in change.text
    # Read-only: no save button, no field to type in.
    assert 'name="_save"' not in change.text
    assert 'name="recipient"' not in change.text


def test_a_coordinator_reads_only_their_projects_meetings_mail(client, coordinator_a, sent_mail):
    client.force_login(coordinator_a)

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))
    own = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk]))
    other = client.get(reverse("admin:reminders_reminder_change", args=[sent_mail["b"].pk]))

    assert changelist.status_code == 200
    assert "alice@example.org" in changelist.text
    assert "bob@example.org" not in changelist.text
    assert own.status_code == 200
    assert other.status_code in (302, 403, 404)
    assert "bob@example.org" not in other.text


@pytest.mark.parametrize("who", ["editor", "staff_user"])
def test_other_roles_cannot_open_the_sent_mail_log(client, request, who, sent_mail):
    client.force_login(request.getfixturevalue(who))

    changelist = client.get(reverse("admin:reminders_reminder_changelist"))

    assert changelist.status_code == 403


def test_the_log_reads_few_and_many_rows_in_the_same_number_of_queries(
    client, superuser, meeting_a
):
    client.force_login(superuser)
    url = reverse("admin:reminders_reminder_changelist")

    def queries_with(count: int) -> int:
        Reminder.objects.all().delete()
        for number in range(count):
            _reminder(meeting_a, f"person{number}@example.org")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(20)


@pytest.mark.parametrize("who", ["superuser", "coordinator_a"])
def test_a_meeting_with_reminders_can_still_be_deleted(client, request, who, meeting_a, sent_mail):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("admin:meetings_meeting_delete", args=[meeting_a.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Reminder.objects.filter(pk=sent_mail["a"].pk).exists()


def test_the_log_itself_offers_no_deletion(client, superuser, sent_mail):
    client.force_login(superuser)
    url = reverse("admin:reminders_reminder_change", args=[sent_mail["a"].pk])

    change = client.get(url)
    delete = client.post(
        reverse("admin:reminders_reminder_delete", args=[sent_mail["a"].pk]), {"post": "yes"}
    )

    assert "deletelink" not in change.text
    assert delete.status_code == 403
    assert Reminder.objects.filter(pk=sent_mail["a"].pk).exists()


@pytest.fixture
def unknown_outcome(upcoming_meeting):
    """A reminder handed to the mail server an hour ago whose outcome was never recorded."""
    return Reminder.objects.create(
        kind=ReminderKind.BEFORE_MEETING,
        meeting=upcoming_meeting,
        occasion=upcoming_meeting.local_starts_at.date(),
        recipient="ana.pop@example.org",
        recipient_name="Ana Pop",
        language="en",
        status=DeliveryStatus.SENDING,
        attempts=1,
        last_attempt_at=timezone.now() - datetime.timedelta(hours=1),
    )


def test_the_log_shows_an_e_mail_whose_outcome_is_unknown(client, superuser, unknown_outcome):
    client.force_login(superuser)

    changelist = client.get(
        reverse("admin:reminders_reminder_changelist"), {"status__exact": "sending"}
    )
    change = client.get(reverse("admin:reminders_reminder_change", args=[unknown_outcome.pk]))

    assert "ana.pop@example.org" in changelist.text
    assert '<td class="field-status">Outcome unknown</td>' in changelist.text
    assert '<div class="readonly">Outcome unknown</div>' in change.text
    assert "It is not sent again unless an administrator tries it again." in change.text


def test_an_administrator_has_an_e_mail_of_unknown_outcome_sent_again(
    client, superuser, unknown_outcome
):
    client.force_login(superuser)
    changelist = reverse("admin:reminders_reminder_changelist")

    offered = client.get(changelist)
    response = client.post(
        changelist,
        {"action": "try_again", "_selected_action": [unknown_outcome.pk]},
        follow=True,
    )

    assert "Try the selected failed e-mails and those of unknown outcome again" in offered.text
    assert "1 e-mail queued again." in response.text
    unknown_outcome.refresh_from_db()
    assert (unknown_outcome.status, unknown_outcome.attempts) == (DeliveryStatus.SENT, 1)
    assert [message.to for message in mail.outbox] == [["ana.pop@example.org"]]


def test_trying_again_leaves_sent_e_mails_alone(client, superuser, sent_mail):
    client.force_login(superuser)

    client.post(
        reverse("admin:reminders_reminder_changelist"),
        {"action": "try_again", "_selected_action": [sent_mail["b"].pk]},
    )

    sent_mail["b"].refresh_from_db()
    assert sent_mail["b"].status == DeliveryStatus.SENT
    assert mail.outbox == []


def test_trying_again_leaves_an_e_mail_that_may_still_be_sending(
    client, superuser, unknown_outcome, upcoming_meeting
):
    just_tried = timezone.now() - datetime.timedelta(minutes=2)
    Reminder.objects.filter(pk=unknown_outcome.pk).update(last_attempt_at=just_tried)
    failed = Reminder.objects.create(
        kind=ReminderKind.BEFORE_MEETING,
        meeting=upcoming_meeting,
        occasion=upcoming_meeting.local_starts_at.date(),
        recipient="ion.popescu@example.org",
        language="en",
        status=DeliveryStatus.FAILED,
        attempts=5,
        last_attempt_at=just_tried,
    )
    client.force_login(superuser)

    response = client.post(
        reverse("admin:reminders_reminder_changelist"),
        {"action": "try_again", "_selected_action": [unknown_outcome.pk, failed.pk]},
        follow=True,
    )

    assert "1 e-mail queued again." in response.text
    assert (
        "1 e-mail was left as it is: it was tried less than 15 minutes ago and may still be "
        "sending. Try it again later if it stays in that state."
    ) in response.text
    unknown_outcome.refresh_from_db()
    assert (unknown_outcome.status, unknown_outcome.attempts) == (DeliveryStatus.SENDING, 1)
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (DeliveryStatus.SENT, 1)
    assert [message.to for message in mail.outbox] == [["ion.popescu@example.org"]]


def test_an_e_mail_stops_counting_as_sending_only_after_any_mail_server_timeout():
    # The timeout a production SMTP mailer is given, whatever the tests' mailer is.
    assert datetime.timedelta(seconds=settings.EMAIL_TIMEOUT_SECONDS) < (
        SENDING_MAY_STILL_BE_IN_PROGRESS
    )
    # With MAILERS, each mailer's "timeout" option replaces EMAIL_TIMEOUT.
    for mailer in settings.MAILERS.values():
        seconds = mailer.get("OPTIONS", {}).get("timeout")
        if seconds is not None:
            assert datetime.timedelta(seconds=seconds) < SENDING_MAY_STILL_BE_IN_PROGRESS
