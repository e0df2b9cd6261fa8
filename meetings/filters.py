"""Filters of the public meeting list, also applied to the subscribable calendar."""

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import PublicFilterSet, SearchFilter, SortFilter, TypeaheadFilter
from core.quarters import QUARTER_CHOICES
from meetings.enums import MeetingFormat, MeetingKind
from meetings.models import Meeting, MeetingOrganisation
from partners.filters import RegionTreeFilter
from partners.models import Organisation, Region
from projects.filters import YearFilter
from projects.models import Project


class When(django_filters.ChoiceFilter):
    UPCOMING = "upcoming"
    PAST = "past"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [(self.UPCOMING, _("Upcoming")), (self.PAST, _("Past"))])
        super().__init__(*args, **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        # To the minute, the precision meetings are scheduled and shown with: within a minute
        # the query stays the same, and so do the cache keys of its count (core.public_cache).
        now = timezone.now().replace(second=0, microsecond=0)
        if value == self.UPCOMING:
            return qs.filter(starts_at__gte=now)
        if value == self.PAST:
            return qs.filter(starts_at__lt=now)
        return qs


class MeetingRegionFilter(RegionTreeFilter):
    """Meetings coordinating the chosen region or held in a place inside it."""

    def filter(self, qs: QuerySet, value: Region | None) -> QuerySet:
        if value is None:
            return qs
        return qs.within(value)


# Thousands of projects and organisations at national scale: typed, with suggestions from the
# API's lists, rather than offered in selects that were most of the page's bytes and time.
class MeetingFilterSet(PublicFilterSet):
    q = SearchFilter()
    when = When(label=_("Upcoming or past"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    format = django_filters.ChoiceFilter(label=_("Format"), choices=MeetingFormat.choices)
    project = TypeaheadFilter(
        label=_("Project"),
        help_text=_("Type two or more letters of its acronym or title."),
        source="projects",
        to_field_name="slug",
        queryset=Project.objects.published().order_by("acronym", "title"),
        label_fields=("acronym", "title"),
        method="filter_project",
    )
    organisation = TypeaheadFilter(
        label=_("Host or organiser"),
        help_text=_("Type two or more letters of its name."),
        source="organisations",
        to_field_name="slug",
        # Asked row by row (EXISTS), since one organisation is looked up by slug or name: an
        # IN over every published meeting's host made PostgreSQL read them all (200 ms).
        queryset=Organisation.objects.filter(
            Exists(Meeting.objects.published().filter(host=OuterRef("pk")))
            | Exists(
                MeetingOrganisation.objects.filter(
                    organisation=OuterRef("pk"), meeting__in=Meeting.objects.published()
                )
            )
        ).order_by("name"),
        label_fields=("name",),
        method="filter_organisation",
    )
    region = MeetingRegionFilter(label=_("Region or city"))
    year = YearFilter(label=_("Year"), field_name="starts_at", lookup_expr="year")
    quarter = django_filters.TypedChoiceFilter(
        label=_("Quarter"),
        choices=QUARTER_CHOICES,
        coerce=int,
        field_name="starts_at",
        lookup_expr="quarter",
    )
    ordering = SortFilter(
        label=_("Sort by"),
        fields=(("starts_at", "date"), ("title", "title")),
        field_labels={"starts_at": _("Date"), "title": _("Title")},
    )

    class Meta(PublicFilterSet.Meta):
        model = Meeting
        fields = ["q", "when", "kind", "format", "project", "organisation", "region", "year"]

    def in_listing_order(self, queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
        """`queryset` in the order the meeting list shows it, unless a sort was chosen:
        upcoming meetings soonest first, everything else newest first. Shared by the public
        list, its calendar and the API's list."""
        data = self.data if self.is_bound else {}
        if data.get("ordering"):
            return queryset
        if data.get("when") == When.UPCOMING:
            return queryset.order_by("starts_at", "pk")
        return queryset.order_by("-starts_at", "-pk")

    def filter_project(self, qs: QuerySet, name: str, value: Project | None) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(pk__in=value.meeting_links.values("meeting_id"))

    def filter_organisation(self, qs: QuerySet, name: str, value: Organisation | None) -> QuerySet:
        if value is None:
            return qs
        return qs.involving(value)
