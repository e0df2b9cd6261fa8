import datetime
import zoneinfo

import pytest
from django.urls import reverse

from meetings.enums import ActionItemStatus
from meetings.services import close_action_items
from tests.factories import ActionItemFactory, MeetingFactory
from tests.meetings.pdf_helpers import pdf_text
from tests.security.html_forms import find_form

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


@pytest.fixture
def january(project_a):
    return MeetingFactory(
        title_en="January meeting",
        starts_at=datetime.datetime(2026, 1, 20, 10, tzinfo=BUCHAREST),
        projects=[project_a],
    )


@pytest.fixture
def april(project_a):
    return MeetingFactory(
        title_en="April meeting",
        starts_at=datetime.datetime(2026, 4, 21, 10, tzinfo=BUCHAREST),
        projects=[project_a],
    )


@pytest.fixture
def open_item(january):
    return ActionItemFactory(
        meeting=january,
        text_en="Map the interpreters of Tulcea",
        due_date=datetime.date(2026, 3, 1),
    )


def _change_page(client, user, meeting):
    client.force_login(user)
    return client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()


def test_open_items_of_earlier_meetings_show_on_the_meeting(
    client, coordinator_a, january, april, open_item, meeting_b
):
    ActionItemFactory(meeting=january, text_en="Already done", status=ActionItemStatus.DONE)
    ActionItemFactory(meeting=meeting_b, text_en="Another project's item")

    page = _change_page(client, coordinator_a, april)

    assert "Open action items from earlier meetings" in page
    assert "Map the interpreters of Tulcea" in page
    assert "January meeting" in page
    assert "Already done" not in page
    assert "Another project&#x27;s item" not in page
    assert f'name="close_action_items" value="{open_item.pk}"' in page


def test_closing_an_item_records_the_meeting_and_its_date(client, coordinator_a, april, open_item):
    form = find_form(_change_page(client, coordinator_a, april), with_field="title_en")
    form.data["close_action_items"] = [str(open_item.pk)]

    response = client.post(
        reverse("admin:meetings_meeting_change", args=[april.pk]), form.submission()
    )

    assert response.status_code == 302
    open_item.refresh_from_db()
    assert open_item.status == ActionItemStatus.DONE
    assert open_item.closed_in == april
    assert open_item.closed_on == datetime.date(2026, 4, 21)
    assert (
        "1 action item closed at this meeting." in client.get(response["Location"]).content.decode()
    )


def test_a_closed_item_is_no_longer_carried_to_later_meetings(
    client, coordinator_a, project_a, april, open_item
):
    close_action_items(items=[open_item], meeting=april, closed_by=coordinator_a)
    june = MeetingFactory(
        starts_at=datetime.datetime(2026, 6, 10, 10, tzinfo=BUCHAREST), projects=[project_a]
    )

    page = _change_page(client, coordinator_a, june)

    assert "Map the interpreters of Tulcea" not in page


def test_an_item_already_closed_is_left_as_it_was(coordinator_a, january, april, open_item):
    close_action_items(items=[open_item], meeting=january, closed_by=coordinator_a)

    closed = close_action_items(items=[open_item], meeting=april, closed_by=coordinator_a)

    open_item.refresh_from_db()
    assert closed == []
    assert open_item.closed_in == january


def test_an_item_that_is_not_carried_to_the_meeting_cannot_be_closed_there(
    client, coordinator_a, april, open_item, meeting_b
):
    foreign = ActionItemFactory(meeting=meeting_b, text_en="Another project's item")
    form = find_form(_change_page(client, coordinator_a, april), with_field="title_en")
    form.data["close_action_items"] = [str(foreign.pk)]

    response = client.post(
        reverse("admin:meetings_meeting_change", args=[april.pk]), form.submission()
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.status == ActionItemStatus.OPEN


def test_staff_see_the_open_items_but_cannot_close_them(client, staff_user, april, open_item):
    page = _change_page(client, staff_user, april)

    assert "Map the interpreters of Tulcea" in page
    assert 'name="close_action_items"' not in page


# --- A meeting shared by two projects: each coordinator sees only what their project may read


@pytest.fixture
def shared_meeting(project_a, project_b):
    return MeetingFactory(
        title_en="Joint meeting",
        starts_at=datetime.datetime(2026, 5, 12, 10, tzinfo=BUCHAREST),
        projects=[project_a, project_b],
    )


@pytest.fixture
def b_only_item(project_b):
    earlier_b = MeetingFactory(
        title_en="Project B's own meeting",
        starts_at=datetime.datetime(2026, 2, 3, 10, tzinfo=BUCHAREST),
        projects=[project_b],
    )
    return ActionItemFactory(meeting=earlier_b, text_en="Call the Tulcea shelter about beds")


def test_a_carried_item_of_another_projects_meeting_stays_hidden_on_a_shared_meeting(
    client, coordinator_a, coordinator_b, shared_meeting, b_only_item, open_item
):
    page_a = _change_page(client, coordinator_a, shared_meeting)
    page_b = _change_page(client, coordinator_b, shared_meeting)

    assert "Map the interpreters of Tulcea" in page_a
    assert "Call the Tulcea shelter about beds" not in page_a
    assert "Project B&#x27;s own meeting" not in page_a
    assert f'name="close_action_items" value="{b_only_item.pk}"' not in page_a
    assert "Call the Tulcea shelter about beds" in page_b


def test_a_carried_item_of_another_projects_meeting_cannot_be_closed_on_a_shared_meeting(
    client, coordinator_a, shared_meeting, b_only_item, open_item
):
    form = find_form(_change_page(client, coordinator_a, shared_meeting), with_field="title_en")
    form.data["close_action_items"] = [str(b_only_item.pk)]

    response = client.post(
        reverse("admin:meetings_meeting_change", args=[shared_meeting.pk]), form.submission()
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    b_only_item.refresh_from_db()
    assert b_only_item.status == ActionItemStatus.OPEN


def test_the_report_of_a_shared_meeting_leaves_out_another_projects_carried_items(
    client, coordinator_a, staff_user, shared_meeting, b_only_item, open_item
):
    url = reverse("meetings:meeting-report-pdf", kwargs={"slug": shared_meeting.slug})

    client.force_login(coordinator_a)
    text_a = pdf_text(client.get(url).content)
    client.force_login(staff_user)
    text_staff = pdf_text(client.get(url).content)

    assert "Map the interpreters of Tulcea" in text_a
    assert "Call the Tulcea shelter" not in text_a
    assert "Call the Tulcea shelter" in text_staff
