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
from collections.abc import Iterable

from anyascii import anyascii
from django.conf import settings
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections, models
from django.db.models.functions import Left
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
# Enough of `search_text` to hold a row's names, read by the PostgreSQL similarity.
NAMES_PREFIX_LENGTH = 300


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
    return f"{text} {' '.join(texts)}".rstrip()


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
    """How well a row's `search_text` matches `query`, from 6 (a name, exactly) down to 1
    (every word somewhere in the text), the same on SQLite and PostgreSQL."""
    phrase = " ".join(search_terms(query))
    mark = NAME_MARK
    levels = [
        f"%{mark}{phrase}{mark}%",  # a name is the query: "integrare" for INTEGRARE+
        f"%{mark}{phrase} %",  # a name starts with the query's words
        f"%{mark}{phrase}%",  # a name starts with the query
        f"%{mark}% {phrase}%{mark}%",  # a word of a name starts with the query
        f"% {phrase}%",  # a word of the text starts with the query
    ]
    text = models.F("search_text")
    return models.Case(
        *(
            models.When(Like(text, models.Value(pattern)), then=models.Value(len(levels) + 1 - i))
            for i, pattern in enumerate(levels)
        ),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


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
        """Rows ranked by `search_rank`, then, among equals on PostgreSQL, by the trigram
        similarity of their names to the query; then in `then` order (or the current one).
        The rank is on each row as `search_rank`."""
        order = then or self.query.order_by or self.model._meta.ordering
        queryset = self.annotate(search_rank=search_rank(query))
        ranking = [models.F("search_rank").desc()]
        if connections[self.db].vendor == "postgresql":
            phrase = " ".join(search_terms(query))
            queryset = queryset.annotate(
                search_similarity=TrigramWordSimilarity(
                    models.Value(phrase), Left("search_text", NAMES_PREFIX_LENGTH)
                )
            )
            ranking.append(models.F("search_similarity").desc())
        return queryset.order_by(*ranking, *order)


def refresh_search_text(rows: Iterable["SearchableModel"]) -> None:
    """Store each row's `search_text` anew, its other columns untouched and no signal sent:
    for rows whose text includes another row's, when that other row changes."""
    for row in rows:
        type(row)._default_manager.filter(pk=row.pk).update(
            search_text=build_search_text(row.search_parts())
        )


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
