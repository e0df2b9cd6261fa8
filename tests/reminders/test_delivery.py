import contextlib
import smtplib
import threading

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import OperationalError, connection
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


@contextlib.contextmanager
def database_lost_after_the_send():
    """The database goes away once the mail server has taken the e-mail: the write that
    records it as sent fails."""

    def lose_the_connection(execute, sql, params, many, context):
        if mail.outbox and sql.startswith("UPDATE") and "reminders_reminder" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(lose_the_connection):
        yield


# Committed for real, as a worker's writes are: the row must stay as the send left it.
@pytest.mark.django_db(transaction=True)
def test_an_e_mail_whose_sending_was_not_recorded_is_never_sent_again_by_itself(
    upcoming_meeting,
):
    with scopes_disabled():
        reminder = claim_due_reminders()[0]
        with database_lost_after_the_send(), pytest.raises(OperationalError):
            deliver_reminder(reminder_id=reminder.pk)

    reminder.refresh_from_db()
    assert reminder.status == DeliveryStatus.SENDING
    assert reminder.get_status_display() == "Outcome unknown"
    assert reminder.attempts == 1
    assert reminder.last_attempt_at is not None
    assert len(mail.outbox) == 1

    with scopes_disabled():
        again = deliver_reminder(reminder_id=reminder.pk)
    task_result = send_reminder.call(reminder.pk)
    run_daily()
    run_daily()

    assert again is None
    assert task_result == "nothing to do"
    assert [m.to for m in mail.outbox].count([reminder.recipient]) == 1
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (DeliveryStatus.SENDING, 1)


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
