"""Indexes the public lists and the search need, shared by every app with searchable rows.

- `search_index()`: a trigram index on `search_text` (or `search_names`), so PostgreSQL
  answers the search's `LIKE '%word%'` from the index instead of reading every row. SQLite has
  no such index; there the migration only records it (see `AddIndexOnPostgreSQL`).
- `sort_indexes()`: one index per language version of a translated column that lists sort by
  ("title" sorts by `title_ro` on the Romanian pages), alone or after and before other columns.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.migrations.operations import AddIndex
from modeltranslation.utils import build_localized_fieldname


def search_index(name: str, field: str = "search_text") -> GinIndex:
    return GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=name)


def sort_indexes(
    prefix: str,
    field: str,
    *,
    first: tuple[str, ...] = (),
    then: tuple[str, ...] = (),
    label: str = "",
) -> list[models.Index]:
    """An index per language on `field`'s column, after the columns in `first` and before
    those in `then` ("-is_active", name, "id": open centres first, by name); `label` tells
    such an index's name from the plain one's."""
    infix = f"{label}_" if label else ""
    return [
        models.Index(
            fields=[*first, build_localized_fieldname(field, code), *then],
            name=f"{prefix}_{infix}{field}_{code}_idx",
        )
        for code, _name in settings.LANGUAGES
    ]


class AddIndexOnPostgreSQL(AddIndex):
    """AddIndex for an index only PostgreSQL can build; on other databases only the migration
    state changes, so the models and the migrations stay in step everywhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
