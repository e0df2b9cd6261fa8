"""schema.org JSON-LD in the meeting, organisation and project pages (issue 16).

The tests read each page's data block as a search engine would: they expand it with PyLD
against the schema.org context, which a document loader serves from
tests/public/schema_org_context.jsonld (a minimal context: schema.org as the vocabulary, and the
terms whose values are links), so no test reaches the network.
"""

import datetime
import json
import re
import zoneinfo
from decimal import Decimal
from pathlib import Path

import pytest
from pyld import jsonld

from core.jsonld import json_ld_builders
from meetings.enums import MeetingFormat, MeetingStatus, OrganisationRoleInMeeting
from partners.enums import RegionKind
from partners.models import Region
from projects.enums import ParticipationRole
from tests.factories import (
    AttendanceFactory,
    CityFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
SCHEMA_ORG_CONTEXT = json.loads(
    (Path(__file__).parent / "schema_org_context.jsonld").read_text(encoding="utf-8")
)
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
DATA_BLOCK = re.compile(r'<script type="application/ld\+json"([^>]*)>(.*?)</script>', re.S)


def load_schema_org_only(url, options=None):
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"No network in tests: {url}", "loading document failed")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_ORG_CONTEXT,
    }


def data_blocks(response) -> list[tuple[str, str]]:
    return DATA_BLOCK.findall(response.content.decode())


def expanded(response) -> dict:
    """The page's one JSON-LD block, expanded: every key a full schema.org IRI."""
    blocks = data_blocks(response)
    assert len(blocks) == 1
    _attributes, text = blocks[0]
    nodes = jsonld.expand(json.loads(text), {"documentLoader": load_schema_org_only})
    assert len(nodes) == 1
    return nodes[0]


def value(node: dict, term: str):
    """The first value of a schema.org property: a literal, a link, or a node."""
    entry = node[SCHEMA + term][0]
    if "@value" in entry:
        return entry["@value"]
    if set(entry) == {"@id"}:
        return entry["@id"]
    return entry


def values(node: dict, term: str) -> list:
    return node.get(SCHEMA + term, [])


def warsaw_meeting(**fields):
    poland = RegionFactory(name="Poland", slug="poland", code="PL")
    city = CityFactory(name="Warsaw", slug="warsaw", parent=poland)
    defaults = {
        "title": "Employment of migrants in Warsaw",
        "slug": "employment-warsaw",
        "timezone": "Europe/Warsaw",
        "city": city,
        "venue": "City Hall",
        "address": "plac Bankowy 3/5",
        "format": MeetingFormat.IN_PERSON,
    }
    return MeetingFactory(**(defaults | fields))


# --- Meetings


@pytest.mark.parametrize(
    ("day", "offset"),
    [(datetime.date(2024, 3, 14), "+01:00"), (datetime.date(2024, 7, 4), "+02:00")],
)
def test_warsaw_meeting_starts_and_ends_with_the_offset_its_date_has_there(client, day, offset):
    starts = datetime.datetime.combine(day, datetime.time(11, 30), tzinfo=WARSAW)
    warsaw_meeting(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))

    event = expanded(client.get("/en/meetings/employment-warsaw/"))

    assert event["@type"] == [SCHEMA + "Event"]
    assert value(event, "startDate") == f"{day.isoformat()}T11:30:00{offset}"
    assert value(event, "endDate") == f"{day.isoformat()}T13:30:00{offset}"
    assert value(event, "inLanguage") == "en"
    assert value(event, "url") == "http://127.0.0.1:8000/en/meetings/employment-warsaw/"


def test_meeting_without_an_announced_time_gives_its_date_only(client):
    warsaw_meeting(starts_at=datetime.datetime(2024, 3, 14, tzinfo=WARSAW), all_day=True)

    event = expanded(client.get("/en/meetings/employment-warsaw/"))

    assert value(event, "startDate") == "2024-03-14"


