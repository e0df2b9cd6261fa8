"""Filters of the public lists of organisations and centres, and the region filter others use."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filter_fields import PlainModelChoiceField
from core.filters import (
    PlainModelChoiceFilter,
    PublicFilterForm,
    PublicFilterSet,
    SearchFilter,
    SortFilter,
)
from partners.enums import CentreKind, OrganisationKind, RegionKind
from partners.models import IntegrationCentre, Language, Organisation, Region, Service


class RegionTreeChoiceField(PlainModelChoiceField):
    """Regions in tree order, each label indented by its depth."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_fields", ("path", "name"))
        super().__init__(*args, **kwargs)

    def label_from_values(self, path: str, name: str) -> str:
        depth = path.count("/") - 2  # as Region.depth, without an instance per choice
        return f"{'— ' * depth}{name}"

    def label_from_instance(self, obj: Region) -> str:
        return self.label_from_values(obj.path, obj.name)


class RegionTreeFilter(PlainModelChoiceFilter):
    """A region and every region below it, chosen by slug so a filtered URL reads well.

    A select, not a type-ahead field (core.filter_fields.TypeaheadChoiceField): the tree of
    some 500 places at national scale shows where each lies, counties and their cities share
    names that a typed name could not tell apart, and its options (33 KB of a list page, read
    in one query of 500 short rows) are kept in the process between requests.
    """

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


class CountryAndPlaceFilterForm(PublicFilterForm):
    """The form of a list filtered by a country and by a place (its `country` and `region`
    fields): a place outside the chosen country is an error the form names, where filtering
    by both would list nothing without saying why."""

    def clean(self):
        cleaned_data = super().clean()
        country, place = cleaned_data.get("country"), cleaned_data.get("region")
        if country and place and not place.path.startswith(country.path):
            self.add_error(
                "region",
                _("%(place)s is not in %(country)s. Choose a place in %(country)s, or any country.")
                % {"place": place.name, "country": country.name},
            )
        return cleaned_data


class OrganisationRegionFilter(RegionTreeFilter):
    """Organisations based in a place or in a place inside it: by their city, or by their
    country for those that name none (a national ministry)."""

    def filter(self, qs: QuerySet, value: Region | None) -> QuerySet:
        return qs if value is None else qs.located_in(value)


class OrganisationFilterSet(PublicFilterSet):
    q = SearchFilter()
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices)
    country = PlainModelChoiceFilter(
        label=_("Country"),
        to_field_name="slug",
        queryset=Region.objects.filter(kind=RegionKind.COUNTRY),
        label_fields=("name",),
    )
    region = OrganisationRegionFilter(label=_("Region or city"))
    ordering = SortFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("acronym", "acronym")),
        field_labels={"name": _("Name"), "acronym": _("Acronym")},
    )

    class Meta(PublicFilterSet.Meta):
        model = Organisation
        fields = ["q", "kind", "country", "region"]
        form = CountryAndPlaceFilterForm


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
