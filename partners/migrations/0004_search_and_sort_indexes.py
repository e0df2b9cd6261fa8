"""Indexes for the public lists' filters and sorts, and trigram indexes for the search.

The trigram indexes exist on PostgreSQL only; on SQLite their operations change nothing but
the migration state.
"""

import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from core.indexes import AddIndexOnPostgreSQL


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0003_add_search_text'),
    ]

    operations = [
        TrigramExtension(),
        AddIndexOnPostgreSQL(
            model_name='integrationcentre',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_text'], name='centre_search_trgm', opclasses=['gin_trgm_ops']),
        ),
        migrations.AddIndex(
            model_name='integrationcentre',
            index=models.Index(fields=['name_en'], name='centre_name_en_idx'),
        ),
        migrations.AddIndex(
            model_name='integrationcentre',
            index=models.Index(fields=['name_ro'], name='centre_name_ro_idx'),
        ),
        migrations.AddIndex(
            model_name='integrationcentre',
            index=models.Index(fields=['name_bg'], name='centre_name_bg_idx'),
        ),
        AddIndexOnPostgreSQL(
            model_name='organisation',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_text'], name='organisation_search_trgm', opclasses=['gin_trgm_ops']),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['name_en'], name='organisation_name_en_idx'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['name_ro'], name='organisation_name_ro_idx'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['name_bg'], name='organisation_name_bg_idx'),
        ),
        migrations.AddIndex(
            model_name='organisation',
            index=models.Index(fields=['acronym'], name='organisation_acronym_idx'),
        ),
        AddIndexOnPostgreSQL(
            model_name='region',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_text'], name='region_search_trgm', opclasses=['gin_trgm_ops']),
        ),
    ]