def test_meeting_in_person_is_at_a_place_with_its_postal_address(client):
    warsaw_meeting()

    event = expanded(client.get("/en/meetings/employment-warsaw/"))
    place = value(event, "location")
    address = value(place, "address")

    assert value(event, "eventAttendanceMode") == SCHEMA + "OfflineEventAttendanceMode"
    assert place["@type"] == [SCHEMA + "Place"]
    assert value(place, "name") == "City Hall"
    assert address["@type"] == [SCHEMA + "PostalAddress"]
    assert value(address, "streetAddress") == "plac Bankowy 3/5"
    assert value(address, "addressLocality") == "Warsaw"


def test_meeting_venue_with_coordinates_gives_its_place_geo_coordinates(client):
    warsaw_meeting(latitude=Decimal("52.243150"), longitude=Decimal("21.002640"))

    place = value(expanded(client.get("/en/meetings/employment-warsaw/")), "location")
    geo = value(place, "geo")

    assert value(place, "name") == "City Hall"
    assert geo["@type"] == [SCHEMA + "GeoCoordinates"]
    assert value(geo, "latitude") == pytest.approx(52.24315)
    assert value(geo, "longitude") == pytest.approx(21.00264)


def test_online_meeting_is_at_a_virtual_location(client):
    warsaw_meeting(format=MeetingFormat.ONLINE, city=None, venue="", address="")

    event = expanded(client.get("/en/meetings/employment-warsaw/"))
    location = value(event, "location")

    assert value(event, "eventAttendanceMode") == SCHEMA + "OnlineEventAttendanceMode"
    assert location["@type"] == [SCHEMA + "VirtualLocation"]
    assert value(location, "url") == "http://127.0.0.1:8000/en/meetings/employment-warsaw/"


def test_hybrid_meeting_is_at_a_place_and_online(client):
    warsaw_meeting(format=MeetingFormat.HYBRID)

    event = expanded(client.get("/en/meetings/employment-warsaw/"))

    assert value(event, "eventAttendanceMode") == SCHEMA + "MixedEventAttendanceMode"
    assert sorted(location["@type"][0] for location in values(event, "location")) == [
        SCHEMA + "Place",
        SCHEMA + "VirtualLocation",
    ]


@pytest.mark.parametrize(
    ("status", "event_status"),
    [
        (MeetingStatus.PLANNED, "EventScheduled"),
        (MeetingStatus.HELD, "EventScheduled"),
        (MeetingStatus.CANCELLED, "EventCancelled"),
    ],
)
def test_meeting_status_becomes_the_event_status(client, status, event_status):
    warsaw_meeting(status=status)

    event = expanded(client.get("/en/meetings/employment-warsaw/"))

    assert value(event, "eventStatus") == SCHEMA + event_status


def test_meeting_organisers_are_organisations_with_their_pages(client):
    meeting = warsaw_meeting()
    organiser = OrganisationFactory(name="Sofia Development Association", slug="sda")
    MeetingOrganisationFactory(
        meeting=meeting, organisation=organiser, role=OrganisationRoleInMeeting.ORGANISER
    )
    MeetingOrganisationFactory(meeting=meeting, role=OrganisationRoleInMeeting.SPEAKER)

    event = expanded(client.get("/en/meetings/employment-warsaw/"))
    organisers = values(event, "organizer")

    assert len(organisers) == 1
    assert organisers[0]["@type"] == [SCHEMA + "Organization"]
    assert value(organisers[0], "name") == "Sofia Development Association"
    assert value(organisers[0], "url") == "http://127.0.0.1:8000/en/organisations/sda/"


def test_title_with_a_closing_script_tag_stays_inside_the_data(client):
    title = 'Workshop </script><script>alert("x")</script> & <!-- more'
    warsaw_meeting(title=title)

    response = client.get("/en/meetings/employment-warsaw/")
    event = expanded(response)

    assert value(event, "name") == title
    assert 'alert("x")</script>' not in response.content.decode()


