"""Published projects counted and listed newest first from an index of their own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0008_search_names"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["-start_date", "id"],
                name="project_public_start_idx",
            ),
        ),
    ]
