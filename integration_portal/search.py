"""Site-wide search: one query over projects, organisations, centres, meetings and places.

Matching is done by each model's `matching()` (see core.search): every word of the query,
case- and accent-folded, must occur in one of the row's language versions. Within a group the
best matches come first (`best_first()`: a row named exactly so, then names starting with the
words, …), and the group holding the best match comes first.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.views import first_rows
from meetings.models import Meeting
from partners.models import IntegrationCentre, Organisation, Region
from projects.models import Project

GROUP_SIZE = 10


@dataclass
class ResultGroup:
    key: str
    title: str
    results: list = field(default_factory=list)
    has_more: bool = False
    list_url_name: str = ""

    @property
    def best_rank(self) -> int:
        return max((row.search_rank for row in self.results), default=0)


@dataclass
class SearchResults:
    query: str
    groups: list[ResultGroup]

    @property
    def total_shown(self) -> int:
        return sum(len(group.results) for group in self.groups)


def _group(key: str, title: str, queryset, list_url_name: str = "") -> ResultGroup:
    results, has_more = first_rows(queryset, GROUP_SIZE)
    return ResultGroup(
        key=key,
        title=str(title),
        results=results,
        has_more=has_more,
        list_url_name=list_url_name,
    )


def search_site(query: str) -> SearchResults:
    """The public rows matching `query`, grouped by type, at most GROUP_SIZE per group."""
    groups = [
        _group(
            "projects",
            _("Projects"),
            Project.objects.published()
            .matching(query)
            .with_programme()
            .best_first(query, "-start_date", "title"),
            "projects:project-list",
        ),
        _group(
            "organisations",
            _("Organisations"),
            Organisation.objects.reviewed().matching(query).with_places().best_first(query, "name"),
            "partners:organisation-list",
        ),
        _group(
            "centres",
            _("Integration centres"),
            # Closed centres too, marked, as on the centre list: people look them up by name.
            IntegrationCentre.objects.matching(query)
            .select_related("city", "organisation")
            .best_first(query, "-is_active", "name"),
            "partners:centre-list",
        ),
        _group(
            "meetings",
            _("Meetings"),
            Meeting.objects.published()
            .matching(query)
            .for_list()
            .best_first(query, "-starts_at", "-pk"),
            "meetings:meeting-list",
        ),
        _group(
            "regions",
            _("Places"),
            Region.objects.matching(query).with_parent().best_first(query, "path"),
        ),
    ]
    # Stable: groups whose best matches rank alike keep the order above.
    groups.sort(key=lambda group: group.best_rank, reverse=True)
    return SearchResults(query=query, groups=groups)
