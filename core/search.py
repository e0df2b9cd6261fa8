"""Accent- and case-insensitive text search that behaves the same on SQLite and PostgreSQL.

Each searchable model keeps a `search_text` column: every language version of its names and
texts, folded in Python when the row is saved. A query is folded the same way and each of its
words must occur in that column. SQLite's LIKE folds ASCII case only and has no unaccent, so
doing the folding in Python is what makes "Constanta" find "Constanța", "Lodz" find "Łódź" and
"софия" find "София" on both databases.

The row's names (titles, acronyms) come first in `search_text`, each between "|" marks, which
folding removes from every other text: `|integrare|integrare services and assistance …| fami
15 03 02 …`. Matches are ranked by where the words fall (see `search_rank`): an exact name
first, then names starting with the words, names containing them, and the rest of the text.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable

from anyascii import anyascii
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8

# Bulgarian is one of the portal's languages: Cyrillic stays Cyrillic, so a Cyrillic query
# finds Cyrillic text and a Latin one Latin text. Every row also has its English and Romanian
# versions, which Latin queries find; transliterating Cyrillic would add little but false
# matches, since anyascii spells "България" as "Blgariya", not as Bulgarians write it in Latin.
_CYRILLIC = re.compile(r"([\u0400-\u052f]+)")
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")
_NOT_WORD = re.compile(r"[\W_]+")

NAME_MARK = "|"


def fold(text: str) -> str:
    """The words of `text` in lower-case ASCII, Cyrillic kept, joined by single spaces.

    "Constanța", "CONSTANŢA" give "constanta"; "Łódź" gives "lodz", "Straße" "strasse",
    "Ørsted" "orsted", "Đakovo" "dakovo"; "София" gives "софия". Punctuation separates
    words, except apostrophes, which are dropped: "Romania's" gives "romanias".
    """
    pieces = _CYRILLIC.split(unicodedata.normalize("NFC", text).casefold())
    # split() with a group alternates: other scripts, Cyrillic, other scripts, …
    ascii_text = "".join(
        piece if index % 2 else anyascii(piece) for index, piece in enumerate(pieces)
    )
    ascii_text = _APOSTROPHES.sub("", ascii_text.lower())
    return " ".join(_NOT_WORD.sub(" ", ascii_text).split())


def search_terms(query: str) -> list[str]:
    """The folded words of a visitor's query, at most MAX_TERMS of them."""
    words = fold(query[:MAX_QUERY_LENGTH]).split()
    return list(dict.fromkeys(words))[:MAX_TERMS]


class SearchName(str):
    """A part of `search_parts()` that names the row (a title, an acronym): matches on it rank
    above matches in the rest of the text."""


def names(*values: object) -> list[SearchName]:
    """Mark the non-empty `values` as the row's names, for `search_parts()`."""
    return [SearchName(value) for value in values if value not in (None, "")]


def build_search_text(parts: Iterable[object]) -> str:
    """The folded `search_text` of the non-empty `parts`, names first, each between marks."""
    row_names, texts = [], []
    for part in parts:
        if part in (None, ""):
            continue
        folded = fold(str(part))
        if folded:
            (row_names if isinstance(part, SearchName) else texts).append(folded)
    text = NAME_MARK + "".join(f"{name}{NAME_MARK}" for name in dict.fromkeys(row_names))
    return f"{text} {' '.join(texts)}"


def translations_of(instance: models.Model, field_name: str) -> list[str]:
    """Every language version of a modeltranslation field, empty ones left out."""
    values = []
    for code, _name in settings.LANGUAGES:
        value = getattr(instance, build_localized_fieldname(field_name, code), "")
        if value:
            values.append(value)
    return values


def labels_of(label: object) -> list[str]:
    """A lazily translated label (a choice's) in every language of the site."""
    labels = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.append(str(label))
    return list(dict.fromkeys(labels))


class Like(models.Lookup):
    """`search_text LIKE pattern`, with the pattern's wildcards left as written.

    Folded text holds no "%" or "_" (folding turns them into spaces), so patterns built from
    folded words need no escaping. Used as a condition, never registered on a field.
    """

    lookup_name = "like"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", [*lhs_params, *rhs_params]


def search_rank(query: str) -> models.Case:
    """How well a row's names match `query`, from 5 (a name, exactly) down to 1 (the words are
    elsewhere in the text), the same on SQLite and PostgreSQL.

    Folding leaves no mark in the texts, only between the names at the head of `search_text`,
    so a pattern with a mark after the words can only match within the names. Most rows that
    match a common word match it in their texts alone: one pattern tells those apart before
    the four that grade a name match are tried.
    """
    phrase = " ".join(search_terms(query))
    mark = NAME_MARK
    patterns = [
        f"%{mark}{phrase}{mark}%",  # a name is the query: "integrare" for INTEGRARE+
        f"%{mark}{phrase} %{mark}%",  # a name starts with the query's words
        f"%{mark}{phrase}%{mark}%",  # a name starts with the query
        f"% {phrase}%{mark}%",  # a word of a name starts with the query
    ]
    name_grades = models.Case(
        *(
            models.When(_like(pattern), then=models.Value(len(patterns) + 1 - i))
            for i, pattern in enumerate(patterns)
        ),
        default=models.Value(1),
    )
    return models.Case(
        models.When(_like(f"%{phrase}%{mark}%"), then=name_grades),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


def _like(pattern: str) -> Like:
    return Like(models.F("search_text"), models.Value(pattern))


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

    def best_first(self, query: str, *then: str):
        """Rows ranked by `search_rank`, then in `then` order (or the current one); the rank is
        on each row as `search_rank`.

        PostgreSQL's trigram similarity as a further key was tried and left out: it doubled the
        time of a common word's search (2.7 s against 0.95 s at a fifth of national scale).
        """
        order = then or self.query.order_by or self.model._meta.ordering
        ranked = self.annotate(search_rank=search_rank(query))
        return ranked.order_by(models.F("search_rank").desc(), *order)


def refresh_search_text(rows: Iterable["SearchableModel"]) -> None:
    """Store each row's `search_text` anew, its other columns untouched and no signal sent:
    for rows whose text includes another row's, when that other row changes."""
    for row in rows:
        type(row)._default_manager.filter(pk=row.pk).update(
            search_text=build_search_text(row.search_parts())
        )


def rewrite_search_text(queryset: models.QuerySet, parts_of: Callable, batch: int = 500) -> None:
    """Fold `search_text` anew for every row of `queryset`, `parts_of(row)` giving its parts
    as `search_parts()` would: for data migrations, whose historical models have no methods."""
    rows = []
    for row in queryset.iterator(chunk_size=batch):
        row.search_text = build_search_text(parts_of(row))
        rows.append(row)
        if len(rows) == batch:
            queryset.model.objects.bulk_update(rows, ["search_text"])
            rows = []
    queryset.model.objects.bulk_update(rows, ["search_text"])


class SearchableModel(models.Model):
    """A model whose `search_text` is rebuilt from `search_parts()` on every save.

    `search_parts()` lists the row's texts in every language; those that name the row (title,
    acronym) wrapped in `names()`.
    """

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
