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
The names alone, marks included, are also kept in the short `search_names` column, which the
ranking reads: grading a few hundred characters per row instead of every text is what keeps a
common word's search fast.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable

from anyascii import anyascii
from django.conf import settings
from django.db import connections, models
from django.db.models.functions import StrIndex
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.public_cache import content_changed

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# SearchableQuerySet.first_best() looks for the first matches among this many times the rows
# it needs, first in order.
WINDOW_FACTOR = 5

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


def _folded_parts(parts: Iterable[object]) -> tuple[str, str]:
    """The folded names of `parts`, each followed by a mark, after a first one, and the folded
    texts, joined by spaces."""
    row_names, texts = [], []
    for part in parts:
        if part in (None, ""):
            continue
        folded = fold(str(part))
        if folded:
            (row_names if isinstance(part, SearchName) else texts).append(folded)
    marked = NAME_MARK + "".join(f"{name}{NAME_MARK}" for name in dict.fromkeys(row_names))
    return marked, " ".join(texts)


def build_search_text(parts: Iterable[object]) -> str:
    """The folded `search_text` of the non-empty `parts`, names first, each between marks."""
    return search_columns(parts)["search_text"]


def build_search_names(parts: Iterable[object]) -> str:
    """The folded `search_names` of `parts`: the head of their `search_text`, the names
    between marks ("|" when there is none)."""
    return _folded_parts(parts)[0]


def search_columns(parts: Iterable[object]) -> dict[str, str]:
    """`search_text` and `search_names` of `parts`, by column name."""
    marked, texts = _folded_parts(parts)
    return {"search_text": f"{marked} {texts}", "search_names": marked}


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


def _phrase(query: str) -> str:
    return " ".join(search_terms(query))


def _name_patterns(phrase: str) -> list[str]:
    """`search_names` patterns from the best name match down; the first that matches gives
    the grade: 5 for the first, 2 for the last."""
    mark = NAME_MARK
    return [
        f"%{mark}{phrase}{mark}%",  # a name is the query: "integrare" for INTEGRARE+
        f"%{mark}{phrase} %{mark}%",  # a name starts with the query's words
        f"%{mark}{phrase}%{mark}%",  # a name starts with the query
        f"% {phrase}%{mark}%",  # a word of a name starts with the query
    ]


def name_grade(search_names: str, phrase: str) -> int:
    """`search_rank` of a row whose `search_names` is given, for the query whose folded words
    are `phrase`: the same grades, computed in Python."""
    if phrase not in search_names:
        return 1
    mark = NAME_MARK
    # `search_names` ends with a mark, so "followed by a mark" always holds after a name's
    # first words.
    found = [
        f"{mark}{phrase}{mark}",
        f"{mark}{phrase} ",
        f"{mark}{phrase}",
        f" {phrase}",
    ]
    for index, piece in enumerate(found):
        if piece in search_names:
            return len(found) + 1 - index
    return 1


def search_rank(query: str) -> models.Case:
    """How well a row's names match `query`, from 5 (a name, exactly) down to 1 (the words are
    elsewhere in the text, or inside a word of a name), the same on SQLite and PostgreSQL.

    The names are read from `search_names`, where each is between marks, so the patterns can
    tell a whole name from its start or from a word within it. Most rows that match a common
    word do not have it in their names: one pattern tells those apart before the four that
    grade a name match are tried.
    """
    phrase = _phrase(query)
    return models.Case(
        models.When(_names_like(f"%{phrase}%"), then=_name_grades(phrase)),
        default=models.Value(1),
        output_field=models.IntegerField(),
    )


def _names_like(pattern: str) -> Like:
    return Like(models.F("search_names"), models.Value(pattern))


def _graded_above_one(phrase: str) -> models.Q:
    """Rows whose `search_rank` is above 1: a name starts with the phrase, or one of its words
    does (the first two patterns are special cases of the third)."""
    *_special, starts, word_starts = _name_patterns(phrase)
    return models.Q(_names_like(starts)) | models.Q(_names_like(word_starts))


def _name_grades(phrase: str, *, above_one: bool = False) -> models.Case:
    """The grade of a row's names: 5 for the first of `_name_patterns(phrase)`, down to 2 for
    the last, 1 for none. `above_one`: for rows `_graded_above_one(phrase)` selects, which
    need not be tried against the last pattern."""
    patterns = _name_patterns(phrase)
    tried, otherwise = (patterns[:-1], 2) if above_one else (patterns, 1)
    return models.Case(
        *(
            models.When(_names_like(pattern), then=models.Value(len(patterns) + 1 - i))
            for i, pattern in enumerate(tried)
        ),
        default=models.Value(otherwise),
        output_field=models.IntegerField(),
    )


