from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from maps.outlines import write_countries

TARGET = Path(settings.BASE_DIR) / "static" / "maps" / "outlines" / "countries.geojson"


class Command(BaseCommand):
    help = (
        "Cut the map's country outlines from world-atlas's countries-50m.json "
        "(npm pack world-atlas@2.0.2; Natural Earth, public domain) into the static files."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="path to world-atlas's countries-50m.json")

    def handle(self, *args, source: Path, **options):
        size = write_countries(source, TARGET)
        self.stdout.write(f"{TARGET}: {size:,} bytes")
