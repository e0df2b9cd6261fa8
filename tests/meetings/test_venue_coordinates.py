"""A meeting's venue coordinates, typed in the back office: both or neither, never guessed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

BOTH_OR_NEITHER = "Give both latitude and longitude, or neither."


def _save(client, meeting, **typed: str):
    """Open the meeting's change page, type into its boxes and save."""
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = find_form(client.get(url).content.decode(), with_field="title_en")
    for name, text in typed.items():
        assert name in form.kinds, f"the form has no {name} box"
        form.data[name] = [text]
    return client.post(url, form.submission())


def test_one_coordinate_without_the_other_is_refused_and_both_are_kept(
    client, coordinator_a, project_a
):
    meeting = MeetingFactory(projects=[project_a])
    client.force_login(coordinator_a)

    refused = _save(client, meeting, latitude="44.170000", longitude="")

    assert refused.status_code == 200
    assert BOTH_OR_NEITHER in refused.content.decode()
    meeting.refresh_from_db()
    assert meeting.latitude is None

    saved = _save(client, meeting, latitude="44.170000", longitude="28.630000")

    assert saved.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.latitude, meeting.longitude) == (Decimal("44.17"), Decimal("28.63"))
