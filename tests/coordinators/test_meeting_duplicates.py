"""A meeting entered twice is caught before it is saved, unless the coordinator says it is another
one; web addresses are made unique without asking, and errors never say "slug"."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from meetings.enums import MeetingStatus
from meetings.models import Meeting
from meetings.services import plan_next_quarterly_meeting
from tests.factories import MeetingFactory, ProjectFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
TITLE = "Quarterly coordination meeting of Region 2"


@pytest.fixture
def december_meeting(project_a):
    return MeetingFactory(
        title_en=TITLE,
        slug="quarterly-coordination-meeting-of-region-2",
        starts_at=datetime.datetime(2026, 12, 2, 10, tzinfo=BUCHAREST),
        projects=[project_a],
    )


def _add_form(client):
    url = reverse("admin:meetings_meeting_add")
    return url, find_form(client.get(url).content.decode(), with_field="title_en")


def _fill(form, *, title: str, day: str, slug: str | None = None, time: str = "15:00"):
    form.data.update(
        {
            "title_en": [title],
            "starts_at_0": [day],
            "starts_at_1": [time],
            "timezone": ["Europe/Bucharest"],
        }
    )
    if slug is not None:
        # What the admin's script types into the box as the title is typed.
        form.data["slug"] = [slug]


def test_the_same_meeting_entered_twice_is_caught(client, coordinator_a, december_meeting):
    client.force_login(coordinator_a)
    url, form = _add_form(client)
    _fill(form, title=TITLE.upper(), day="2026-12-02", slug=december_meeting.slug)

    response = client.post(url, form.submission())

    assert response.status_code == 200
    page = response.content.decode()
    assert "of the same project on 2 December 2026 is already in the portal" in page
    assert Meeting.objects.count() == 1
    # The way out is offered where the error is.
    assert find_form(page, with_field="title_en").kinds["save_anyway"] == "checkbox"


def test_save_anyway_saves_a_second_meeting_of_the_same_name(
    client, coordinator_a, december_meeting
):
    client.force_login(coordinator_a)
    url, form = _add_form(client)
    _fill(form, title=TITLE, day="2026-12-02", slug=december_meeting.slug)
    page = client.post(url, form.submission()).content.decode()
    form = find_form(page, with_field="title_en")
    form.data["save_anyway"] = ["on"]

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()
    second = Meeting.objects.exclude(pk=december_meeting.pk).get()
    assert second.title_en == TITLE
    assert second.slug == f"{december_meeting.slug}-2026-12-02"


def test_the_save_anyway_box_is_not_shown_without_a_twin(client, coordinator_a):
    client.force_login(coordinator_a)

    _url, form = _add_form(client)

    assert form.kinds["save_anyway"] == "hidden"


def test_the_same_title_on_another_day_is_saved_without_a_word(
    client, coordinator_a, december_meeting
):
    client.force_login(coordinator_a)
    url, form = _add_form(client)
    _fill(form, title=TITLE, day="2027-03-03", slug=december_meeting.slug)

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()
    march = Meeting.objects.exclude(pk=december_meeting.pk).get()
    # The title's web address is taken: the day makes this one's unique.
    assert march.slug == "quarterly-coordination-meeting-of-region-2-2027-03-03"


def test_another_projects_meeting_of_the_same_title_and_day_is_no_duplicate(
    client, coordinator_b, december_meeting
):
    client.force_login(coordinator_b)
    url, form = _add_form(client)
    _fill(form, title=TITLE, day="2026-12-02", slug="")

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()
    assert Meeting.objects.count() == 2


def test_a_taken_web_address_is_never_reported_as_a_slug_error(
    client, coordinator_a, december_meeting, meeting_a
):
    client.force_login(coordinator_a)
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    form.data["slug"] = [december_meeting.slug]

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()
    meeting_a.refresh_from_db()
    assert meeting_a.slug.startswith(f"{december_meeting.slug}-")


def test_the_web_address_box_speaks_of_a_web_address(client, coordinator_a):
    client.force_login(coordinator_a)

    page = client.get(reverse("admin:meetings_meeting_add")).content.decode()

    assert "Web address" in page
    assert ">Slug" not in page


def test_a_cyrillic_only_title_still_gets_a_web_address(client, coordinator_a, project_a):
    client.force_login(coordinator_a)
    url, form = _add_form(client)
    _fill(form, title="Тримесечна среща", day="2027-03-03", slug="")

    response = client.post(url, form.submission())

    assert response.status_code == 302, response.content.decode()
    assert Meeting.objects.get().slug == "meeting"


def test_planning_twice_for_a_project_without_an_acronym_gives_two_addresses(coordinator_a):
    project = ProjectFactory(title="Welcome in Vaslui", acronym="", slug="welcome-in-vaslui")
    project.coordinators.add(coordinator_a)
    MeetingFactory(
        title_en="Quarterly meeting",
        starts_at=datetime.datetime(2026, 11, 4, 10, tzinfo=BUCHAREST),
        projects=[project],
    )
    today = datetime.date(2026, 11, 23)

    first = plan_next_quarterly_meeting(project=project, planned_by=coordinator_a, today=today)
    first.status = MeetingStatus.CANCELLED
    first.save()
    second = plan_next_quarterly_meeting(project=project, planned_by=coordinator_a, today=today)

    assert first.title_en == "Welcome in Vaslui quarterly coordination meeting, Q1 2027"
    assert first.slug == "welcome-in-vaslui-quarterly-meeting-2027-q1"
    assert second.slug != first.slug
    assert second.slug.startswith(first.slug)
