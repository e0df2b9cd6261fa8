"""Filters of the public lists of organisations and centres, and the pieces other lists share."""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partners.enums import CentreKind, OrganisationKind, RegionKind
from partners.filter_fields import lighten_choice_fields
from partners.models import IntegrationCentre, Language, Organisation, Region, Service


class PublicFilterForm(forms.Form):
    """Tie each field to its error message for screen readers; keep long choice lists fast."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lighten_choice_fields(self)

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
    """Base of every public list filter: NUL bytes, which no database stores, are dropped."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and any("\x00" in value for value in _all_values(data)):
            cleaned = data.copy()
            for key in list(cleaned.keys()):
                cleaned.setlist(key, [value.replace("\x00", "") for value in cleaned.getlist(key)])
            data = cleaned
        super().__init__(data, *args, **kwargs)

    class Meta:
        form = PublicFilterForm


def _all_values(data) -> list[str]:
    if hasattr(data, "lists"):
        return [value for _key, values in data.lists() for value in values]
    return [str(value) for value in data.values()]


class SearchFilter(django_filters.CharFilter):
    """A words filter over the model's `search_text` (see partners.search)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Words"))
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if not value or not value.strip():
            return qs
        return qs.matching(value)


class RegionTreeChoiceField(django_filters.fields.ModelChoiceField):
    """Regions in tree order, each label indented by its depth."""

    def label_from_instance(self, obj: Region) -> str:
        return f"{'— ' * obj.depth}{obj.name}"


class RegionTreeFilter(django_filters.ModelChoiceFilter):
    """A region and every region below it, chosen by slug so a filtered URL reads well."""

    field_class = RegionTreeChoiceField

    def __init__(self, *args, region_lookup: str = "", **kwargs):
        self.region_lookup = region_lookup
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("queryset", Region.objects.order_by("path"))
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: Region | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(**{f"{self.region_lookup}__path__startswith": value.path})


class OrganisationFilterSet(PublicFilterSet):
    q = SearchFilter()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices)
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        to_field_name="slug",
        queryset=Region.objects.filter(kind=RegionKind.COUNTRY),
    )
    ordering = SortFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("acronym", "acronym")),
        field_labels={"name": _("Name"), "acronym": _("Acronym")},
    )

    class Meta(PublicFilterSet.Meta):
        model = Organisation
        fields = ["q", "kind", "country"]


class CentreFilterSet(PublicFilterSet):
    q = SearchFilter()
    region = RegionTreeFilter(label=_("Region or city"), region_lookup="city")
    service = django_filters.ModelChoiceFilter(
        label=_("Service"),
        to_field_name="code",
        queryset=Service.objects.all(),
        field_name="services",
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Language spoken"),
        to_field_name="code",
        queryset=Language.objects.all(),
        field_name="languages",
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of centre"), choices=CentreKind.choices)
    ordering = SortFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("city__name", "city")),
        field_labels={"name": _("Name"), "city__name": _("City")},
    )

    class Meta(PublicFilterSet.Meta):
        model = IntegrationCentre
        fields = ["q", "region", "service", "language", "kind"]
