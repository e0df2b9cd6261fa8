import datetime
import zoneinfo

import pytest
from django.utils import timezone

from meetings.enums import MeetingFormat, MeetingKind, MeetingStatus
from partners.enums import RegionKind
from partners.models import Region
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    MeetingFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.public.conftest import build_meeting_with_related, page_text

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
CONSTANTA_MEETING = "integrare-plus-quarterly-meeting-constanta-2016"


# --- The meeting page


@pytest.mark.parametrize(
    ("language", "title", "date", "host"),
    [
        (
            "en",
            "Quarterly coordination meeting of Region 2 in Constanța",
            "7 December 2016",
            "Prefect's Institution",
        ),
        (
            "ro",
            "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța",
            "7 decembrie 2016",
            "Instituția Prefectului",
        ),
        (
            "bg",
            "Тримесечна координационна среща на Регион 2 в Констанца",
            "7 декември 2016 г.",
            "Институция на префекта",
        ),
    ],
)
def test_meeting_page_shows_constanta_meeting_in_each_language(
    client, demo, language, title, date, host
):
    response = client.get(f"/{language}/meetings/{CONSTANTA_MEETING}/")

    text = page_text(response)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in html
    assert date in text
    assert host in text
    assert f'href="/{language}/projects/integrare-plus/"' in html
    assert f'href="/{language}/regions/region-2/"' in html
    assert f'href="/{language}/organisations/novapolis/"' in html  # an organiser


def test_meeting_page_shows_ordinal_agenda_and_participant_count(client, demo):
    text = page_text(client.get(f"/en/meetings/{CONSTANTA_MEETING}/"))

    assert "2nd quarterly coordination meeting" in text
    assert "Wednesday" in text
    assert "The role of local communities in supporting integration" in text
    assert "Participants 4" in text
    assert "midnight" not in text  # no time was announced: the date alone


def test_meeting_page_shows_time_in_the_venue_time_zone(client):
    # 08:00 UTC is 10:00 in Sofia in winter, 11:00 in summer; the server's zone plays no part.
    MeetingFactory(
        slug="winter",
        timezone="Europe/Sofia",
        starts_at=datetime.datetime(2020, 2, 10, 8, tzinfo=datetime.UTC),
    )
    MeetingFactory(
        slug="summer",
        timezone="Europe/Sofia",
        starts_at=datetime.datetime(2020, 3, 31, 8, tzinfo=datetime.UTC),
    )

    winter = page_text(client.get("/en/meetings/winter/"))
    summer = page_text(client.get("/en/meetings/summer/"))

    assert "10 February 2020, 10:00" in winter
    assert "31 March 2020, 11:00" in summer


def test_meeting_page_shows_participant_count_when_no_list_is_kept(client):
    MeetingFactory(slug="conference", participant_count=400)

    assert "Participants 400" in page_text(client.get("/en/meetings/conference/"))


def test_meeting_page_lists_only_public_attachments(client):
    meeting = MeetingFactory(slug="with-files")
    public = AttachmentFactory(meeting=meeting, title="Public agenda", is_public=True)
    AttachmentFactory(meeting=meeting, title="Signed attendance list", is_public=False)

    response = client.get("/en/meetings/with-files/")

    assert "Public agenda" in page_text(response)
    assert public.get_absolute_url() in response.content.decode()
    assert "Signed attendance list" not in response.content.decode()


def test_meeting_page_hides_unpublished_projects(client):
    meeting = MeetingFactory(
        slug="shared", projects=[ProjectFactory(title="Hidden project", is_published=False)]
    )

    assert "Hidden project" not in page_text(client.get(f"/en/meetings/{meeting.slug}/"))


@pytest.mark.parametrize(
    "changes", [{"is_published": False}, {"status": MeetingStatus.DRAFT, "is_published": True}]
)
def test_unpublished_or_draft_meeting_is_not_found(client, changes):
    MeetingFactory(slug="not-yet", **changes)

    assert client.get("/en/meetings/not-yet/").status_code == 404


@pytest.mark.parametrize("n", [2, 50])
def test_meeting_page_query_count_does_not_grow_with_related_rows(
    client, django_assert_num_queries, n
):
    meeting = build_meeting_with_related(n)

    # meeting+places+attendance count, its quarterly number, public attachments, decisions,
    # projects, organisations, agenda
    with django_assert_num_queries(7):
        response = client.get(f"/en/meetings/{meeting.slug}/")

    assert response.status_code == 200
    assert f"Participants {n}" in page_text(response)


# --- The list and its filters


def _titles(response) -> set[str]:
    return {meeting.title for meeting in response.context["object_list"]}


def test_meeting_list_shows_published_meetings_only(client, demo):
    text = page_text(client.get("/en/meetings/"))

    assert "Quarterly coordination meeting of Region 2 in Constanța" in text
    assert "First quarterly coordination meeting of Region 2" not in text


def test_meeting_list_filters_by_kind_and_format(client):
    MeetingFactory(
        title="Online partners", kind=MeetingKind.PARTNER_MEETING, format=MeetingFormat.ONLINE
    )
    MeetingFactory(title="Quarterly", kind=MeetingKind.QUARTERLY_COORDINATION)

    assert _titles(client.get("/en/meetings/?kind=partner")) == {"Online partners"}
    assert _titles(client.get("/en/meetings/?format=online")) == {"Online partners"}
    assert _titles(client.get("/en/meetings/?kind=quarterly&format=online")) == set()


