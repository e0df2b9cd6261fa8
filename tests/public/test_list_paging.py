"""Far pages of the public lists: the same rows, in the same order, as a plain OFFSET slice."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Meeting
from projects.models import Project
from tests.factories import MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
PAGE_SIZE = 20


def _meetings(count: int, project=None, at_once: int = 3) -> None:
    # By default three meetings share each start time: only the key orders them among them.
    first = datetime.datetime(2020, 1, 6, 10, tzinfo=BUCHAREST)
    for n in range(count):
        MeetingFactory(
            title=f"Coordination {n:03d}",
            starts_at=first + datetime.timedelta(days=n // at_once),
            projects=[project] if project else [],
        )


def _shown_pks(response) -> list[int]:
    return [row.pk for row in response.context["object_list"]]


def _offset_slice(queryset, number: int) -> list[int]:
    bottom = (number - 1) * PAGE_SIZE
    return list(queryset[bottom : bottom + PAGE_SIZE].values_list("pk", flat=True))


def test_every_meeting_page_shows_the_rows_of_a_plain_offset_slice(client):
    _meetings(45)
    newest_first = Meeting.objects.published().order_by("-starts_at", "-pk")

    pages = [client.get("/en/meetings/", {"page": number}) for number in (1, 2, 3)]

    for number, response in enumerate(pages, start=1):
        assert response.status_code == 200
        assert _shown_pks(response) == _offset_slice(newest_first, number)
    html = pages[1].content.decode()
    titles = [meeting.title for meeting in pages[1].context["object_list"]]
    assert [html.index(title) for title in titles] == sorted(html.index(t) for t in titles)
    assert len(_shown_pks(pages[2])) == 5
    assert sum(len(_shown_pks(page)) for page in pages) == 45


def test_a_far_page_keeps_the_sort_order_and_the_filters_the_visitor_chose(client):
    _meetings(45)

    response = client.get("/en/meetings/", {"ordering": "title", "page": 2})
    upcoming = client.get("/en/meetings/", {"when": "past", "ordering": "-title", "page": 2})

    by_title = Meeting.objects.published().order_by("title")
    assert _shown_pks(response) == _offset_slice(by_title, 2)
    assert [row.title for row in response.context["object_list"]][:2] == [
        "Coordination 020",
        "Coordination 021",
    ]
    assert _shown_pks(upcoming) == _offset_slice(
        Meeting.objects.published()
        .filter(starts_at__lt=datetime.datetime.now(BUCHAREST))
        .order_by("-title"),
        2,
    )


def test_a_far_page_of_meetings_shows_each_meetings_place_in_its_series(client):
    project = ProjectFactory(acronym="SERIES")
    _meetings(25, project=project, at_once=1)

    response = client.get("/en/meetings/", {"ordering": "date", "page": 2})

    shown = response.context["object_list"]
    assert [meeting.sequence_number for meeting in shown] == list(range(21, 26))


def test_the_last_page_is_reachable_by_name_and_a_page_beyond_it_is_not_found(client):
    _meetings(45)

    last = client.get("/en/meetings/", {"page": "last"})

    assert last.status_code == 200
    assert last.context["page_obj"].number == 3
    assert _shown_pks(last) == _offset_slice(
        Meeting.objects.published().order_by("-starts_at", "-pk"), 3
    )
    for beyond in ("4", "400", "0", "-1", "two"):
        assert client.get("/en/meetings/", {"page": beyond}).status_code == 404


def test_far_project_pages_match_the_offset_slice_in_every_sort_order(client):
    # Four projects start on each date: the sort by start date alone leaves them tied.
    for n in range(45):
        ProjectFactory(title=f"Project {n:03d}", start_date=datetime.date(2021, 1 + n % 12, 1))
    orders = {
        "": ("-start_date", "title", "pk"),
        "title": ("title", "pk"),
        "-start": ("-start_date", "pk"),
    }

    for ordering, order_by in orders.items():
        pages = [
            client.get("/en/projects/", {"ordering": ordering, "page": number})
            for number in (1, 2, 3)
        ]
        expected = Project.objects.published().order_by(*order_by)
        for number, response in enumerate(pages, start=1):
            assert _shown_pks(response) == _offset_slice(expected, number)
        shown = [pk for response in pages for pk in _shown_pks(response)]
        assert sorted(shown) == sorted(Project.objects.values_list("pk", flat=True))


def test_queries_of_a_far_meeting_page_do_not_grow_with_the_list(client):
    def queries_for_page_two() -> int:
        client.get("/en/meetings/", {"page": 2})  # counts and choices read once
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/meetings/", {"page": 2})
        assert response.status_code == 200
        return len(queries)

    _meetings(45)
    few = queries_for_page_two()
    _meetings(120)
    many = queries_for_page_two()

    assert many == few
    assert many <= 12
