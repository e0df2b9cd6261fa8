"""Filters of the public project list."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import (
    PlainModelChoiceFilter,
    PublicFilterSet,
    SearchFilter,
    SortFilter,
    TypeaheadFilter,
)
from partners.enums import RegionKind
from partners.filters import CountryAndPlaceFilterForm, RegionTreeFilter
from partners.models import Organisation, Region, TargetGroup
from projects.enums import ProjectStatus
from projects.models import (
    FundingProgramme,
    Participation,
    Project,
    ThematicArea,
)

MIN_YEAR = 1990
MAX_YEAR = 2100


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(*args, **kwargs)


class ProjectRegionFilter(RegionTreeFilter):
    """Projects covering the chosen place or any place inside it."""

    def filter(self, qs: QuerySet, value: Region | None) -> QuerySet:
        if value is None:
            return qs
        return qs.covering(value)


class ProjectFilterSet(PublicFilterSet):
    q = SearchFilter()
    programme = PlainModelChoiceFilter(
        label=_("Funding programme"),
        to_field_name="slug",
        queryset=FundingProgramme.objects.all(),
        label_fields=("short_name", "name"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, method="filter_status"
    )
    country = ProjectRegionFilter(
        label=_("Country"),
        queryset=Region.objects.filter(kind=RegionKind.COUNTRY).order_by("path"),
    )
    region = ProjectRegionFilter(label=_("Region or city"))
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        to_field_name="code",
        queryset=TargetGroup.objects.all(),
        field_name="target_groups",
    )
    theme = PlainModelChoiceFilter(
        label=_("Theme"),
        to_field_name="slug",
        queryset=ThematicArea.objects.all(),
        field_name="thematic_areas",
        label_fields=("name",),
    )
    # Thousands at national scale: typed, with suggestions from the API's organisation list.
    partner = TypeaheadFilter(
        label=_("Partner organisation"),
        help_text=_("Type two or more letters of its name."),
        source="organisations",
        to_field_name="slug",
        # Asked row by row (EXISTS): one organisation is looked up, by slug or by name.
        queryset=Organisation.objects.filter(
            Exists(
                Participation.objects.filter(
                    organisation=OuterRef("pk"), project__is_published=True
                )
            )
        ).order_by("name"),
        label_fields=("name",),
        method="filter_partner",
    )
    year = YearFilter(label=_("Running in year"), method="filter_year")
    ordering = SortFilter(
        label=_("Sort by"),
        fields=(("start_date", "start"), ("end_date", "end"), ("title", "title")),
        field_labels={
            "start_date": _("Start date"),
            "end_date": _("End date"),
            "title": _("Title"),
        },
    )

    class Meta(PublicFilterSet.Meta):
        model = Project
        fields = [
            "q",
            "programme",
            "status",
            "country",
            "region",
            "target_group",
            "theme",
            "partner",
            "year",
        ]
        form = CountryAndPlaceFilterForm

    def filter_status(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.with_status(value) if value else qs

    def filter_partner(self, qs: QuerySet, name: str, value: Organisation | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(pk__in=value.participations.values("project_id"))

    def filter_year(self, qs: QuerySet, name: str, value: int | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(
            Q(start_date__lte=datetime.date(value, 12, 31)),
            Q(end_date__gte=datetime.date(value, 1, 1)) | Q(end_date__isnull=True),
        )
