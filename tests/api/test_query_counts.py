"""Each list takes as many queries for many rows as for few."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.enums import ActionItemKind
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttachmentFactory,
    CityFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
)

# The content stamp, the count, the page's keys and its rows, then each list's own prefetches.
EXPECTED = {
    "/api/projects/": 6,  # + planned outputs, delivered outputs
    "/api/programmes/": 4,
    "/api/organisations/": 4,
    "/api/participations/": 4,
    "/api/regions/": 4,
    "/api/centres/": 7,  # + services, languages, target groups
    "/api/meetings/": 5,  # + the quarterly meetings' numbers
}


def add_rows(count: int) -> None:
    for _ in range(count):
        participation = ParticipationFactory()
        meeting = MeetingFactory(projects=[participation.project], host=participation.organisation)
        AgendaItemFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting, kind=ActionItemKind.DECISION)
        IntegrationCentreFactory(organisation=participation.organisation)
        OrganisationFactory()


@pytest.mark.parametrize("url", EXPECTED)
def test_list_queries_stay_flat(client, db, django_assert_num_queries, url):
    add_rows(2)
    with django_assert_num_queries(EXPECTED[url]):
        assert client.get(url).status_code == 200
    add_rows(12)
    with django_assert_num_queries(EXPECTED[url]):
        assert len(client.get(url).json()["results"]) >= 12


def grow(network) -> None:
    """More partners, agenda items, decisions, attachments, centres and places."""
    for _ in range(6):
        ParticipationFactory(project=network["ongoing"])
        AgendaItemFactory(meeting=network["past_meeting"])
        ActionItemFactory(meeting=network["past_meeting"], kind=ActionItemKind.DECISION)
        AttachmentFactory(meeting=network["past_meeting"], is_public=True)
        CityFactory(parent=network["ngo"].country)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # stamp, project and programme, partners, regions, centres (it runs none, so no
        # languages of theirs), planned outputs, target groups, themes, delivered outputs
        ("/api/projects/ongoing/", 9),
        # stamp, meeting with places and attendance count, its quarterly number, public
        # attachments, decisions, projects, organisations, agenda
        ("/api/meetings/past-meeting/", 8),
        ("/api/organisations/alpha-ngo/", 2),
        # stamp, centre, services, languages, target groups
        ("/api/centres/galati-centre/", 5),
        # stamp, region with parent, children
        ("/api/regions/romania/", 3),
    ],
)
def test_resource_queries_do_not_grow_with_its_rows(
    client, network, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    grow(network)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "table", "unshown"),
    [
        ("/api/meetings/", "meetings_meeting", ["search_text", "minutes_en"]),
        ("/api/projects/", "projects_project", ["search_text", "description_en"]),
        ("/api/organisations/", "partners_organisation", ["search_text", "description_en"]),
        ("/api/centres/", "partners_integrationcentre", ["search_text", "opening_hours"]),
    ],
)
def test_list_rows_leave_the_long_texts_they_do_not_show_unread(
    client, network, url, table, unshown
):
    with CaptureQueriesContext(connection) as queries:
        results = client.get(url).json()["results"]

    assert results
    assert "search_text" not in results[0]
    rows = [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT") and f'"{table}"."id",' in q["sql"]
    ]
    assert rows
    for column in unshown:
        assert not any(f'"{table}"."{column}"' in sql for sql in rows), column
