from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from reminders.services import claim_due_reminders, reminders_to_send
from reminders.tasks import send_reminder

# The daily clean-ups of the apps, run after the reminders where they exist.
DAILY_CLEANUPS = ["delete_old_feedback", "delete_old_reports", "anonymise_old_attendance"]


class Command(BaseCommand):
    help = (
        "The daily run: claim the reminders due today (before meetings, after meetings whose "
        "record is incomplete, the weekly follow-up digest), queue one e-mail job each, queue "
        "failed e-mails again, then run the daily clean-ups. Run it once a day from the "
        "system's timer; running it more often or twice at once sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-cleanups", action="store_true", help="Only the reminders, no clean-ups."
        )

    def handle(self, *args, skip_cleanups: bool = False, **options):
        # A scheduled run reads every meeting's attendance, contacts and follow-ups to decide
        # whom to write to.
        with scopes_disabled():
            claimed = claim_due_reminders()
            queued = reminders_to_send()
        for reminder_id in queued:
            send_reminder.enqueue(reminder_id)
        self.stdout.write(f"{len(claimed)} reminder(s) due, {len(queued)} e-mail job(s) queued.")
        if skip_cleanups:
            return
        available = get_commands()
        for name in DAILY_CLEANUPS:
            if name in available:
                call_command(name, stdout=self.stdout, stderr=self.stderr)
