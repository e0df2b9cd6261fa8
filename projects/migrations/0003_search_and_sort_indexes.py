"""Indexes for the public lists' filters and sorts, and trigram indexes for the search.

The trigram indexes exist on PostgreSQL only; on SQLite their operations change nothing but
the migration state.
"""

import django.contrib.postgres.indexes
from django.conf import settings
from django.db import migrations, models

from core.indexes import AddIndexOnPostgreSQL


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0004_search_and_sort_indexes'),
        ('projects', '0002_add_search_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name='project',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_text'], name='project_search_trgm', opclasses=['gin_trgm_ops']),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['start_date'], name='project_start_date_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['end_date'], name='project_end_date_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['title_en'], name='project_title_en_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['title_ro'], name='project_title_ro_idx'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['title_bg'], name='project_title_bg_idx'),
        ),
    ]
