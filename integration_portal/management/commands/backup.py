from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from integration_portal.backup import BackupError, backup, default_destination


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            type=Path,
            help="The folder to create (default: var/backups/<date-time>).",
        )

    def handle(self, *args, destination: Path | None, **options):
        destination = destination or default_destination()
        if destination.exists():
            raise CommandError(f"{destination} already exists; backups never overwrite.")
        try:
            folder = backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {folder}")
