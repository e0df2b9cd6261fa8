"""Accent- and case-insensitive text search that behaves the same on SQLite and PostgreSQL.

Each searchable model keeps a `search_text` column: every language version of its names and
texts, case-folded and stripped of accents in Python when the row is saved. A query is folded
the same way and each of its words must occur in that column. SQLite's LIKE folds ASCII case
only and has no unaccent, so doing the folding in Python is what makes "Constanta" find
"Constanța" and "софия" find "София" on both databases.
"""

import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def fold(text: str) -> str:
    """Lower-case `text` and drop its diacritics: "Constanța" and "CONSTANŢA" give "constanta"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_terms(query: str) -> list[str]:
    """The folded words of a visitor's query, at most MAX_TERMS of them."""
    words = fold(query[:MAX_QUERY_LENGTH]).split()
    return list(dict.fromkeys(words))[:MAX_TERMS]


def build_search_text(parts: Iterable[object]) -> str:
    """One folded line from the non-empty `parts`, as stored in `search_text`."""
    return " ".join(fold(str(part)) for part in parts if part not in (None, ""))


def translations_of(instance: models.Model, field_name: str) -> list[str]:
    """Every language version of a modeltranslation field, empty ones left out."""
    values = []
    for code, _name in settings.LANGUAGES:
        value = getattr(instance, build_localized_fieldname(field_name, code), "")
        if value:
            values.append(value)
    return values


class SearchableQuerySet(models.QuerySet):
    """Mix into a model's QuerySet when the model has a `search_text` column."""

    def matching(self, query: str):
        terms = search_terms(query)
        if not terms:
            return self.none()
        queryset = self
        for term in terms:
            queryset = queryset.filter(search_text__contains=term)
        return queryset


class SearchableModel(models.Model):
    """A model whose `search_text` is rebuilt from `search_parts()` on every save."""

    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.search_text = build_search_text(self.search_parts())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def search_parts(self) -> Iterable[object]:
        raise NotImplementedError
