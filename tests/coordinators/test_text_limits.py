"""Free text has a ceiling: an over-long text is refused with a clear message and nothing is
saved, whether it comes through the admin or through a service that calls full_clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from meetings.models import (
    ACTION_ITEM_TEXT_MAX_LENGTH,
    MEETING_MINUTES_MAX_LENGTH,
    MEETING_SUMMARY_MAX_LENGTH,
    ActionItem,
)
from projects.models import PROJECT_DESCRIPTION_MAX_LENGTH
from tests.factories import ProjectFactory
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db


def _meeting_form(client, meeting):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    return url, find_form(client.get(url).content.decode(), with_field="title_en")


def test_an_over_long_summary_is_refused_and_the_meeting_is_unchanged(
    client, coordinator_a, meeting_a
):
    meeting_a.summary_en = "Kept as it was."
    meeting_a.save()
    client.force_login(coordinator_a)
    url, form = _meeting_form(client, meeting_a)
    form.data["summary_en"] = ["Pasted twice. " * 80_000]  # 1.1 MB, as once happened
    form.data["title_en"] = ["Renamed in the same save"]

    response = client.post(url, form.submission())

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Ensure this value has at most {MEETING_SUMMARY_MAX_LENGTH} characters" in page
    meeting_a.refresh_from_db()
    assert meeting_a.title_en == "Meeting of A"
    assert meeting_a.summary_en == "Kept as it was."


def test_an_over_long_action_item_in_its_inline_row_saves_nothing(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)
    url, form = _meeting_form(client, meeting_a)
    row = form.add_inline_row("action_items")
    form.data[f"action_items-{row}-text_en"] = ["x" * (ACTION_ITEM_TEXT_MAX_LENGTH + 1)]

    response = client.post(url, form.submission())

    assert response.status_code == 200
    assert f"at most {ACTION_ITEM_TEXT_MAX_LENGTH} characters" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_full_clean_refuses_an_over_long_project_description_in_any_language():
    project = ProjectFactory()
    project.description_bg = "я" * (PROJECT_DESCRIPTION_MAX_LENGTH + 1)

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert "description_bg" in error.value.message_dict


def test_the_text_boxes_stop_at_their_limit_and_a_text_of_that_length_is_saved(
    client, coordinator_a, meeting_a
):
    client.force_login(coordinator_a)
    url, form = _meeting_form(client, meeting_a)
    assert form.attributes["summary_en"]["maxlength"] == str(MEETING_SUMMARY_MAX_LENGTH)
    assert form.attributes["minutes_ro"]["maxlength"] == str(MEETING_MINUTES_MAX_LENGTH)
    form.data["summary_en"] = ["s" * MEETING_SUMMARY_MAX_LENGTH]

    response = client.post(url, form.submission())

    assert response.status_code == 302
    meeting_a.refresh_from_db()
    assert len(meeting_a.summary_en) == MEETING_SUMMARY_MAX_LENGTH
