import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.enums import MeetingStatus
from tests.factories import MeetingFactory, OrganisationFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_home_page_shows_counts_and_recent_meetings(client, demo, language):
    response = client.get(f"/{language}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["counts"]["projects"] == 6
    assert response.context["counts"]["centres"] == 3
    assert f'href="/{language}/meetings/connection-first-partner-meeting-2020/"' in html
    assert f'href="/{language}/centres/"' in html


def test_home_page_shows_upcoming_meetings_soonest_first(client):
    now = timezone.now()
    MeetingFactory(
        title="Later", starts_at=now + datetime.timedelta(days=60), status=MeetingStatus.PLANNED
    )
    MeetingFactory(
        title="Sooner", starts_at=now + datetime.timedelta(days=6), status=MeetingStatus.PLANNED
    )
    MeetingFactory(
        title="Not published", starts_at=now + datetime.timedelta(days=3), is_published=False
    )

    text = page_text(client.get("/en/"))

    assert text.index("Sooner") < text.index("Later")
    assert "Not published" not in text


@pytest.mark.parametrize("n", [2, 50])
def test_home_page_query_count_does_not_grow(client, django_assert_num_queries, n):
    now = timezone.now()
    for i in range(n):
        MeetingFactory(starts_at=now + datetime.timedelta(days=i + 1), status=MeetingStatus.PLANNED)
        MeetingFactory(starts_at=now - datetime.timedelta(days=i + 1))

    # four counts, upcoming meetings, recent meetings, each with their quarterly numbers
    with django_assert_num_queries(8):
        response = client.get("/en/")

    assert response.status_code == 200


def test_home_page_counts_only_reviewed_organisations(client):
    OrganisationFactory(name="Asociația Reviewed")
    OrganisationFactory(name="Added during an import", is_reviewed=False)

    response = client.get("/en/")

    assert response.context["counts"]["organisations"] == 1


def test_home_page_meeting_cards_leave_minutes_and_search_texts_unread(client):
    now = timezone.now()
    MeetingFactory(title="Next one", starts_at=now + datetime.timedelta(days=2))
    MeetingFactory(title="Last one", starts_at=now - datetime.timedelta(days=2))

    with CaptureQueriesContext(connection) as queries:
        text = page_text(client.get("/en/"))

    assert "Next one" in text
    assert "Last one" in text
    meeting_rows = [q["sql"] for q in queries if '"meetings_meeting"."id",' in q["sql"]]
    assert len(meeting_rows) == 2
    for sql in meeting_rows:
        assert '"meetings_meeting"."minutes_en"' not in sql
        assert '"meetings_meeting"."search_text"' not in sql
