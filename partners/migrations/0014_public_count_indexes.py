"""Reviewed organisations counted from an index of their own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0013_search_names"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                condition=models.Q(("is_reviewed", True)),
                fields=["id"],
                name="organisation_reviewed_idx",
            ),
        ),
    ]
