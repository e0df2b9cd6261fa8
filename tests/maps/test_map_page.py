"""The map page and the map sections: which places, filtered how, and what the page may load."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maps.points import SECTION_POINT_LIMIT
from meetings.enums import MeetingFormat, MeetingStatus
from partners.enums import CentreKind, RegionKind
from projects.enums import ParticipationRole
from tests.factories import (
    CityFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def _markers(response) -> list[dict]:
    """The map's markers: the listed places that give a location, as map.js reads them."""
    html = response.content.decode()
    items = re.findall(
        r'<li class="map-list__item[^"]*" data-kind="([^"]+)" data-lat="([^"]+)" '
        r'data-lng="([^"]+)">\s*<a href="([^"]+)">([^<]*)</a>',
        html,
    )
    return [
        {"kind": kind, "lat": float(lat), "lng": float(lng), "url": url, "name": unescape(name)}
        for kind, lat, lng, url, name in items
    ]


def _marker_names(response) -> set[str]:
    return {marker["name"] for marker in _markers(response)}


def _listed(response) -> str:
    """The accessible list beside the map."""
    html = response.content.decode()
    return html[
        html.index('class="map-list"') : html.index("</ul>", html.index('class="map-list"'))
    ]


def _placed(**kwargs) -> dict:
    return {"latitude": Decimal("44.170000"), "longitude": Decimal("28.630000"), **kwargs}


@pytest.fixture
def places():
    romania = RegionFactory(name="Romania", slug="romania")
    bulgaria = RegionFactory(name="Bulgaria", slug="bulgaria")
    constanta = CityFactory(name="Constanța", slug="constanta", parent=romania)
    sofia = CityFactory(name="Sofia", slug="sofia", parent=bulgaria)
    return {"romania": romania, "bulgaria": bulgaria, "constanta": constanta, "sofia": sofia}


