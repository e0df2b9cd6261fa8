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
        ('meetings', '0003_check_attachment_content'),
        ('partners', '0004_search_and_sort_indexes'),
        ('projects', '0003_search_and_sort_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name='meeting',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_text'], name='meeting_search_trgm', opclasses=['gin_trgm_ops']),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['starts_at'], name='meeting_starts_at_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['title_en'], name='meeting_title_en_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['title_ro'], name='meeting_title_ro_idx'),
        ),
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['title_bg'], name='meeting_title_bg_idx'),
        ),
    ]
