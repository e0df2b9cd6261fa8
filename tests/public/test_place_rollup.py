"""A place's page gathers the projects and organisations working in it and below it."""

import pytest

from partners.enums import OrganisationKind
from projects.models import ProjectCentre
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_constanta_page_lists_integrare_plus(client, demo, language):
    response = client.get(f"/{language}/regions/constanta/")

    html = response.content.decode()
    assert f'href="/{language}/projects/integrare-plus/"' in html
    assert "No published project covers this place" not in page_text(response)


def test_city_page_lists_projects_running_a_centre_there(client):
    city = CityFactory(name="Centre Town", slug="centre-town")
    project = ProjectFactory(title="Centre project")
    ProjectCentre.objects.create(project=project, centre=IntegrationCentreFactory(city=city))

    text = page_text(client.get("/en/regions/centre-town/"))

    assert "Centre project" in text


def test_city_page_lists_projects_of_partner_organisations_based_there(client):
    city = CityFactory(name="Partner Town", slug="partner-town")
    ParticipationFactory(
        project=ProjectFactory(title="Partner project"),
        organisation=OrganisationFactory(city=city),
    )

    text = page_text(client.get("/en/regions/partner-town/"))

    assert "Partner project" in text


def test_place_filter_of_the_project_list_agrees_with_the_place_page(client):
    city = CityFactory(slug="partner-town")
    ParticipationFactory(
        project=ProjectFactory(title="Partner project"),
        organisation=OrganisationFactory(city=city),
    )

    text = page_text(client.get("/en/projects/?region=partner-town"))

    assert "Partner project" in text


def test_region_page_lists_organisations_in_it_and_in_its_sub_places(client):
    country = RegionFactory(name="Testland", slug="testland")
    city = CityFactory(name="Sub Town", parent=country)
    OrganisationFactory(name="Town association", city=city, kind=OrganisationKind.NGO)
    OrganisationFactory(name="National body", country=country)
    OrganisationFactory(name="Somewhere else")

    text = page_text(client.get("/en/regions/testland/"))

    assert "Organisations based here" in text
    assert "Town association" in text
    assert "National body" in text
    assert "Somewhere else" not in text


def test_unpublished_project_of_a_local_partner_stays_hidden(client):
    city = CityFactory(slug="quiet-town")
    ParticipationFactory(
        project=ProjectFactory(title="Draft project", is_published=False),
        organisation=OrganisationFactory(city=city),
    )

    assert "Draft project" not in page_text(client.get("/en/regions/quiet-town/"))
