"""Pieces every public list filter shares: the form, the sort and the words filter."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.filter_fields import (
    PlainModelChoiceField,
    TypeaheadChoiceField,
    lighten_choice_fields,
    offer_any_choice,
)
from core.search import MAX_QUERY_LENGTH


class PublicFilterForm(forms.Form):
    """Open every select with "any"; tie each field to its error message for screen readers;
    keep long choice lists fast."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_any_choice(self)
        lighten_choice_fields(self)

    @property
    def has_typeahead(self) -> bool:
        """Whether a field takes one of many rows typed, with suggestions (TypeaheadFilter)."""
        return any(isinstance(field, TypeaheadChoiceField) for field in self.fields.values())

    def full_clean(self) -> None:
        super().full_clean()
        for name, errors in self.errors.items():
            if name in self.fields and errors:
                widget = self.fields[name].widget
                described_by = widget.attrs.get("aria-describedby", "")
                error_id = f"{self[name].auto_id}_errors"
                if error_id not in described_by:
                    widget.attrs["aria-describedby"] = f"{described_by} {error_id}".strip()


def _descending(label: str) -> str:
    return gettext("%s (descending)") % label


descending = lazy(_descending, str)


class SortFilter(django_filters.OrderingFilter):
    """Sort options labelled in the reader's language.

    django-filter formats the "(descending)" labels once, when the filter class is defined, so
    they would stay in the language active at start-up; here they are translated when shown.
    """

    def build_choices(self, fields, labels):
        ascending = [
            (param, labels.get(field, _(pretty_name(param)))) for field, param in fields.items()
        ]
        choices = []
        for param, label in ascending:
            choices += [(param, label), (f"-{param}", labels.get(f"-{param}", descending(label)))]
        return choices


class PublicFilterSet(django_filters.FilterSet):
    """Base of every public list filter.

    NUL bytes never get this far: RejectNulInQueryMiddleware answers 400 first.
    """

    class Meta:
        form = PublicFilterForm


class PlainModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice filter whose choices are read as plain values: pass `label_fields`,
    the columns of each choice's label (see core.filter_fields.PlainModelChoiceField)."""

    field_class = PlainModelChoiceField


class TypeaheadFilter(django_filters.ModelChoiceFilter):
    """A filter on one of thousands of rows (organisations, projects): a text field taking the
    row's slug or its name, with suggestions from the API list `source` when JavaScript runs
    (see core.filter_fields.TypeaheadChoiceField). Pass `label_fields` as for
    PlainModelChoiceFilter and `to_field_name="slug"`."""

    field_class = TypeaheadChoiceField


class SearchFilter(django_filters.CharFilter):
    """A words filter over the model's `search_text` (see core.search), best matches first
    unless the list is sorted otherwise."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Words"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return qs
        return qs.matching(value).best_first(value)
