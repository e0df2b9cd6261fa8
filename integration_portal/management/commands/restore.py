from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.public_cache import content_changed
from integration_portal.backup import MANIFEST, BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with a backup made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The backup folder.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, source: Path, interactive: bool, **options):
        if not (source / MANIFEST).is_file():
            raise CommandError(f"{source} is not a backup folder (no {MANIFEST}).")
        if interactive:
            answer = input(
                "This replaces every row and uploaded file with the backup. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            counts = restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # The rows changed under the cache's feet, without a save to signal it.
        content_changed()
        self.stdout.write(f"Restored {sum(counts.values())} rows in {len(counts)} tables.")
