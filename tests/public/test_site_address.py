"""Calendars, feeds and the admin name the configured SITE_DOMAIN, not the request's host."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management.sql import emit_post_migrate_signal
from icalendar import Calendar

from projects.models import Project
from tests.factories import MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.SITE_DOMAIN = "portal.example.org"
    settings.SITE_SCHEME = "https"


def _uids(response) -> list[str]:
    return [str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.parametrize("path", ["/en/meetings/calendar.ics", "/en/meetings/event/calendar.ics"])
def test_calendar_uid_is_the_same_whichever_host_served_it(client, path):
    meeting = MeetingFactory(slug="event")

    uids = {
        host: _uids(client.get(path, HTTP_HOST=host))
        for host in ("localhost", "127.0.0.1:8102", "testserver")
    }

    assert uids["localhost"] == uids["127.0.0.1:8102"] == uids["testserver"]
    assert uids["localhost"] == [f"meeting-{meeting.pk}@portal.example.org"]


def test_calendar_links_to_the_meeting_on_the_configured_address(client):
    MeetingFactory(slug="event")

    response = client.get("/en/meetings/event/calendar.ics", HTTP_HOST="localhost")

    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["URL"]) == "https://portal.example.org/en/meetings/event/"


def test_feed_links_are_the_same_whichever_host_served_it(client):
    MeetingFactory(slug="event")

    bodies = {
        host: client.get("/en/meetings/feed/", HTTP_HOST=host).content.decode()
        for host in ("localhost", "127.0.0.1:8102")
    }

    assert "https://portal.example.org/en/meetings/event/" in bodies["localhost"]
    assert "localhost" not in bodies["localhost"]
    assert "127.0.0.1" not in bodies["127.0.0.1:8102"]


def test_admin_view_on_site_opens_the_configured_address(client, superuser):
    project = ProjectFactory(slug="epi")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    content_type = ContentType.objects.get_for_model(Project)
    client.force_login(superuser)

    response = client.get(f"/en/admin/r/{content_type.pk}/{project.pk}/")

    assert Site.objects.get_current().domain == "portal.example.org"
    assert response.status_code == 302
    assert response["Location"] == "http://portal.example.org/en/projects/epi/"
