"""The projects shown on organisation, region and integration centre pages."""

from django.urls import reverse

from core.sections import Section, page_sections
from core.views import first_rows, list_url
from partners.models import IntegrationCentre, Organisation, Region
from projects.models import Project

RELATED_LIMIT = 50
# What a project's card does not show: left in the database.
CARD_UNREAD = ("search_text", "description")


@page_sections.register("partners:organisation", order=10)
def projects_of_organisation(organisation: Organisation) -> list[Section]:
    participations, more = first_rows(
        organisation.participations.filter(project__in=Project.objects.published())
        .select_related("project__programme")
        .defer(
            *(f"project__{field}" for field in CARD_UNREAD),
            "project__programme__description",
        )
        .order_by("-project__start_date", "project__title"),
        RELATED_LIMIT,
    )
    url = list_url(reverse("projects:project-list"), partner=organisation.slug)
    return [
        Section(
            "projects",
            "projects/sections/organisation_projects.html",
            participations,
            has_more=more,
            list_url=url,
        )
    ]


@page_sections.register("partners:region", order=10)
def projects_in_region(region: Region) -> list[Section]:
    projects, more = first_rows(
        Project.objects.published()
        .covering(region)
        .with_programme()
        .defer(*CARD_UNREAD, "programme__description"),
        RELATED_LIMIT,
    )
    url = list_url(reverse("projects:project-list"), region=region.slug)
    return [
        Section(
            "projects",
            "projects/sections/region_projects.html",
            projects,
            has_more=more,
            list_url=url,
        )
    ]


@page_sections.register("partners:centre", order=10)
def projects_of_centre(centre: IntegrationCentre) -> list[Section]:
    projects = list(centre.projects.published().with_programme())
    return [Section("projects", "projects/sections/centre_projects.html", projects)]
