"""Marking who came: one page per meeting, every person present, absent or excused, saved in
one go; only for the meeting's coordinators and administrators."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.enums import Presence
from tests.factories import AttendanceFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(meeting_a):
    return [
        AttendanceFactory(meeting=meeting_a, person_name=name, presence=Presence.EXPECTED)
        for name in ["Ana Ionescu", "Maria Pop", "Radu Marin"]
    ]


def _url(meeting) -> str:
    return reverse("admin:meetings_meeting_mark_attendance", args=[meeting.pk])


def _marking_form(client, meeting):
    return find_form(client.get(_url(meeting)).content.decode(), with_field="marks-TOTAL_FORMS")


def _field_for(form, person) -> str:
    """The name of the presence field in the person's row."""
    for name, values in form.data.items():
        if name.startswith("marks-") and name.endswith("-id") and values == [str(person.pk)]:
            return name.removesuffix("-id") + "-presence"
    raise AssertionError(f"{person} is not on the page")


def test_marking_saves_presence_for_all_rows_in_one_post(client, coordinator_a, meeting_a, people):
    ana, maria, radu = people
    client.force_login(coordinator_a)
    page = client.get(_url(meeting_a)).content.decode()
    assert "Ana Ionescu" in page
    assert "3 not marked yet" in page
    form = find_form(page, with_field="marks-TOTAL_FORMS")
    assert form.options[_field_for(form, ana)] == ["attended", "absent", "excused"]
    form.data[_field_for(form, ana)] = ["attended"]
    form.data[_field_for(form, maria)] = ["excused"]
    form.data[_field_for(form, radu)] = ["absent"]

    response = client.post(_url(meeting_a), form.submission())

    assert response.status_code == 302
    assert dict(meeting_a.attendances.values_list("person_name", "presence")) == {
        "Ana Ionescu": Presence.ATTENDED,
        "Maria Pop": Presence.EXCUSED,
        "Radu Marin": Presence.ABSENT,
    }
    followed = client.get(response["Location"]).content.decode()
    assert "Attendance saved: 1 present, 1 absent, 1 excused, 0 not marked." in followed


def test_all_present_marks_everyone_not_yet_marked(client, coordinator_a, meeting_a, people):
    _ana, maria, _radu = people
    client.force_login(coordinator_a)
    page = client.get(_url(meeting_a)).content.decode()
    form = find_form(page, with_field="marks-TOTAL_FORMS")
    assert '<button type="submit" name="all_present"' in page
    form.data[_field_for(form, maria)] = ["excused"]

    client.post(_url(meeting_a), {**form.submission(), "all_present": "1"})

    assert dict(meeting_a.attendances.values_list("person_name", "presence")) == {
        "Ana Ionescu": Presence.ATTENDED,
        "Maria Pop": Presence.EXCUSED,
        "Radu Marin": Presence.ATTENDED,
    }


def test_all_present_on_an_untouched_list_marks_everyone(client, administrator, meeting_a, people):
    client.force_login(administrator)
    form = _marking_form(client, meeting_a)

    client.post(_url(meeting_a), {**form.submission(), "all_present": "1"})

    assert set(meeting_a.attendances.values_list("presence", flat=True)) == {Presence.ATTENDED}


def test_unmarked_rows_stay_expected(client, coordinator_a, meeting_a, people):
    client.force_login(coordinator_a)
    form = _marking_form(client, meeting_a)

    client.post(_url(meeting_a), form.submission())

    assert set(meeting_a.attendances.values_list("presence", flat=True)) == {Presence.EXPECTED}


def test_rows_of_another_meeting_cannot_be_slipped_in(
    client, coordinator_a, meeting_a, meeting_b, people
):
    stranger = AttendanceFactory(meeting=meeting_b, presence=Presence.EXPECTED)
    client.force_login(coordinator_a)
    form = _marking_form(client, meeting_a)
    form.data["marks-0-id"] = [str(stranger.pk)]
    form.data["marks-0-presence"] = ["absent"]

    client.post(_url(meeting_a), form.submission())

    stranger.refresh_from_db()
    assert stranger.presence == Presence.EXPECTED


@pytest.mark.parametrize("who", ["coordinator_b", "staff_user", "editor"])
def test_others_get_404_on_the_marking_page(request, client, who, meeting_a, people):
    client.force_login(request.getfixturevalue(who))

    assert client.get(_url(meeting_a)).status_code == 404
    assert client.post(_url(meeting_a), {"all_present": "1"}).status_code == 404
    assert set(meeting_a.attendances.values_list("presence", flat=True)) == {Presence.EXPECTED}


def test_the_marking_page_is_linked_from_the_meeting_and_the_dashboard(
    client, coordinator_a, meeting_a, people
):
    meeting_a.starts_at = timezone.now() - datetime.timedelta(hours=2)
    meeting_a.save()
    client.force_login(coordinator_a)

    change_page = client.get(reverse("admin:meetings_meeting_change", args=[meeting_a.pk]))
    dashboard = client.get(reverse("admin:index"))

    assert f'href="{_url(meeting_a)}"' in change_page.content.decode()
    assert f'href="{_url(meeting_a)}"' in dashboard.content.decode()
