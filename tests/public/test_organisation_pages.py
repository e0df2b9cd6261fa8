import pytest

from partners.enums import OrganisationKind, RegionKind
from projects.enums import ParticipationRole
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import build_organisation_with_related, page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name", "projects"),
    [
        ("en", "World Vision Romania Foundation", ["INTEGRARE+"]),
        ("ro", "Fundația World Vision România", ["INTEGRARE+"]),
        ("bg", "Фондация „Уърлд Вижън Румъния“", ["INTEGRARE+"]),
    ],
)
def test_organisation_page_shows_demo_projects_and_meetings(client, demo, language, name, projects):
    response = client.get(f"/{language}/organisations/world-vision-romania/")

    text = page_text(response)
    assert response.status_code == 200
    assert name in text
    for project in projects:
        assert project in text
    assert f'href="/{language}/meetings/integrare-plus-quarterly-meeting-constanta-2016/"' in (
        response.content.decode()
    )


def test_organisation_page_shows_its_role_in_each_project(client):
    organisation = OrganisationFactory(slug="novapolis")
    ParticipationFactory(
        organisation=organisation,
        project=ProjectFactory(title="INTEGRARE+"),
        role=ParticipationRole.PARTNER,
        partner_number=1,
    )
    ParticipationFactory(
        organisation=organisation,
        project=ProjectFactory(title="Snapshots from the Borders"),
        role=ParticipationRole.LEAD_PARTNER,
    )

    text = page_text(client.get("/en/organisations/novapolis/"))

    assert "Role: Partner 1" in text
    assert "Role: Lead partner" in text


def test_organisation_page_hides_unpublished_projects(client):
    organisation = OrganisationFactory(slug="ngo")
    ParticipationFactory(organisation=organisation, project=ProjectFactory(title="Public one"))
    ParticipationFactory(
        organisation=organisation, project=ProjectFactory(title="Secret one", is_published=False)
    )

    text = page_text(client.get("/en/organisations/ngo/"))

    assert "Public one" in text
    assert "Secret one" not in text


def test_organisation_page_shows_hosted_meetings_and_centres_it_runs(client, demo):
    text = page_text(client.get("/en/organisations/prefecture-constanta/"))

    assert "Quarterly coordination meeting of Region 2 in Constanța" in text


def test_organisation_page_lists_centres_it_runs(client):
    organisation = OrganisationFactory(slug="operator")
    IntegrationCentreFactory(organisation=organisation, name="Centre by the sea")

    assert "Centre by the sea" in page_text(client.get("/en/organisations/operator/"))


def test_unknown_organisation_is_not_found(client):
    assert client.get("/en/organisations/nobody/").status_code == 404


@pytest.mark.parametrize("n", [2, 50])
def test_organisation_page_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, n
):
    organisation = build_organisation_with_related(n)

    # organisation+places, participations+projects+programmes, meetings, their quarterly
    # numbers, centres, their languages, and the map's organisation, centres and meeting venues
    with django_assert_num_queries(9):
        response = client.get(f"/en/organisations/{organisation.slug}/")

    assert response.status_code == 200


def _names(response) -> set[str]:
    return {organisation.name for organisation in response.context["object_list"]}


def test_organisation_list_filters_by_kind_and_country(client):
    romania = RegionFactory(slug="romania", kind=RegionKind.COUNTRY)
    bulgaria = RegionFactory(slug="bulgaria", kind=RegionKind.COUNTRY)
    OrganisationFactory(name="NGO in Romania", kind=OrganisationKind.NGO, country=romania)
    OrganisationFactory(
        name="Municipality in Bulgaria", kind=OrganisationKind.LOCAL_AUTHORITY, country=bulgaria
    )

    assert _names(client.get("/en/organisations/?kind=ngo")) == {"NGO in Romania"}
    assert _names(client.get("/en/organisations/?country=bulgaria")) == {"Municipality in Bulgaria"}
    assert _names(client.get("/en/organisations/?kind=ngo&country=bulgaria")) == set()


def test_organisation_list_filters_by_county_and_city_and_keeps_national_ones_under_the_country(
    client,
):
    romania = RegionFactory(name="Romania", slug="romania", kind=RegionKind.COUNTRY)
    cluj = RegionFactory(name="Cluj County", slug="cluj", kind=RegionKind.COUNTY, parent=romania)
    dej = CityFactory(name="Dej", slug="dej", parent=cluj)
    cluj_napoca = CityFactory(name="Cluj-Napoca", slug="cluj-napoca", parent=cluj)
    iasi = RegionFactory(name="Iași County", slug="iasi", kind=RegionKind.COUNTY, parent=romania)
    OrganisationFactory(name="Dej town hall", country=romania, city=dej)
    OrganisationFactory(name="Cluj NGO", country=romania, city=cluj_napoca)
    OrganisationFactory(name="Iași NGO", country=romania, city=CityFactory(parent=iasi))
    OrganisationFactory(name="National ministry", country=romania, city=None)

    assert _names(client.get("/en/organisations/?region=cluj")) == {"Dej town hall", "Cluj NGO"}
    assert _names(client.get("/en/organisations/?region=dej")) == {"Dej town hall"}
    assert _names(client.get("/en/organisations/?region=romania")) == {
        "Dej town hall",
        "Cluj NGO",
        "Iași NGO",
        "National ministry",
    }
    form = client.get("/en/organisations/").content.decode()
    assert '<label for="id_region">Region or city</label>' in form
    assert '<option value="dej">— — Dej</option>' in form


def test_organisation_list_names_a_place_outside_the_chosen_country_as_the_error(client):
    romania = RegionFactory(name="Romania", slug="romania", kind=RegionKind.COUNTRY)
    RegionFactory(name="Bulgaria", slug="bulgaria", kind=RegionKind.COUNTRY)
    dej = CityFactory(name="Dej", slug="dej", parent=romania)
    OrganisationFactory(name="Dej town hall", country=romania, city=dej)

    response = client.get("/en/organisations/?country=bulgaria&region=dej")

    assert response.status_code == 200
    assert response.context["filter"].form.errors["region"] == [
        "Dej is not in Bulgaria. Choose a place in Bulgaria, or any country."
    ]
    assert "Dej is not in Bulgaria" in page_text(response)
    assert _names(client.get("/en/organisations/?country=romania&region=dej")) == {"Dej town hall"}


def test_organisation_list_bad_kind_shows_error(client):
    response = client.get("/en/organisations/?kind=pirates")

    assert response.status_code == 200
    assert "kind" in response.context["filter"].form.errors


@pytest.mark.parametrize("n", [2, 50])
def test_organisation_list_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, n
):
    for _ in range(n):
        OrganisationFactory(country=RegionFactory(), city=None)

    # count, page with places, countries and the tree of places for the filters
    with django_assert_num_queries(4):
        response = client.get("/en/organisations/")

    assert response.status_code == 200