def test_map_page_shows_centres_and_organisations_with_coordinates_as_markers(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"], **_placed())
    OrganisationFactory(name="Sofia NGO", city=places["sofia"], **_placed(latitude=42.69))

    response = client.get(reverse("maps:map"))

    assert response.status_code == 200
    assert _marker_names(response) == {"Constanța centre", "Sofia NGO"}
    assert "Constanța centre" in _listed(response)
    assert "Sofia NGO" in _listed(response)


def test_places_without_coordinates_are_listed_but_not_mapped(client, places):
    IntegrationCentreFactory(name="Centre without a place", city=places["constanta"])
    OrganisationFactory(name="Organisation without a place", city=places["sofia"])

    response = client.get(reverse("maps:map"))

    assert _markers(response) == []
    listed = _listed(response)
    assert "Centre without a place" in listed
    assert "Organisation without a place" in listed
    assert listed.count("No location given") == listed.count("<li")  # the operators too


def test_map_leaves_out_drafts_unreviewed_organisations_and_closed_centres(client, places):
    MeetingFactory(title="Draft meeting", status=MeetingStatus.DRAFT, is_published=False)
    MeetingFactory(title="Held meeting", city=places["constanta"], venue="Town hall")
    OrganisationFactory(name="Unreviewed organisation", is_reviewed=False, **_placed())
    IntegrationCentreFactory(name="Closed centre", is_active=False, **_placed())

    response = client.get(reverse("maps:map"))

    page = response.content.decode()
    assert "Held meeting" in _listed(response)
    assert "Town hall" in _listed(response)
    for absent in ("Draft meeting", "Unreviewed organisation", "Closed centre"):
        assert absent not in page


def test_online_meetings_have_no_venue_on_the_map(client, places):
    MeetingFactory(title="Online round table", format=MeetingFormat.ONLINE)
    MeetingFactory(title="Round table at the town hall", format=MeetingFormat.HYBRID)

    response = client.get(reverse("maps:map"), {"show": "meetings"})

    assert "Round table at the town hall" in _listed(response)
    assert "Online round table" not in response.content.decode()


def test_published_meeting_venues_with_coordinates_are_markers_on_map_and_region_page(
    client, places
):
    where = {"city": places["constanta"], **_placed()}
    MeetingFactory(title="Meeting at the prefecture", format=MeetingFormat.IN_PERSON, **where)
    MeetingFactory(title="Hybrid round table", format=MeetingFormat.HYBRID, **where)
    MeetingFactory(title="Meeting in the city somewhere", city=places["constanta"])
    MeetingFactory(title="Draft meeting", status=MeetingStatus.DRAFT, is_published=False, **where)
    MeetingFactory(title="Unpublished meeting", is_published=False, **where)

    map_page = client.get(reverse("maps:map"), {"show": "meetings"})
    region_page = client.get(places["romania"].get_absolute_url())

    for response in (map_page, region_page):
        assert _marker_names(response) == {"Meeting at the prefecture", "Hybrid round table"}
        assert "Meeting in the city somewhere" in _listed(response)
        assert "Draft meeting" not in response.content.decode()
        assert "Unpublished meeting" not in response.content.decode()
    marker = next(m for m in _markers(map_page) if m["name"] == "Hybrid round table")
    assert (marker["kind"], marker["lat"], marker["lng"]) == ("meeting", 44.17, 28.63)


def test_centre_filters_narrow_the_markers_and_the_list_as_on_the_centre_list(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"], **_placed())
    IntegrationCentreFactory(
        name="Sofia one-stop shop",
        city=places["sofia"],
        kind=CentreKind.ONE_STOP_SHOP,
        **_placed(latitude=42.69),
    )
    OrganisationFactory(name="Sofia NGO", city=places["sofia"], **_placed())

    by_region = client.get(reverse("maps:map"), {"show": "centres", "region": "bulgaria"})
    by_kind = client.get(reverse("maps:map"), {"show": "centres", "kind": "regional_centre"})
    centre_list = client.get(reverse("partners:centre-list"), {"region": "bulgaria"})

    assert _marker_names(by_region) == {"Sofia one-stop shop"}
    assert "Constanța centre" not in _listed(by_region)
    assert "Sofia NGO" not in _listed(by_region)
    assert "Sofia one-stop shop" in centre_list.content.decode()
    assert "Constanța centre" not in centre_list.content.decode()
    assert _marker_names(by_kind) == {"Constanța centre"}


def test_organisation_filters_narrow_the_map_as_on_the_organisation_list(client, places):
    OrganisationFactory(name="Romanian NGO", country=places["romania"], **_placed())
    OrganisationFactory(name="Bulgarian NGO", country=places["bulgaria"], **_placed())

    response = client.get(reverse("maps:map"), {"show": "organisations", "country": "bulgaria"})

    assert _marker_names(response) == {"Bulgarian NGO"}
    assert "Romanian NGO" not in _listed(response)


def test_a_county_page_links_the_map_of_all_its_organisations(client, places):
    county = RegionFactory(
        name="Constanța County",
        slug="constanta-county",
        kind=RegionKind.COUNTY,
        parent=places["romania"],
    )
    port = CityFactory(name="Mangalia", parent=county)
    for number in range(SECTION_POINT_LIMIT + 1):
        OrganisationFactory(
            name=f"NGO {number:02d}", city=port, country=places["romania"], **_placed()
        )
    OrganisationFactory(name="Sofia NGO", city=places["sofia"], **_placed())

    response = client.get(county.get_absolute_url())

    assert _map_links(response) == ["/en/map/?show=organisations&region=constanta-county"]
    everything = client.get(_map_links(response)[0])
    assert len(_markers(everything)) == SECTION_POINT_LIMIT + 1
    assert "Sofia NGO" not in _listed(everything)


def test_meeting_filters_narrow_the_list_as_on_the_meeting_list(client, places):
    MeetingFactory(title="Meeting in Constanța", city=places["constanta"])
    MeetingFactory(title="Meeting in Sofia", city=places["sofia"])

    response = client.get(reverse("maps:map"), {"show": "meetings", "region": "romania"})

    assert "Meeting in Constanța" in _listed(response)
    assert "Meeting in Sofia" not in _listed(response)


def test_map_page_shows_the_chosen_kinds_filters_in_its_form(client, places):
    response = client.get(reverse("maps:map"), {"show": "centres"})

    page = response.content.decode()
    assert 'name="service"' in page
    assert 'name="language"' in page


@pytest.mark.parametrize("query", [{"show": "everything-else"}, {"show": "centres", "region": "?"}])
def test_map_page_answers_bad_filters_with_a_form_error(client, places, query):
    response = client.get(reverse("maps:map"), query)

    assert response.status_code == 200
    assert "field--error" in response.content.decode()


def test_without_a_tile_server_the_map_page_loads_nothing_from_elsewhere(client, settings):
    settings.MAP_TILES_URL = ""
    IntegrationCentreFactory(**_placed())

    response = client.get(reverse("maps:map"))

    policy = response.headers["Content-Security-Policy"]
    assert "img-src 'self';" in policy
    assert "data-tiles-url" not in response.content.decode()


def test_a_tile_server_joins_img_src_on_map_pages_only(client, settings, places):
    settings.MAP_TILES_URL = TILES
    settings.MAP_TILES_ATTRIBUTION = "© Tile makers"
    IntegrationCentreFactory(city=places["constanta"], **_placed())

    map_page = client.get(reverse("maps:map"))
    centre_list = client.get(reverse("partners:centre-list"))

    assert (
        "img-src 'self' https://tiles.example.org;" in map_page.headers["Content-Security-Policy"]
    )
    assert f'data-tiles-url="{TILES}"' in map_page.content.decode()
    assert "tiles.example.org" not in centre_list.headers["Content-Security-Policy"]


def test_map_scripts_are_served_from_the_portal_with_the_pages_nonce(client):
    IntegrationCentreFactory(**_placed())

    response = client.get(reverse("maps:map"))

    page = response.content.decode()
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}" src="/static/vendor/leaflet/leaflet.js"' in page
    assert "/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in page
    assert "https://" not in page.split('<div id="map"')[1].split("</div>")[0]


def test_navigation_links_the_map(client):
    response = client.get(reverse("home"))

    assert f'href="{reverse("maps:map")}"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 12])
def test_map_page_queries_stay_flat(client, places, django_assert_num_queries, count):
    for _number in range(count):
        IntegrationCentreFactory(city=places["constanta"], **_placed())
        OrganisationFactory(city=places["sofia"], country=places["bulgaria"], **_placed())
        MeetingFactory(city=places["sofia"])

    # centres, organisations and meetings, each with its city (and country) joined
    with django_assert_num_queries(3):
        client.get(reverse("maps:map"))
    # the chosen region, the centres, then the form's choices: regions, services, languages
    with django_assert_num_queries(5):
        client.get(reverse("maps:map"), {"show": "centres", "region": "romania"})
    # the meetings, then the form's choices of regions (project and host are typed)
    with django_assert_num_queries(2):
        client.get(reverse("maps:map"), {"show": "meetings"})


# --- The map section of other pages


def test_region_page_maps_the_places_in_it(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"], **_placed())
    IntegrationCentreFactory(name="Sofia centre", city=places["sofia"], **_placed())
    OrganisationFactory(name="Constanța NGO", city=places["constanta"], country=places["romania"])

    response = client.get(places["romania"].get_absolute_url())

    assert _marker_names(response) == {"Constanța centre"}
    assert "Constanța NGO" in _listed(response)
    assert "Sofia centre" not in response.content.decode()


def test_region_page_has_no_map_when_nothing_in_it_has_a_location(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"])

    response = client.get(places["romania"].get_absolute_url())

    assert 'id="map"' not in response.content.decode()


def test_project_page_maps_its_centres_and_reviewed_partners(client, places):
    project = ProjectFactory()
    centre = IntegrationCentreFactory(name="Project centre", city=places["constanta"], **_placed())
    project.centres.add(centre)
    ParticipationFactory(
        project=project, organisation=OrganisationFactory(name="Partner", **_placed())
    )
    ParticipationFactory(
        project=project,
        organisation=OrganisationFactory(name="Unchecked partner", is_reviewed=False, **_placed()),
    )

    response = client.get(project.get_absolute_url())

    assert _marker_names(response) == {"Project centre", "Partner"}


def test_project_page_map_leaves_out_closed_centres_and_names_each_partner_once(client, places):
    project = ProjectFactory()
    project.centres.add(
        IntegrationCentreFactory(name="Open centre", city=places["constanta"], **_placed()),
        IntegrationCentreFactory(
            name="Closed centre", city=places["constanta"], is_active=False, **_placed()
        ),
    )
    partner = OrganisationFactory(name="Twice a partner", city=places["constanta"], **_placed())
    ParticipationFactory(project=project, organisation=partner, role=ParticipationRole.LEAD_PARTNER)
    ParticipationFactory(project=project, organisation=partner, role=ParticipationRole.PARTNER)

    response = client.get(project.get_absolute_url())

    assert [marker["name"] for marker in _markers(response)] == ["Open centre", "Twice a partner"]
    assert "Closed centre" not in _listed(response)
    assert "Constanța" in _listed(response)


def test_organisation_page_maps_the_organisation_and_its_centres(client, places):
    organisation = OrganisationFactory(name="Operator", **_placed())
    IntegrationCentreFactory(
        name="Its centre", organisation=organisation, city=places["constanta"], **_placed()
    )
    IntegrationCentreFactory(name="Someone else's centre", city=places["constanta"], **_placed())

    response = client.get(organisation.get_absolute_url())

    assert _marker_names(response) == {"Operator", "Its centre"}


def test_region_page_map_adds_the_same_queries_for_few_and_many_places(client, places):
    def queries_of_region_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(places["romania"].get_absolute_url())
        return len(queries.captured_queries)

    IntegrationCentreFactory(city=places["constanta"], **_placed())
    OrganisationFactory(city=places["constanta"], country=places["romania"], **_placed())
    MeetingFactory(city=places["constanta"])
    few = queries_of_region_page()
    for _number in range(10):
        IntegrationCentreFactory(city=places["constanta"], **_placed())
        OrganisationFactory(city=places["constanta"], country=places["romania"], **_placed())
        MeetingFactory(city=places["constanta"])

    assert queries_of_region_page() == few


def _map_links(response) -> list[str]:
    html = response.content.decode()
    return [link.replace("&amp;", "&") for link in re.findall(r'href="(/en/map/\?[^"]*)"', html)]


def test_region_page_maps_the_first_places_of_a_kind_and_links_to_all_of_them(client, places):
    for number in range(SECTION_POINT_LIMIT + 2):
        IntegrationCentreFactory(name=f"Centre {number:02d}", city=places["constanta"], **_placed())
    OrganisationFactory(name="Constanța NGO", city=places["constanta"], country=places["romania"])

    response = client.get(places["romania"].get_absolute_url())

    shown = {f"Centre {number:02d}" for number in range(SECTION_POINT_LIMIT)}
    assert _marker_names(response) == shown
    listed = _listed(response)
    assert "Constanța NGO" in listed
    assert f"Centre {SECTION_POINT_LIMIT:02d}" not in listed
    text = re.sub(r"\s+", " ", response.content.decode())
    assert f"This map shows the first {SECTION_POINT_LIMIT} places of each kind." in text
    assert _map_links(response) == ["/en/map/?show=centres&region=romania"]

    everything = client.get(_map_links(response)[0])

    assert len(_markers(everything)) == SECTION_POINT_LIMIT + 2
    assert f"Centre {SECTION_POINT_LIMIT + 1:02d}" in _listed(everything)


def test_region_page_with_few_places_maps_them_all_without_a_link(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"], **_placed())

    response = client.get(places["romania"].get_absolute_url())

    assert _marker_names(response) == {"Constanța centre"}
    assert _map_links(response) == []
    assert "This map shows the first" not in response.content.decode()


def test_organisation_page_links_all_its_meeting_venues_on_the_map(client, places):
    organisation = OrganisationFactory(name="Host", slug="host")
    for number in range(SECTION_POINT_LIMIT + 1):
        MeetingFactory(
            title=f"Venue {number:02d}",
            host=organisation,
            format=MeetingFormat.IN_PERSON,
            city=places["constanta"],
            **_placed(),
        )

    response = client.get(organisation.get_absolute_url())

    assert len(_markers(response)) == SECTION_POINT_LIMIT
    assert _map_links(response) == ["/en/map/?show=meetings&organisation=host"]
    assert len(_markers(client.get(_map_links(response)[0]))) == SECTION_POINT_LIMIT + 1


def test_map_section_stays_small_however_many_places_a_region_has(client, places):
    def region_page():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(places["romania"].get_absolute_url())
        return response, len(queries.captured_queries)

    for _number in range(SECTION_POINT_LIMIT + 1):
        IntegrationCentreFactory(city=places["constanta"], **_placed())
    few_response, few_queries = region_page()
    for _number in range(2 * SECTION_POINT_LIMIT):
        IntegrationCentreFactory(city=places["constanta"], **_placed())
    many_response, many_queries = region_page()

    assert many_queries == few_queries
    assert len(_markers(many_response)) == len(_markers(few_response)) == SECTION_POINT_LIMIT


def test_each_place_is_written_once_its_coordinates_unlocalized(client, places):
    IntegrationCentreFactory(name="Constanța centre", city=places["constanta"], **_placed())

    response = client.get("/ro/map/")

    html = response.content.decode()
    assert html.count("Constanța centre") == 1
    assert 'data-lat="44.17" data-lng="28.63"' in html
    assert "map-points" not in html


def test_places_are_listed_in_the_pages_language_falling_back_as_their_pages_do(client, places):
    places["sofia"].name_bg = "София"
    places["sofia"].save()
    IntegrationCentreFactory(
        name_en="Sofia information centre", name_bg="Информационен център", city=places["sofia"]
    )
    OrganisationFactory(
        name_en="Refugee Council",
        name_bg="",
        city=places["sofia"],
        country=places["bulgaria"],
        address="",
    )

    listed = _listed(client.get("/bg/map/"))

    assert "Информационен център" in listed
    assert "Sofia information centre" not in listed
    assert "Refugee Council" in listed  # no Bulgarian name: the English one, as on its page
    assert "София, Bulgaria" in listed  # the city in Bulgarian; the country has no Bulgarian name


def test_a_meeting_venue_gives_the_day_at_the_venue_and_its_names_are_escaped(client, places):
    MeetingFactory(
        title='Coordination "Q4" & follow-up <2026>',
        venue="Sala <A>",
        city=places["constanta"],
        timezone="Europe/Warsaw",
        # 23:30 UTC on 31 December is already New Year's Day in Warsaw.
        starts_at=datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),
        **_placed(),
    )

    response = client.get("/en/map/", {"show": "meetings"})

    listed = _listed(response)
    assert "Coordination &quot;Q4&quot; &amp; follow-up &lt;2026&gt;" in listed
    assert "Sala &lt;A&gt;, Constanța" in listed
    assert "· 1 January 2027" in listed
    assert _marker_names(response) == {'Coordination "Q4" & follow-up <2026>'}
