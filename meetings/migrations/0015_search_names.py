"""The names at the head of `search_text` also in their own short `search_names` column,
which the search ranks by (see core.search), with a trigram index on PostgreSQL."""

import django.contrib.postgres.indexes
from django.db import migrations, models

from core.indexes import AddIndexOnPostgreSQL
from core.search import fill_search_names


def fill(apps, schema_editor):
    fill_search_names(apps.get_model("meetings", "Meeting").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0014_venue_coordinates"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="meeting",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="meeting_names_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
