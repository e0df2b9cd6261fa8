from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scopes_disabled

from meetings.privacy import erase_person


class Command(BaseCommand):
    help = (
        "Erase a person on request: delete their contacts and feedback messages and anonymise "
        "their attendance rows, keeping meeting totals."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's e-mail address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be erased."
        )

    def handle(self, *args, email: str, dry_run: bool, **options):
        try:
            # Erasure on request reaches the person's rows wherever they are, whoever may read
            # them.
            with scopes_disabled():
                result = erase_person(email=email, dry_run=dry_run)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(
            f"{verb}: {result.contacts_deleted} contact(s) deleted, "
            f"{result.attendances_anonymised} attendance row(s) anonymised in "
            f"{result.meetings_affected} meeting(s), "
            f"{result.log_entries_scrubbed} admin log entr(y/ies) scrubbed, "
            f"{result.feedback_messages_deleted} feedback message(s) deleted, "
            f"{result.prepared_reports_deleted} prepared report(s) deleted"
            + "".join(
                f", {count} {label} erased" for label, count in result.other_rows_erased.items()
            )
            + "."
        )
        if not (
            result.contacts_deleted
            or result.attendances_anonymised
            or result.feedback_messages_deleted
            or any(result.other_rows_erased.values())
        ):
            self.stdout.write("Nobody with that e-mail address was found.")
