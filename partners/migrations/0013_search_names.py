"""The names at the head of `search_text` also in their own short `search_names` column,
which the search ranks by (see core.search)."""

from django.db import migrations, models

from core.search import fill_search_names


def fill(apps, schema_editor):
    fill_search_names(apps.get_model("partners", "Region").objects.all())
    fill_search_names(apps.get_model("partners", "Organisation").objects.all())
    fill_search_names(apps.get_model("partners", "IntegrationCentre").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0012_services_and_target_groups_named_in_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        migrations.AddField(
            model_name="integrationcentre",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
