"""The reminders' background job: sending one e-mail, run by the tasks framework's worker."""

from django.tasks import task
from django.utils import timezone
from django_scopes import scopes_disabled

from reminders.services import deliver_reminder, retry_delay, should_retry


@task
def send_reminder(reminder_id: int) -> str:
    """Send one claimed reminder; after a failure of the mail server, try again later where the
    queue can wait (the daily run tries again otherwise). Returns the row's status."""
    with scopes_disabled():
        reminder = deliver_reminder(reminder_id=reminder_id)
    if should_retry(reminder) and send_reminder.get_backend().supports_defer:
        send_reminder.using(run_after=timezone.now() + retry_delay(reminder.attempts)).enqueue(
            reminder_id
        )
    return reminder.status if reminder is not None else "nothing to do"
