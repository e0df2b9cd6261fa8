import io

from django.core.management import call_command

from reminders.models import Recipient, Reminder
from tests.reminders.conftest import run_daily


def test_erasing_a_person_removes_them_from_the_queue_and_the_log(upcoming_meeting):
    Recipient.objects.create(email="ana.pop@example.org", language="bg")
    run_daily()
    assert Reminder.objects.filter(recipient="ana.pop@example.org").exists()

    out = io.StringIO()
    call_command("erase_person", "--email", "ANA.POP@example.org", stdout=out)

    assert not Reminder.objects.filter(recipient="ana.pop@example.org").exists()
    assert not Recipient.objects.filter(email="ana.pop@example.org").exists()
    assert Reminder.objects.filter(recipient="maria@host.example.org").exists()
    assert "2 reminder e-mails and reminder settings erased" in out.getvalue()


def test_an_erased_person_gets_no_further_reminder(upcoming_meeting):
    call_command("erase_person", "--email", "ana.pop@example.org", stdout=io.StringIO())

    run_daily()

    assert not Reminder.objects.filter(recipient="ana.pop@example.org").exists()


def test_a_dry_run_counts_the_reminders_without_erasing_them(upcoming_meeting):
    run_daily()
    out = io.StringIO()

    call_command("erase_person", "--email", "ana.pop@example.org", "--dry-run", stdout=out)

    assert "1 reminder e-mails and reminder settings erased" in out.getvalue()
    assert Reminder.objects.filter(recipient="ana.pop@example.org").exists()
