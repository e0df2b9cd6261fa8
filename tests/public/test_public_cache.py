"""The project list, counts and filter choices kept in the cache: served without the database,
and never stale after an editor's change."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import PreparedReport
from partners.models import Organisation
from tests.factories import (
    FundingProgrammeFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db

PROJECT_LIST = "/en/projects/"
MEETING_LIST = "/en/meetings/"


@pytest.fixture(autouse=True)
def _public_cache_on(settings):
    settings.PUBLIC_CACHE = True


def _csrf_token_in_page(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_project_list_is_served_from_the_cache_to_the_next_visitor(
    client, django_assert_num_queries
):
    ProjectFactory(title="Integration through sport")
    client.get(PROJECT_LIST)

    with django_assert_num_queries(0):
        response = client.get(PROJECT_LIST)

    assert "Integration through sport" in response.content.decode()


def test_project_an_editor_publishes_is_on_the_cached_list_at_once(client, editor):
    project = ProjectFactory(title="Housing first in Constanța", is_published=False)
    assert "Housing first in Constanța" not in client.get(PROJECT_LIST).content.decode()
    client.force_login(editor)

    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [project.pk]},
    )

    client.logout()
    assert "Housing first in Constanța" in client.get(PROJECT_LIST).content.decode()


def test_renamed_partner_shows_in_the_cached_filtered_list_at_once(client):
    partner = OrganisationFactory(name="Asociația Alfa", slug="alfa")
    ParticipationFactory(organisation=partner, project=ProjectFactory())
    filtered = f"{PROJECT_LIST}?partner=alfa"
    assert "Asociația Alfa" in client.get(filtered).content.decode()

    partner.name = "Asociația Beta"
    partner.save()

    page = client.get(filtered).content.decode()
    assert "Asociația Beta" in page and "Asociația Alfa" not in page


def _organisation_count(response) -> str:
    return re.search(r"<strong>(\d+)</strong> organisations?</a>", response.content.decode())[1]


def test_home_page_count_follows_a_deleted_organisation(client):
    OrganisationFactory.create_batch(3)
    assert _organisation_count(client.get("/en/")) == "3"

    Organisation.objects.first().delete()

    assert _organisation_count(client.get("/en/")) == "2"


def test_each_visitor_of_the_cached_list_gets_a_working_csrf_token_of_their_own():
    ProjectFactory()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(PROJECT_LIST)

    token = _csrf_token_in_page(second.get(PROJECT_LIST))
    switched = second.post(
        "/i18n/setlang/",
        {"language": "ro", "next": "/ro/projects/", "csrfmiddlewaretoken": token},
    )

    assert token != _csrf_token_in_page(first.get(PROJECT_LIST))
    assert switched.status_code == 302 and switched["Location"] == "/ro/projects/"


# --- What the cache holds: one entry per page a visitor can tell apart


@pytest.fixture
def _countable_cache(settings):
    """A local-memory cache large enough that no entry is culled, so growth shows."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "public-cache-entries",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
    cache.clear()


def _entries() -> int:
    return len(cache._cache)


@pytest.mark.usefixtures("_countable_cache")
def test_project_list_with_unknown_parameters_is_kept_once(client):
    ProjectFactory(title="Integration through sport")
    client.get(f"{PROJECT_LIST}?junk=0")
    entries = _entries()

    for i in range(1, 100):
        response = client.get(f"{PROJECT_LIST}?junk={i}")

    assert _entries() == entries
    page = response.content.decode()
    assert "Integration through sport" in page and "junk" not in page


@pytest.mark.usefixtures("_countable_cache")
def test_project_list_filters_in_another_order_or_left_empty_share_one_entry(client):
    programme = FundingProgrammeFactory(slug="amif-romania")
    ProjectFactory(title="Integration through sport", programme=programme)
    client.get(f"{PROJECT_LIST}?ordering=title&programme=amif-romania")
    entries = _entries()

    response = client.get(f"{PROJECT_LIST}?q=&programme=amif-romania&status=&ordering=title")

    assert _entries() == entries
    assert "Integration through sport" in response.content.decode()


