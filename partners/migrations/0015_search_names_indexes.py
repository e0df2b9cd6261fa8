"""Trigram indexes on the organisations' and centres' `search_names`, as projects and meetings
have: the search looks for the best-named rows there (see core.search.first_best), and without
an index PostgreSQL reads every row of the table to find them."""

import django.contrib.postgres.indexes
from django.db import migrations

from core.indexes import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0014_public_count_indexes"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="organisation_names_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="integrationcentre",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_names"], name="centre_names_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
