"""Site-wide search: one query over projects, organisations, centres, meetings and places.

Matching is done by each model's `matching()` (see core.search): every word of the query,
case- and accent-folded, must occur in one of the row's language versions. Within a group the
best matches come first (`best_first()`: a row named exactly so, then names starting with the
words, …), and the group holding the best match comes first. Each group reads only its first
rows (`first_best()`), without the long columns its results do not show.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

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


def _group(
    key: str,
    title: str,
    queryset,
    query: str,
    order: tuple[str, ...],
    read,
    list_url_name: str = "",
    few: bool = False,
) -> ResultGroup:
    """The group's first GROUP_SIZE rows, best first, and whether it has more. `read` adds
    what the results show to the query that reads them; search_text, long, is left unread
    (search_names is short, and grades the rows)."""

    def read_rows(rows):
        return read(rows).defer("search_text")

    rows = queryset.first_best(query, GROUP_SIZE + 1, *order, few=few, read=read_rows)
    return ResultGroup(
        key=key,
        title=str(title),
        results=rows[:GROUP_SIZE],
        has_more=len(rows) > GROUP_SIZE,
        list_url_name=list_url_name,
    )


def _languages(field_name: str) -> list[str]:
    """A translated field's columns: the field's own and one per language."""
    return [
        field_name,
        *(build_localized_fieldname(field_name, code) for code, _n in settings.LANGUAGES),
    ]


def search_site(query: str) -> SearchResults:
    """The public rows matching `query`, grouped by type, at most GROUP_SIZE per group."""
    groups = [
        _group(
            "projects",
            _("Projects"),
            Project.objects.published(),
            query,
            ("-start_date", "title"),
            # The descriptions are long and not shown: only the summary is.
            lambda rows: rows.with_programme().defer(*_languages("description")),
            "projects:project-list",
        ),
        _group(
            "organisations",
            _("Organisations"),
            Organisation.objects.reviewed(),
            query,
            ("name",),
            lambda rows: rows.with_places(),
            "partners:organisation-list",
        ),
        _group(
            "centres",
            _("Integration centres"),
            # Closed centres too, marked, as on the centre list: people look them up by name.
            IntegrationCentre.objects.all(),
            query,
            ("-is_active", "name"),
            lambda rows: rows.select_related("city", "organisation"),
            "partners:centre-list",
        ),
        _group(
            "meetings",
            _("Meetings"),
            Meeting.objects.published(),
            query,
            ("-starts_at", "-pk"),
            # The minutes are long and not shown: only the summary is.
            lambda rows: rows.for_list().defer(*_languages("minutes")),
            "meetings:meeting-list",
        ),
        # A few hundred places with short texts: their matches are found at once.
        _group(
            "regions",
            _("Places"),
            Region.objects.all(),
            query,
            ("path",),
            lambda rows: rows.with_parent(),
            few=True,
        ),
    ]
    # Stable: groups whose best matches rank alike keep the order above.
    groups.sort(key=lambda group: group.best_rank, reverse=True)
    return SearchResults(query=query, groups=groups)
