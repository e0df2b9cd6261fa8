"""The map section of region, project and organisation pages: the page's places on a map."""

from core.sections import Section, page_sections
from maps.points import point_set, public_centres, public_meetings, public_organisations
from meetings.models import Meeting
from partners.models import Organisation, Region
from projects.models import Project

TEMPLATE = "maps/sections/map.html"
# Before the lists of projects and meetings: the map is the overview of what follows.
ORDER = 5


def _section(points) -> list[Section]:
    # A map with nothing on it says nothing the page's own lists do not.
    if not points.located:
        return []
    return [Section("map", TEMPLATE, [points], has_more=points.truncated)]


@page_sections.register("partners:region", order=ORDER)
def map_of_region(region: Region) -> list[Section]:
    return _section(
        point_set(
            centre=public_centres().filter(city__path__startswith=region.path).order_by("name"),
            organisation=public_organisations().located_in(region).order_by("name"),
            meeting=public_meetings().within(region).order_by("-starts_at"),
        )
    )


@page_sections.register("projects:project", order=ORDER)
def map_of_project(project: Project) -> list[Section]:
    return _section(
        point_set(
            centre=public_centres().filter(projects=project).distinct().order_by("name"),
            organisation=public_organisations()
            .filter(participations__project=project)
            .distinct()
            .order_by("name"),
            meeting=public_meetings().filter(projects=project).distinct().order_by("-starts_at"),
        )
    )


@page_sections.register("partners:organisation", order=ORDER)
def map_of_organisation(organisation: Organisation) -> list[Section]:
    return _section(
        point_set(
            organisation=public_organisations().filter(pk=organisation.pk),
            centre=public_centres().filter(organisation=organisation).order_by("name"),
            meeting=public_meetings()
            .filter(pk__in=Meeting.objects.involving(organisation).values("pk"))
            .order_by("-starts_at"),
        )
    )