class SearchableQuerySet(models.QuerySet):
    """Mix into a model's QuerySet when the model has the `search_text` and `search_names`
    columns (see SearchableModel)."""

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

    def first_best(
        self, query: str, count: int, *then: str, few: bool = False, read: Callable | None = None
    ) -> list:
        """The first `count` rows of `matching(query).best_first(query, *then)`, read without
        ranking every match: a common word matches most rows, and grading and sorting them
        all is what made the search slow. One query, two when the query's words are rare.

        The rows ranked above 1 all have the query in their names, and the others come in
        the `then` order, so the first `count` rows are among two short candidate lists:
        the best `count` rows by name, graded and sorted from the short `search_names`
        column (a trigram index finds them on PostgreSQL), and the first `count` matches in
        the `then` order. Those are looked for among the first rows in that order (an
        index's), which hold enough of a common word's matches; only when the candidates
        come short are the matches looked for everywhere (a rare word's from the trigram
        index on `search_text`). The candidates are read whole in the `then` order and
        graded again in Python (`name_grade`), without the database's CASE. A query of
        several words, and `few=True` for a table of a few hundred short rows, look for the
        matches everywhere at once.
        `read(queryset)` adds what the rows are shown with (joins, annotations, deferred
        columns) to the queries that read them whole, and only to those.
        """
        terms = search_terms(query)
        if not terms:
            return []
        phrase = " ".join(terms)
        order = then or self.query.order_by or self.model._meta.ordering
        named = (
            self.filter(_names_like(f"%{phrase}%"), _graded_above_one(phrase))
            .order_by(_name_grades(phrase, above_one=True).desc(), *order)
            .values("pk")[:count]
        )
        # Rows must hold every word of a query of several: few do, and the trigram index
        # finds them at once, as it does a small table's.
        everywhere_at_once = few or len(terms) > 1
        if everywhere_at_once:
            everywhere = self.matching(query).order_by(*order).values("pk")[:count]
            rows = self._candidates(named, everywhere, order, read)
        else:
            rows = self._first_in_window(named, terms, order, count, read)
        for row in rows:
            row.search_rank = name_grade(row.search_names, phrase)
        if (
            not everywhere_at_once
            and len(rows) < count
            and (not rows or rows[0].after_window is not None)
        ):
            # Too few matches in the window: every row ranked above 1 is in `rows` already,
            # the others are the first matches in order, wherever they are.
            best = [row for row in rows if row.search_rank > 1]
            others = self.matching(query).exclude(pk__in=[row.pk for row in best])
            others = (read(others) if read else others).order_by(*order)
            rows = best + list(others[: count - len(best)])
            for row in rows[len(best) :]:
                row.search_rank = 1
        # Stable: rows graded alike keep the `then` order.
        rows.sort(key=lambda row: row.search_rank, reverse=True)
        return rows[:count]

    def _first_in_window(self, named, terms: list[str], order, count: int, read) -> list:
        """The rows of `named` and the first `count` matches among the first rows in `order`,
        each with `after_window`: the first row after those, None when there is none."""
        # Found by position rather than with LIKE, which PostgreSQL would rather answer
        # from the trigram index, reading every match of a common word.
        found_in_text = [
            models.lookups.GreaterThan(StrIndex("search_text", models.Value(term)), 0)
            for term in terms
        ]
        in_order = self.order_by(*order).values("pk")
        size = count * WINDOW_FACTOR
        in_window = self.filter(*found_in_text, pk__in=in_order[:size]).order_by(*order)
        return self._candidates(
            named,
            in_window.values("pk")[:count],
            order,
            read,
            # The first row after the window: none when the window holds every row.
            after_window=models.Subquery(in_order[size : size + 1]),
        )

    def _candidates(self, named, first, order, read, **annotations) -> list:
        """The rows of `named` and `first`, in `order`."""
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            candidates = models.Q(pk__in=named.union(first))
        else:
            candidates = models.Q(pk__in=named) | models.Q(pk__in=first)
        rows = self.filter(candidates)
        return list((read(rows) if read else rows).annotate(**annotations).order_by(*order))


def refresh_search_text(rows: Iterable["SearchableModel"]) -> None:
    """Store each row's `search_text` and `search_names` anew, its other columns untouched and
    no model signal sent: for rows whose text includes another row's, when that other row
    changes. What public searches find changes with them, so the public pages' cache and the
    API's stamp are renewed (`public_cache.content_changed`)."""
    changed = set()
    for row in rows:
        changed.add(type(row))
        type(row)._default_manager.filter(pk=row.pk).update(**search_columns(row.search_parts()))
    if changed:
        # After the update: the save that led here renewed them before these rows changed.
        content_changed(model=changed.pop() if len(changed) == 1 else None)


def rewrite_search_text(queryset: models.QuerySet, parts_of: Callable, batch: int = 500) -> None:
    """Fold `search_text` (and `search_names`, once the model has it) anew for every row of
    `queryset`, `parts_of(row)` giving its parts as `search_parts()` would: for data
    migrations, whose historical models have no methods."""
    model = queryset.model
    columns = [
        name
        for name in ("search_text", "search_names")
        if any(field.name == name for field in model._meta.get_fields())
    ]
    rows = []
    for row in queryset.iterator(chunk_size=batch):
        values = search_columns(parts_of(row))
        for name in columns:
            setattr(row, name, values[name])
        rows.append(row)
        if len(rows) == batch:
            model.objects.bulk_update(rows, columns)
            rows = []
    model.objects.bulk_update(rows, columns)


def fill_search_names(queryset: models.QuerySet, batch: int = 500) -> None:
    """Copy the names at the head of each row's stored `search_text` into its `search_names`:
    for the data migration that adds the column, so both hold the same names."""
    rows = []
    for row in queryset.only("pk", "search_text").iterator(chunk_size=batch):
        row.search_names = row.search_text[: row.search_text.rfind(NAME_MARK) + 1] or NAME_MARK
        rows.append(row)
        if len(rows) == batch:
            queryset.model.objects.bulk_update(rows, ["search_names"])
            rows = []
    queryset.model.objects.bulk_update(rows, ["search_names"])


class SearchableModel(models.Model):
    """A model whose `search_text` and `search_names` are rebuilt from `search_parts()` on
    every save.

    `search_parts()` lists the row's texts in every language; those that name the row (title,
    acronym) wrapped in `names()`.
    """

    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)
    search_names = models.TextField(_("search names"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        columns = search_columns(self.search_parts())
        for name, value in columns.items():
            setattr(self, name, value)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *columns}
        super().save(*args, **kwargs)

    def search_parts(self) -> Iterable[object]:
        raise NotImplementedError
