import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import connection
from django.utils import timezone
from django_scopes import scopes_disabled

from reminders.enums import DeliveryStatus
from reminders.models import Reminder
from reminders.planning import due_reminders
from reminders.services import claim, claim_due_reminders, deliver_reminder
from reminders.tasks import send_reminder
from tests.reminders.conftest import run_daily


@pytest.fixture
def refusing_mail_server(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse)
    return monkeypatch


def test_a_failed_send_is_recorded_and_sent_once_on_the_next_try(
    upcoming_meeting, refusing_mail_server
):
    run_daily()

    failed = Reminder.objects.get(recipient="ana.pop@example.org")
    assert (failed.status, failed.attempts) == (DeliveryStatus.FAILED, 1)
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in failed.error
    assert mail.outbox == []

    refusing_mail_server.undo()
    run_daily()
    run_daily()

    sent = Reminder.objects.get(recipient="ana.pop@example.org")
    assert (sent.status, sent.attempts, sent.error) == (DeliveryStatus.SENT, 2, "")
    assert [m.to for m in mail.outbox].count(["ana.pop@example.org"]) == 1


def test_failed_sends_stop_after_the_last_attempt(upcoming_meeting, refusing_mail_server, settings):
    settings.REMINDER_MAX_ATTEMPTS = 2

    for _run in range(4):
        run_daily()

    reminder = Reminder.objects.get(recipient="ana.pop@example.org")
    assert (reminder.status, reminder.attempts) == (DeliveryStatus.FAILED, 2)


def test_a_failed_job_is_queued_again_for_later_where_the_queue_can_wait(
    upcoming_meeting, refusing_mail_server, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    [reminder, *_others] = claim_due_reminders()

    send_reminder.call(reminder.pk)

    [retry] = send_reminder.get_backend().results
    assert retry.args == [reminder.pk]
    assert retry.task.run_after is not None


def test_a_reminder_claimed_twice_is_recorded_once(upcoming_meeting):
    [item, *_others] = due_reminders(timezone.now())

    first = claim([item], languages={})
    second = claim([item], languages={})

    assert len(first) == 1
    assert second == []
    assert Reminder.objects.count() == 1


def test_a_reminder_delivered_twice_is_sent_once(upcoming_meeting):
    [reminder, *_others] = claim_due_reminders()

    deliver_reminder(reminder_id=reminder.pk)
    deliver_reminder(reminder_id=reminder.pk)

    assert len(mail.outbox) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite has none"
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_reminder_at_once_send_it_once(upcoming_meeting, monkeypatch):
    with scopes_disabled():
        [reminder, *_others] = claim_due_reminders()
    sending = threading.Event()
    may_finish = threading.Event()
    real_send = locmem.EmailBackend.send_messages

    def slow_send(self, messages):
        sending.set()
        may_finish.wait(timeout=10)
        return real_send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", slow_send)
    outcomes = {}

    def worker(name):
        try:
            with scopes_disabled():
                outcomes[name] = deliver_reminder(reminder_id=reminder.pk)
        finally:
            connection.close()

    first = threading.Thread(target=worker, args=["first"])
    first.start()
    assert sending.wait(timeout=10)
    # The first worker holds the row while it talks to the mail server.
    second = threading.Thread(target=worker, args=["second"])
    second.start()
    second.join(timeout=10)
    may_finish.set()
    first.join(timeout=10)

    assert outcomes["second"] is None
    assert outcomes["first"].status == DeliveryStatus.SENT
    assert len(mail.outbox) == 1
    assert Reminder.objects.get(pk=reminder.pk).attempts == 1
