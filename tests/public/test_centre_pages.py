import pytest

from partners.enums import RegionKind
from partners.models import Language, Region, Service
from projects.models import ProjectCentre
from tests.factories import IntegrationCentreFactory, ProjectFactory, RegionFactory
from tests.public.conftest import build_centre_with_related, page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name", "city", "spoken"),
    [
        ("en", "Regional Integration Centre Galați", "Galați", "Romanian"),
        ("ro", "Centrul Regional pentru Integrare Galați", "Galați", "română"),
        ("bg", "Регионален център за интеграция – Галац", "Галац", "румънски"),
    ],
)
def test_centre_page_shows_demo_centre(client, demo, language, name, city, spoken):
    response = client.get(f"/{language}/centres/regional-integration-centre-galati/")

    text = page_text(response)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{name}</h1>" in html
    assert city in text
    assert spoken in text
    assert f'href="/{language}/organisations/world-vision-romania/"' in html  # operator
    assert f'href="/{language}/projects/integrare-plus/"' in html


def test_centre_page_shows_services_languages_address_hours_and_public_contact(client):
    centre = IntegrationCentreFactory(
        slug="harbour-centre",
        address="Strada Mircea cel Bătrân 1",
        opening_hours="Monday to Friday, 9:00–17:00",
        phone="+40 241 000 000",
        email="front.desk@example.org",
    )
    centre.services.set(Service.objects.filter(code__in=["legal", "medical"]))
    centre.languages.set(Language.objects.filter(code__in=["ar", "fa"]))

    text = page_text(client.get("/en/centres/harbour-centre/"))

    assert "Legal advice" in text
    assert "Medical assistance" in text
    assert "Arabic" in text
    assert "Persian (Farsi)" in text
    assert "Strada Mircea cel Bătrân 1" in text
    assert "Monday to Friday, 9:00–17:00" in text
    assert "+40 241 000 000" in text
    assert "front.desk@example.org" in text
    assert centre.organisation.name in text


def test_centre_page_hides_unpublished_projects(client):
    centre = IntegrationCentreFactory(slug="c")
    ProjectCentre.objects.create(
        project=ProjectFactory(title="Secret", is_published=False), centre=centre
    )

    assert "Secret" not in page_text(client.get("/en/centres/c/"))


@pytest.mark.parametrize("n", [2, 50])
def test_centre_page_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, n
):
    centre = build_centre_with_related(n)

    # centre+organisation+city+county, services, languages, target groups, projects+programmes
    with django_assert_num_queries(5):
        response = client.get(f"/en/centres/{centre.slug}/")

    assert response.status_code == 200


def _names(response) -> set[str]:
    return {centre.name for centre in response.context["object_list"]}


def test_centre_list_region_filter_includes_cities_below(client):
    county = Region.objects.create(
        name="Constanța County",
        slug="constanta-county",
        kind=RegionKind.COUNTY,
        parent=RegionFactory(),
    )
    city = Region.objects.create(
        name="Constanța", slug="constanta", kind=RegionKind.CITY, parent=county
    )
    IntegrationCentreFactory(name="By the sea", city=city)
    IntegrationCentreFactory(name="Inland")

    assert _names(client.get("/en/centres/?region=constanta-county")) == {"By the sea"}
    assert _names(client.get("/en/centres/?region=constanta")) == {"By the sea"}


def test_centre_list_filters_by_service_and_language(client):
    legal_arabic = IntegrationCentreFactory(name="Legal, Arabic")
    legal_arabic.services.add(Service.objects.get(code="legal"))
    legal_arabic.languages.add(Language.objects.get(code="ar"))
    legal_only = IntegrationCentreFactory(name="Legal only")
    legal_only.services.add(Service.objects.get(code="legal"))
    IntegrationCentreFactory(name="Nothing listed")

    assert _names(client.get("/en/centres/?service=legal")) == {"Legal, Arabic", "Legal only"}
    assert _names(client.get("/en/centres/?service=legal&language=ar")) == {"Legal, Arabic"}


def test_centre_list_keeps_closed_centres_after_the_open_ones(client):
    IntegrationCentreFactory(name="Closed", is_active=False)
    IntegrationCentreFactory(name="Open")

    names = [centre.name for centre in client.get("/en/centres/").context["object_list"]]

    assert names == ["Open", "Closed"]


def test_centre_list_bad_service_shows_error(client):
    response = client.get("/en/centres/?service=teleportation")

    assert response.status_code == 200
    assert "service" in response.context["filter"].form.errors


@pytest.mark.parametrize("n", [2, 50])
def test_centre_list_query_count_does_not_grow_with_rows(client, django_assert_num_queries, n):
    for _ in range(n):
        build = IntegrationCentreFactory()
        build.services.set(Service.objects.all()[:3])

    # count, page with city, services, languages (target groups are not shown), then the
    # filter form's choices: regions, services, languages
    with django_assert_num_queries(7):
        response = client.get("/en/centres/")

    assert response.status_code == 200
