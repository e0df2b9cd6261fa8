import pytest

from partners.enums import RegionKind
from partners.sections import ORGANISATION_LIMIT
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import build_region_with_related, page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "region", "county"),
    [
        ("en", "Region 2", "Galați County"),
        ("ro", "Regiunea 2", "Județul Galați"),
        ("bg", "Регион 2", "Галац"),
    ],
)
def test_region_page_shows_sub_regions_projects_centres_and_meetings(
    client, demo, language, region, county
):
    response = client.get(f"/{language}/regions/region-2/")

    text = page_text(response)
    html = response.content.decode()
    assert response.status_code == 200
    assert region in text
    assert county in text
    assert f'href="/{language}/projects/integrare-plus/"' in html
    assert f'href="/{language}/centres/working-point-vaslui/"' in html
    assert f'href="/{language}/meetings/integrare-plus-quarterly-meeting-constanta-2016/"' in html
    assert f'href="/{language}/regions/romania/"' in html  # its parent


def test_region_page_includes_what_happens_below_it(client):
    county = build_region_with_related(2)

    response = client.get(f"/en/regions/{county.slug}/")

    sections = {section.key: section.items for section in response.context["sections"]}
    assert len(sections["projects"]) == 2
    assert len(sections["centres"]) == 2
    assert len(sections["meetings"]) == 2
    assert "Town 0" in page_text(response)


def test_region_page_previews_a_dozen_of_each_and_links_the_lists_that_hold_them_all(client):
    county = build_region_with_related(14)

    response = client.get(f"/en/regions/{county.slug}/")

    sections = {section.key: section for section in response.context["sections"]}
    html = response.content.decode()
    for key in ("projects", "centres", "meetings"):
        assert len(sections[key].items) == 12, key
        assert sections[key].has_more, key
    assert f'href="/en/centres/?region={county.slug}"' in html
    assert f'href="/en/projects/?region={county.slug}"' in html
    assert f'href="/en/meetings/?region={county.slug}"' in html
    centre_list = page_text(client.get(f"/en/centres/?region={county.slug}"))
    assert "14 results" in centre_list  # the filtered list holds them all


def test_a_county_with_more_organisations_than_its_page_shows_links_the_list_of_them_all(
    client,
):
    county = RegionFactory(name="Cluj County", slug="cluj", kind=RegionKind.COUNTY)
    city = CityFactory(parent=county)
    for number in range(ORGANISATION_LIMIT + 1):
        OrganisationFactory(name=f"NGO {number:02}", city=city, is_reviewed=True)

    html = client.get("/en/regions/cluj/").content.decode()

    assert '<a href="/en/organisations/?region=cluj">All organisations in this region</a>' in html
    listed = page_text(client.get("/en/organisations/?region=cluj"))
    assert f"{ORGANISATION_LIMIT + 1} results" in listed


def test_region_page_leaves_out_unpublished_projects_and_meetings(client):
    county = build_region_with_related(1)
    city = county.children.get()
    hidden_project = ProjectFactory(title="Hidden project", is_published=False)
    hidden_project.regions.add(city)
    MeetingFactory(title="Hidden meeting", city=city, is_published=False)

    text = page_text(client.get(f"/en/regions/{county.slug}/"))

    assert "Hidden project" not in text
    assert "Hidden meeting" not in text


def test_region_page_lists_closed_centres_after_open_ones_saying_they_closed(client):
    county = build_region_with_related(1)
    city = county.children.get()
    IntegrationCentreFactory(city=city, name="A closed centre", is_active=False)
    IntegrationCentreFactory(city=city, name="B open centre")

    text = page_text(client.get(f"/en/regions/{county.slug}/"))

    assert text.index("B open centre") < text.index("A closed centre")
    assert "This centre closed" in text[text.index("A closed centre") :]


def test_region_list_shows_the_tree(client, demo):
    response = client.get("/en/regions/")

    html = response.content.decode()
    assert response.status_code == 200
    romania = html.index('href="/en/regions/romania/"')
    region_2 = html.index('href="/en/regions/region-2/"')
    assert romania < region_2


def test_region_list_nests_each_place_under_its_parent_in_the_visitors_language(client):
    romania = RegionFactory(name="Romania", slug="romania")
    bulgaria = RegionFactory(name="Bulgaria", slug="bulgaria")
    county = RegionFactory(
        name="Galați County",
        name_ro="Județul Galați",
        slug="galati-county",
        kind="county",
        parent=romania,
    )
    CityFactory(name="Galați", slug="galati", parent=county)
    CityFactory(name="Tecuci & <Co>", slug="tecuci", parent=county)
    CityFactory(name="Sofia", slug="sofia", parent=bulgaria)

    html = client.get("/en/regions/").content.decode()
    romanian = client.get("/ro/regions/").content.decode()

    tree = html[html.index('<ul class="region-tree">') :]
    county_item = tree[tree.index('href="/en/regions/galati-county/"') :]
    county_list = county_item[: county_item.index("</ul>")]
    assert 'href="/en/regions/galati/"' in county_list
    assert "Tecuci &amp; &lt;Co&gt;" in county_list
    assert "Sofia" not in county_list
    assert '<span class="meta">County</span>' in county_item[:200]
    assert tree.count('<ul class="region-tree">') == 4  # the countries, both and the county
    assert tree.count('<li><a href="/en/regions/') == 6
    assert 'href="/ro/regions/galati-county/">Județul Galați</a>' in romanian
    assert '<span class="meta">Județ</span>' in romanian


def test_unknown_region_is_not_found(client):
    assert client.get("/en/regions/atlantis/").status_code == 404


@pytest.mark.parametrize("n", [2, 50])
def test_region_page_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, n
):
    county = build_region_with_related(n)

    # region+parent, projects, organisations, centres, their languages, meetings, their
    # quarterly numbers, ancestors, children, and the map's centres, organisations and meeting
    # venues
    with django_assert_num_queries(12):
        response = client.get(f"/en/regions/{county.slug}/")

    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 50])
def test_region_list_query_count_does_not_grow_with_rows(client, django_assert_num_queries, n):
    build_region_with_related(n)

    with django_assert_num_queries(1):
        client.get("/en/regions/")