def test_project_list_of_another_programme_is_another_cached_page(client):
    romania = FundingProgrammeFactory(slug="amif-romania")
    bulgaria = FundingProgrammeFactory(slug="amif-bulgaria")
    ProjectFactory(title="Integration through sport", programme=romania)
    ProjectFactory(title="Language cafés in Varna", programme=bulgaria)

    for _visit in range(2):
        in_romania = page_text(client.get(f"{PROJECT_LIST}?programme=amif-romania"))
        in_bulgaria = page_text(client.get(f"{PROJECT_LIST}?programme=amif-bulgaria&junk=1"))

        assert "Integration through sport" in in_romania
        assert "Language cafés in Varna" not in in_romania
        assert "Language cafés in Varna" in in_bulgaria
        assert "Integration through sport" not in in_bulgaria


@pytest.mark.usefixtures("_countable_cache")
def test_upcoming_meetings_are_counted_once_within_a_minute(client, monkeypatch):
    first_visit = datetime.datetime(2030, 3, 4, 10, 0, 5, tzinfo=datetime.UTC)
    MeetingFactory(title="Spring coordination", starts_at=first_visit + datetime.timedelta(days=1))
    MeetingFactory(title="Autumn coordination", starts_at=first_visit - datetime.timedelta(days=1))
    monkeypatch.setattr(timezone, "now", lambda: first_visit)
    client.get(f"{MEETING_LIST}?when=upcoming")
    entries = _entries()

    monkeypatch.setattr(timezone, "now", lambda: first_visit + datetime.timedelta(seconds=50))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{MEETING_LIST}?when=upcoming")

    assert _entries() == entries
    assert not [query for query in queries if '"__count"' in query["sql"]]  # the total
    text = page_text(response)
    assert "Spring coordination" in text and "Autumn coordination" not in text


def test_upcoming_meetings_leave_out_a_meeting_that_started_a_minute_ago(client):
    now = timezone.now()
    MeetingFactory(title="Started a minute ago", starts_at=now - datetime.timedelta(minutes=1))
    MeetingFactory(title="Starts in an hour", starts_at=now + datetime.timedelta(hours=1))

    upcoming = page_text(client.get(f"{MEETING_LIST}?when=upcoming"))
    past = page_text(client.get(f"{MEETING_LIST}?when=past"))

    assert "Starts in an hour" in upcoming and "Started a minute ago" not in upcoming
    assert "Started a minute ago" in past and "Starts in an hour" not in past


def test_a_prepared_report_leaves_the_cached_pages_in_place(
    client, staff_user, django_assert_num_queries
):
    ProjectFactory(title="Integration through sport")
    client.get(PROJECT_LIST)

    report = PreparedReport.objects.create(
        requested_by=staff_user,
        kind=PreparedReport.Kind.QUARTERLY,
        title="Q1 2027",
        parameters={"year": 2027, "quarter": 1},
        language="en",
    )
    report.status = PreparedReport.Status.READY
    report.save()

    with django_assert_num_queries(0):
        response = client.get(PROJECT_LIST)
    assert "Integration through sport" in response.content.decode()


def test_with_the_cache_off_a_list_builds_no_cache_keys(client, settings, monkeypatch):
    """A key is the query's SQL: compiling it for a cache that is off would only cost time."""
    settings.PUBLIC_CACHE = False
    MeetingFactory(title="Round table in Gdańsk")

    def no_key(queryset):
        raise AssertionError(f"a cache key was built for {queryset.model.__name__}")

    monkeypatch.setattr("core.public_cache.query_key", no_key)
    response = client.get(MEETING_LIST)

    assert "Round table in Gdańsk" in page_text(response)
