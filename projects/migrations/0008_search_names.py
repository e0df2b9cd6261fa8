"""The names at the head of `search_text` also in their own short `search_names` column,
which the search ranks by (see core.search), with a trigram index on PostgreSQL."""

import django.contrib.postgres.indexes
from django.db import migrations, models

from core.indexes import AddIndexOnPostgreSQL
from core.search import fill_search_names


def fill(apps, schema_editor):
    fill_search_names(apps.get_model("projects", "Project").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_search_text_folded_with_programmes"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="project",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="project_names_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
