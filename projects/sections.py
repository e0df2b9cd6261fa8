"""The projects shown on organisation, region and integration centre pages."""

from django.urls import reverse

from core.deferral import long_texts, without_long_texts
from core.sections import Section, page_sections
from core.views import first_rows, list_url
from partners.models import IntegrationCentre, Organisation, Region
from projects.models import Project

# A page previews its projects; the list filtered by the place or partner holds them all.
RELATED_LIMIT = 12
# A project's card shows its summary; none of its other long texts, nor its programme's.
CARD_TEXTS = ("summary",)


@page_sections.register("partners:organisation", order=10)
def projects_of_organisation(organisation: Organisation) -> list[Section]:
    participations, more = first_rows(
        without_long_texts(
            organisation.participations.filter(
                project__in=Project.objects.published()
            ).select_related("project__programme"),
            "project__programme",
        )
        .defer(*long_texts(Project, "project__", keep=CARD_TEXTS))
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
        without_long_texts(
            Project.objects.published().covering(region).with_programme(),
            "programme",
            keep=CARD_TEXTS,
        ),
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
