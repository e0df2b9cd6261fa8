"""The places each project works in, as rows (see projects/coverage.py), filled from the links."""

import django.db.models.deletion
from django.db import migrations, models


def fill_coverage(apps, schema_editor):
    from projects.coverage import refresh_coverage

    refresh_coverage(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0014_public_count_indexes"),
        ("projects", "0009_public_count_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProjectCoverage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="projects.project",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="partners.region",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("region", "project"), name="unique_region_project"
                    )
                ],
            },
        ),
        migrations.RunPython(fill_coverage, migrations.RunPython.noop),
    ]
