"""What a published meeting decided is public; its follow-ups and attendance are not."""

import pytest

from meetings.enums import ActionItemKind
from tests.factories import ActionItemFactory, AttendanceFactory, MeetingFactory
from tests.public.conftest import page_text

pytestmark = pytest.mark.django_db


def test_meeting_page_shows_its_decision_but_not_its_follow_up(client):
    meeting = MeetingFactory(slug="deciding-meeting")
    ActionItemFactory(
        meeting=meeting, kind=ActionItemKind.DECISION, text="Meet again in Galați in March"
    )
    ActionItemFactory(meeting=meeting, kind=ActionItemKind.ACTION, text="Send the minutes")
    AttendanceFactory(meeting=meeting, person_name="Ioana Attendee")

    text = page_text(client.get("/en/meetings/deciding-meeting/"))

    assert "Decisions" in text
    assert "Meet again in Galați in March" in text
    assert "Send the minutes" not in text
    assert "Ioana Attendee" not in text


def test_meeting_without_decisions_has_no_decisions_heading(client):
    meeting = MeetingFactory(slug="quiet-meeting")
    ActionItemFactory(meeting=meeting, kind=ActionItemKind.ACTION, text="Send the minutes")

    assert "Decisions" not in page_text(client.get("/en/meetings/quiet-meeting/"))


def test_unpublished_meeting_decisions_stay_hidden(client):
    meeting = MeetingFactory(slug="draft-meeting", is_published=False)
    ActionItemFactory(meeting=meeting, kind=ActionItemKind.DECISION)

    assert client.get("/en/meetings/draft-meeting/").status_code == 404
