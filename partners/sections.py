"""The integration centres shown on organisation and region pages."""

from django.urls import reverse

from core.sections import Section, page_sections
from core.views import first_rows, list_url
from partners.models import IntegrationCentre, Organisation, Region

RELATED_LIMIT = 50


@page_sections.register("partners:organisation", order=30)
def centres_of_organisation(organisation: Organisation) -> list[Section]:
    centres = list(organisation.centres.select_related("city").order_by("name"))
    return [Section("centres", "partners/sections/organisation_centres.html", centres)]


@page_sections.register("partners:region", order=20)
def centres_in_region(region: Region) -> list[Section]:
    centres, more = first_rows(
        IntegrationCentre.objects.active()
        .filter(city__path__startswith=region.path)
        .select_related("city", "organisation")
        .order_by("name"),
        RELATED_LIMIT,
    )
    url = list_url(reverse("partners:centre-list"), region=region.slug)
    return [
        Section(
            "centres", "partners/sections/region_centres.html", centres, has_more=more, list_url=url
        )
    ]