def test_data_block_carries_the_responses_csp_nonce(client):
    warsaw_meeting()

    response = client.get("/en/meetings/employment-warsaw/")
    [(attributes, _text)] = data_blocks(response)
    nonce = re.search(r'nonce="([^"]+)"', attributes).group(1)

    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_meeting_data_names_no_attendee(client):
    meeting = warsaw_meeting()
    AttendanceFactory(meeting=meeting, person_name="Ana Private", email="ana@example.org")

    [(_attributes, text)] = data_blocks(client.get("/en/meetings/employment-warsaw/"))

    assert "Ana Private" not in text
    assert "ana@example.org" not in text


@pytest.mark.parametrize(
    "fields",
    [{"status": MeetingStatus.DRAFT}, {"is_published": False}],
)
def test_draft_meeting_is_not_described(fields):
    assert json_ld_builders.data_for(warsaw_meeting(**fields)) is None


# --- Organisations and projects


def test_organisation_page_describes_the_organisation(client):
    bulgaria = RegionFactory(name="Bulgaria", slug="bulgaria", code="BG")
    sofia = Region.objects.create(name="Sofia", slug="sofia", kind=RegionKind.CITY, parent=bulgaria)
    OrganisationFactory(
        name="Sofia Development Association",
        official_name="Асоциация за развитие на София",
        official_name_language="bg",
        slug="sda",
        country=bulgaria,
        city=sofia,
        address="ul. Pozitano 2",
        website="https://sofiada.org/",
        latitude=Decimal("42.6953"),
        longitude=Decimal("23.3219"),
    )

    organisation = expanded(client.get("/en/organisations/sda/"))
    address = value(organisation, "address")
    geo = value(value(organisation, "location"), "geo")

    assert organisation["@type"] == [SCHEMA + "Organization"]
    assert value(organisation, "name") == "Sofia Development Association"
    assert value(organisation, "legalName") == "Асоциация за развитие на София"
    assert value(organisation, "url") == "http://127.0.0.1:8000/en/organisations/sda/"
    assert value(organisation, "sameAs") == "https://sofiada.org/"
    assert value(address, "streetAddress") == "ul. Pozitano 2"
    assert value(address, "addressLocality") == "Sofia"
    assert value(address, "addressCountry") == "BG"
    assert value(geo, "latitude") == pytest.approx(42.6953)


def test_project_page_describes_funder_grant_dates_and_members_by_role(client):
    project = ProjectFactory(
        title="Integration initiative by connecting cities",
        acronym="CONNECTION",
        slug="connection",
        reference="863614",
        eu_contribution=Decimal("1332240.00"),
        currency="EUR",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 6, 30),
    )
    ParticipationFactory(
        project=project,
        organisation=OrganisationFactory(name="EUROCITIES", slug="eurocities"),
        role=ParticipationRole.COORDINATOR,
    )

    described = expanded(client.get("/en/projects/connection/"))
    funder = value(described, "funder")
    grant = value(described, "funding")
    amount = value(grant, "amount")
    member = value(described, "member")

    assert described["@type"] == [SCHEMA + "Project"]
    assert value(described, "startDate") == "2020-01-01"
    assert value(described, "endDate") == "2022-06-30"
    assert funder["@type"] == [SCHEMA + "FundingScheme"]
    assert value(funder, "name") == project.programme.name
    assert grant["@type"] == [SCHEMA + "MonetaryGrant"]
    assert value(grant, "identifier") == "863614"
    assert amount["@type"] == [SCHEMA + "MonetaryAmount"]
    assert value(amount, "value") == 1332240.0
    assert value(amount, "currency") == "EUR"
    assert member["@type"] == [SCHEMA + "OrganizationRole"]
    assert value(member, "roleName") == "Coordinator"
    assert value(value(member, "member"), "name") == "EUROCITIES"


def test_unpublished_project_is_not_described():
    assert json_ld_builders.data_for(ProjectFactory(is_published=False)) is None
