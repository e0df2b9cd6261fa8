"""One definition per dataset column, read by the CSV and XLSX writers, the Table Schema of the
data package and the Open data page alike: one definition, three outputs."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Table Schema field types the datasets use, with how the Open data page names them.
TYPE_LABELS = {
    "string": _("text"),
    "integer": _("whole number"),
    "number": _("decimal number, with a point"),
    "boolean": _("true or false"),
    "date": _("date (ISO 8601: 2026-12-03)"),
    "datetime": _("date and time with its offset from UTC (ISO 8601: 2026-12-03T10:00:00+02:00)"),
}
# Several values in one cell (a project's target groups): joined by this separator.
LIST_SEPARATOR = ";"
TRUE_VALUES = ["true"]
FALSE_VALUES = ["false"]


@dataclass(frozen=True)
class Column:
    """A column of a dataset: its stable name, what it holds and how a row gives its value.

    `name` never changes with the language; `description` is translated. `translated` marks a
    value written in the language of the download (with the portal's fallback to another
    language where a text is missing); the others are the same in every language.
    """

    name: str
    type: str
    description: Promise
    value: Callable[[Any], Any]
    required: bool = False
    unique: bool = False
    translated: bool = False
    is_list: bool = False
    format: str = ""
    # The codes and their labels; a callable where editors extend the list (a vocabulary table).
    choices: tuple[tuple[str, Promise], ...] | Callable[[], tuple[tuple[str, str], ...]] = ()
    # False where the codes are a standard's (ISO 639-1) and too many to list on the page.
    lists_choices: bool = True

    @property
    def type_label(self) -> Promise:
        return TYPE_LABELS[self.type]

    def constraints(self) -> dict:
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.choices and not self.is_list:
            constraints["enum"] = [code for code, _label in self.choice_pairs()]
        return constraints

    def choice_pairs(self) -> tuple[tuple[str, str], ...]:
        return self.choices() if callable(self.choices) else self.choices


@dataclass(frozen=True)
class ForeignKey:
    """`column` holds the primary key of a row of `dataset` ("" for the same dataset)."""

    column: str
    dataset: str
    dataset_column: str = "slug"


@dataclass(frozen=True)
class Dataset:
    """A public list offered for download: its rows are the list's rows, filtered alike.

    `list_view` is the public list's view class and `list_url_name` its URL name: a download
    reads the list's own queryset, FilterSet and order (opendata.rows). `prepare` adds what
    the columns read beyond the list's page (prefetches), so the queries stay few.
    """

    name: str
    title: Promise
    description: Promise
    list_url_name: str
    list_view: type
    columns: tuple[Column, ...]
    # The read API's collection of the same rows: /api/<api_resource>/.
    api_resource: str = ""
    primary_key: str = "slug"
    foreign_keys: tuple[ForeignKey, ...] = ()
    history_models: tuple[type[Model], ...] = ()
    prepare: Callable[[QuerySet], QuerySet] = field(default=lambda queryset: queryset)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def values(self, row) -> list:
        return [column.value(row) for column in self.columns]


def text_cell(value: Any) -> str:
    """A value as the CSV writes it: ISO 8601 dates, plain decimals with a point, true/false,
    lists joined by LIST_SEPARATOR, nothing for a missing value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE_VALUES[0] if value else FALSE_VALUES[0]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(text_cell(item) for item in value)
    return str(value)


def codes(items: Iterable, attribute: str = "code") -> list[str]:
    return [getattr(item, attribute) for item in items]