def test_meeting_list_filters_by_project(client):
    project = ProjectFactory(slug="connection")
    MeetingFactory(title="Of the project", projects=[project])
    MeetingFactory(title="Other")

    assert _titles(client.get("/en/meetings/?project=connection")) == {"Of the project"}


def test_meeting_list_region_filter_includes_places_below(client):
    region = Region.objects.create(
        name="Region 2", slug="region-2", kind=RegionKind.REGION, parent=RegionFactory()
    )
    county = Region.objects.create(
        name="Constanța County", slug="ct", kind=RegionKind.COUNTY, parent=region
    )
    city = Region.objects.create(
        name="Constanța", slug="constanta", kind=RegionKind.CITY, parent=county
    )
    MeetingFactory(title="In the city", city=city)
    MeetingFactory(title="For the region", region=region)
    MeetingFactory(title="Elsewhere")

    assert _titles(client.get("/en/meetings/?region=region-2")) == {"In the city", "For the region"}
    assert _titles(client.get("/en/meetings/?region=ct")) == {"In the city"}


def test_region_filter_names_each_place_in_the_readers_language_or_else_its_own(client):
    country = Region.objects.create(
        name_en="Poland", name_ro="Polonia", name_bg="Полша", slug="pl", kind=RegionKind.COUNTRY
    )
    # Named in Romanian only: every page shows that name rather than an empty option.
    Region.objects.create(
        name_en="", name_ro="Voievodatul Mazovia", slug="mazowieckie", parent=country,
        kind=RegionKind.REGION,
    )  # fmt: skip

    english = client.get("/en/meetings/").content.decode()
    bulgarian = client.get("/bg/meetings/").content.decode()

    assert '<option value="pl">Poland</option>' in english
    assert '<option value="mazowieckie">— Voievodatul Mazovia</option>' in english
    assert '<option value="pl">Полша</option>' in bulgarian
    assert '<option value="mazowieckie">— Voievodatul Mazovia</option>' in bulgarian


def test_meeting_list_filters_by_year_and_quarter(client):
    MeetingFactory(title="Q4 2016", starts_at=datetime.datetime(2016, 12, 7, 10, tzinfo=BUCHAREST))
    MeetingFactory(title="Q1 2016", starts_at=datetime.datetime(2016, 2, 7, 10, tzinfo=BUCHAREST))
    MeetingFactory(title="Q4 2019", starts_at=datetime.datetime(2019, 12, 3, 10, tzinfo=BUCHAREST))

    assert _titles(client.get("/en/meetings/?year=2016")) == {"Q4 2016", "Q1 2016"}
    assert _titles(client.get("/en/meetings/?quarter=4")) == {"Q4 2016", "Q4 2019"}
    assert _titles(client.get("/en/meetings/?year=2016&quarter=4")) == {"Q4 2016"}


def test_meeting_list_filters_upcoming_and_past(client):
    now = timezone.now()
    MeetingFactory(
        title="Next week", starts_at=now + datetime.timedelta(days=7), status=MeetingStatus.PLANNED
    )
    MeetingFactory(
        title="Next month",
        starts_at=now + datetime.timedelta(days=30),
        status=MeetingStatus.PLANNED,
    )
    MeetingFactory(title="Last year", starts_at=now - datetime.timedelta(days=365))

    upcoming = client.get("/en/meetings/?when=upcoming")

    assert [m.title for m in upcoming.context["object_list"]] == ["Next week", "Next month"]
    assert _titles(client.get("/en/meetings/?when=past")) == {"Last year"}


def test_meeting_list_filters_by_host_or_organiser(client, demo):
    titles = _titles(client.get("/en/meetings/?organisation=novapolis"))

    assert "Quarterly coordination meeting of Region 2 in Constanța" in titles
    assert "CONNECTION: first partner meeting" not in titles


@pytest.mark.parametrize("query", ["quarter=5", "year=2016-02-30", "kind=%00", "when=tomorrow"])
def test_meeting_list_bad_filter_value_shows_form_error(client, query):
    MeetingFactory()

    response = client.get(f"/en/meetings/?{query}")

    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.context["filter"].form.errors


@pytest.mark.parametrize("n", [2, 50])
def test_meeting_list_query_count_does_not_grow_with_rows(client, django_assert_num_queries, n):
    for _ in range(n):
        meeting = MeetingFactory(projects=[ProjectFactory()])
        AgendaItemFactory(meeting=meeting)
        AttendanceFactory(meeting=meeting)

    # count, page with places, the quarterly meetings' numbers, then the filter form's
    # choices: regions (the project and the organisation are typed, no choices read)
    with django_assert_num_queries(4):
        response = client.get("/en/meetings/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "quarter", "sort_option"),
    [
        ("en", "Q4 2016", "Date (descending)"),
        ("ro", "T4 2016", "Dată (descrescător)"),
        ("bg", "тримесечие 4 на 2016 г.", "Дата (низходящо)"),
    ],
)
def test_quarter_and_sort_options_speak_the_readers_language(
    client, demo, language, quarter, sort_option
):
    meeting_page = page_text(client.get(f"/{language}/meetings/{CONSTANTA_MEETING}/"))
    list_page = client.get(f"/{language}/meetings/").content.decode()

    assert quarter in meeting_page
    assert sort_option in list_page
