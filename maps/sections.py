"""The map section of region, project and organisation pages: the page's places on a map.

The map there is an overview beside the page's own lists: it shows the first
SECTION_POINT_LIMIT places of each kind and links to the map page for the rest, where that
page's filters can narrow to them.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.sections import Section, page_sections
from core.views import list_url
from maps.points import (
    SECTION_POINT_LIMIT,
    PointSet,
    point_set,
    public_centres,
    public_meetings,
    public_organisations,
)
from meetings.models import Meeting
from partners.models import Organisation, Region
from projects.models import Project

TEMPLATE = "maps/sections/map.html"
# Before the lists of projects and meetings: the map is the overview of what follows.
ORDER = 5

# The map page's "show" choice for each kind of point.
SHOW_OF_KIND = {"centre": "centres", "organisation": "organisations", "meeting": "meetings"}
MORE_LABELS = {
    "centre": _("All the integration centres on the map"),
    "organisation": _("All the organisations on the map"),
    "meeting": _("All the meeting venues on the map"),
}


def _section(points: PointSet, filters: dict[str, dict[str, str]]) -> list[Section]:
    """The map section, with a link to the map page for each kind that has more places than
    the section shows, filtered to the page's places when the map page's filters can say so
    (`filters`: the filter parameters of each kind)."""
    # A map with nothing on it says nothing the page's own lists do not.
    if not points.located:
        return []
    more = [
        {
            "label": MORE_LABELS[kind],
            "url": list_url(reverse("maps:map"), show=SHOW_OF_KIND[kind], **filters[kind]),
        }
        for kind in points.more
        if kind in filters
    ]
    return [Section("map", TEMPLATE, [points, more], has_more=points.truncated)]


@page_sections.register("partners:region", order=ORDER)
def map_of_region(region: Region) -> list[Section]:
    filters = {kind: {"region": region.slug} for kind in ("centre", "organisation", "meeting")}
    return _section(
        point_set(
            limit=SECTION_POINT_LIMIT,
            centre=public_centres().filter(city__path__startswith=region.path).order_by("name"),
            organisation=public_organisations().located_in(region).order_by("name"),
            meeting=public_meetings().within(region).order_by("-starts_at"),
        ),
        filters,
    )


@page_sections.register("projects:project", order=ORDER)
def map_of_project(project: Project) -> list[Section]:
    # The page has read the project's centres and partners already (`Project.for_detail`): the
    # map takes the public ones from those rows, open centres by name and reviewed partners in
    # the order the page lists them, lead first, instead of reading them again.
    open_centres = [centre for centre in project.centres.all() if centre.is_active]
    reviewed_partners = dict.fromkeys(
        participation.organisation
        for participation in project.participations.all()
        if participation.organisation.is_reviewed
    )
    return _section(
        point_set(
            limit=SECTION_POINT_LIMIT,
            centre=open_centres,
            organisation=list(reviewed_partners),
            meeting=public_meetings().filter(projects=project).distinct().order_by("-starts_at"),
        ),
        {"meeting": {"project": project.slug}},
    )


@page_sections.register("partners:organisation", order=ORDER)
def map_of_organisation(organisation: Organisation) -> list[Section]:
    return _section(
        point_set(
            limit=SECTION_POINT_LIMIT,
            organisation=public_organisations().filter(pk=organisation.pk),
            centre=public_centres().filter(organisation=organisation).order_by("name"),
            meeting=public_meetings()
            .filter(pk__in=Meeting.objects.involving(organisation).values("pk"))
            .order_by("-starts_at"),
        ),
        {"meeting": {"organisation": organisation.slug}},
    )
