import pytest
from django.core import mail
from django.test import Client

from reminders.models import Recipient, Reminder
from reminders.tokens import unsubscribe_token
from tests.reminders.conftest import run_daily


def _unsubscribe_url(email):
    return f"/en/reminders/unsubscribe/{unsubscribe_token(email)}/"


def test_every_reminder_carries_a_signed_unsubscribe_link_and_header(upcoming_meeting):
    run_daily()

    [message] = [m for m in mail.outbox if m.to == ["ana.pop@example.org"]]
    url = f"http://127.0.0.1:8000/ro/reminders/unsubscribe/{unsubscribe_token('ana.pop@example.org')}/"
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_opening_the_link_asks_to_confirm_and_changes_nothing(client, db):
    response = client.get(_unsubscribe_url("ana.pop@example.org"))

    assert response.status_code == 200
    assert "ana.pop@example.org" in response.text
    assert '<button type="submit">Unsubscribe</button>' in response.text
    assert not Recipient.objects.exists()


def test_confirming_unsubscribes_and_no_more_reminders_go_out(upcoming_meeting):
    csrf_client = Client(enforce_csrf_checks=True)
    # A mail program's one-click unsubscribe posts without the page's CSRF token.
    response = csrf_client.post(
        _unsubscribe_url("Ana.Pop@example.org"), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    run_daily()
    assert "ana.pop@example.org" not in [m.to[0] for m in mail.outbox]
    assert "maria@host.example.org" in [m.to[0] for m in mail.outbox]
    assert not Reminder.objects.filter(recipient="ana.pop@example.org").exists()


def test_a_reminder_already_queued_is_not_sent_after_unsubscribing(upcoming_meeting, client):
    from reminders.services import claim_due_reminders, deliver_reminder

    claimed = claim_due_reminders()
    client.post(_unsubscribe_url("ana.pop@example.org"))
    for reminder in claimed:
        deliver_reminder(reminder_id=reminder.pk)

    assert "ana.pop@example.org" not in [m.to[0] for m in mail.outbox]
    assert Reminder.objects.get(recipient="ana.pop@example.org").status == "skipped"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_link_is_refused(client, db, method):
    token = unsubscribe_token("ana.pop@example.org")
    forged = token.replace(token.split(":")[0], "Im1hbGxvcnlAZXhhbXBsZS5vcmci")

    response = getattr(client, method)(f"/en/reminders/unsubscribe/{forged}/")

    assert response.status_code == 400
    assert "This link does not work" in response.text
    assert not Recipient.objects.exists()
