import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from core.quarters import Quarter
from meetings.enums import ActionItemKind, ActionItemStatus, MeetingStatus, Presence
from meetings.models import Meeting
from tests.factories import (
    ActionItemFactory,
    AttendanceFactory,
    CityFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.meetings.pdf_helpers import page_count, pdf_text, prepared_report, read_pdf

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def _on(month: int, day: int, year: int = 2016) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, tzinfo=BUCHAREST)


def _report(client, user, language="en", **params):
    client.force_login(user)
    with translation.override(language):
        return prepared_report(client, reverse("meetings:quarterly-report"), params)


def test_quarterly_report_of_integrare_in_romanian(client, demo, staff_user):
    from projects.models import Project

    project = Project.objects.get(slug="integrare-plus")

    response = _report(client, staff_user, "ro", project=project.pk, year=2016, quarter=4)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2" in text
    assert "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța" in text
    assert "Instituția Prefectului – Județul Constanța" in text
    assert "Acțiune coordonată la nivel local și regional" in text
    # The first meeting of the series was held in Q3 and stays out.
    assert "Prima întâlnire trimestrială" not in text


def test_totals_count_held_meetings_participants_and_organisations_by_kind(client, staff_user):
    project = ProjectFactory(title="INTEGRARE+")
    ngo = OrganisationFactory(name="Novapolis", kind="ngo")
    other_ngo = OrganisationFactory(name="World Vision", kind="ngo")
    prefecture = OrganisationFactory(name="Prefectura", kind="public_authority")
    first = MeetingFactory(title="October meeting", starts_at=_on(10, 5), projects=[project])
    second = MeetingFactory(title="December meeting", starts_at=_on(12, 7), projects=[project])
    AttendanceFactory.create_batch(3, meeting=first, organisation=ngo)
    AttendanceFactory(meeting=first, organisation=ngo, presence=Presence.EXCUSED)
    AttendanceFactory(meeting=second, organisation=prefecture)
    MeetingOrganisationFactory(meeting=second, organisation=other_ngo)
    second_declared = MeetingFactory(
        title="Counted by hand", starts_at=_on(11, 2), projects=[project], participant_count=12
    )
    MeetingFactory(
        title="Planned later",
        starts_at=_on(12, 20),
        projects=[project],
        status=MeetingStatus.PLANNED,
    )
    MeetingFactory(title="Previous quarter", starts_at=_on(9, 30), projects=[project])
    MeetingFactory(title="Another project", starts_at=_on(11, 1), projects=[ProjectFactory()])

    response = _report(client, staff_user, project=project.pk, year=2016, quarter=4)

    text = pdf_text(response.content)
    assert "Meetings held 3 Participants 16 Organisations taking part 3" in text
    assert "Non-governmental organisation 2 Public authority 1" in text
    assert text.index("October meeting") < text.index(second_declared.title)
    assert text.index(second_declared.title) < text.index("December meeting")
    for absent in ("Previous quarter", "Another project"):
        assert absent not in text
    # A meeting still marked planned is listed apart, not counted as held.
    held, planned = text.split("Planned, not yet marked as held")
    assert "Planned later" not in held
    assert "Planned later" in planned


def test_open_action_items_include_earlier_quarters_but_not_closed_ones(client, staff_user):
    project = ProjectFactory()
    earlier = MeetingFactory(title="Summer meeting", starts_at=_on(7, 1), projects=[project])
    meeting = MeetingFactory(title="Autumn meeting", starts_at=_on(11, 1), projects=[project])
    ActionItemFactory(meeting=earlier, text="Translate the guide into Arabic")
    ActionItemFactory(meeting=meeting, text="Visit the Vaslui working point")
    ActionItemFactory(meeting=meeting, text="Closed already", status=ActionItemStatus.DONE)
    later = MeetingFactory(title="Next year", starts_at=_on(2, 1, 2017), projects=[project])
    ActionItemFactory(meeting=later, text="Something decided later")

    text = pdf_text(_report(client, staff_user, project=project.pk, year=2016, quarter=4).content)

    open_items = text.split("Open follow-up actions")[-1]
    assert "Translate the guide into Arabic" in open_items
    assert "Visit the Vaslui working point" in open_items
    assert "Closed already" not in open_items
    assert "Something decided later" not in open_items


def test_region_report_takes_meetings_held_anywhere_in_the_region(client, staff_user):
    country = RegionFactory(name="Romania", slug="ro-test")
    region = RegionFactory(name="Regiunea 2", slug="region-2-test", kind="region", parent=country)
    constanta = CityFactory(name="Constanța", slug="constanta-test", parent=region)
    elsewhere = CityFactory(name="Cluj", slug="cluj-test", parent=country)
    MeetingFactory(title="In Constanța", starts_at=_on(12, 7), city=constanta)
    MeetingFactory(title="Coordinating the region", starts_at=_on(11, 7), region=region)
    MeetingFactory(title="In Cluj", starts_at=_on(11, 8), city=elsewhere)

    text = pdf_text(_report(client, staff_user, region=region.pk, year=2016, quarter=4).content)

    assert "Regiunea 2" in text
    assert "In Constanța" in text
    assert "Coordinating the region" in text
    assert "In Cluj" not in text


def test_a_quarter_without_meetings_says_so(client, staff_user):
    project = ProjectFactory()

    text = pdf_text(_report(client, staff_user, project=project.pk, year=2019, quarter=2).content)

    assert "Meetings held 0" in text
    assert "No meeting was held in this quarter." in text


@pytest.mark.parametrize(
    "params",
    [
        {"year": 2016, "quarter": 4},  # neither project nor region
        {"project": "not-a-number", "year": 2016, "quarter": 4},
        {"project": 1, "region": 1, "year": 2016, "quarter": 4},
        {"project": 1, "year": 2016, "quarter": 7},
        {"project": 1, "year": 1066, "quarter": 1},
    ],
)
def test_bad_form_input_is_a_form_error_not_a_crash(client, staff_user, project_a, params):
    response = _report(client, staff_user, **params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert 'class="field__errors"' in response.content.decode() or "form-errors" in (
        response.content.decode()
    )


def test_empty_form_is_shown_with_the_readers_projects(client, coordinator_a, project_b):
    response = _report(client, coordinator_a)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Project A" in page
    assert "Project B" not in page


def test_quarterly_report_of_50_meetings_has_a_sane_page_count(staff_user):
    from meetings.reports.documents import render_quarterly_report

    project = ProjectFactory()
    for day in range(50):
        meeting = MeetingFactory(
            starts_at=_on(10, 1) + datetime.timedelta(days=day), projects=[project]
        )
        AttendanceFactory.create_batch(2, meeting=meeting)

    content = render_quarterly_report(
        Meeting.objects.all(),
        quarter=Quarter(2016, 4),
        language="en",
        user=staff_user,
        project=project,
    )

    assert 3 <= page_count(content) <= 25
    assert "Meetings held 50 Participants 100" in pdf_text(content)


def test_quarter_bounds_follow_the_calendar():
    quarter = Quarter(2016, 4)

    assert quarter.first_day == datetime.date(2016, 10, 1)
    assert quarter.last_day == datetime.date(2016, 12, 31)
    assert quarter.next == Quarter(2017, 1)
    assert Quarter.containing(datetime.date(2016, 12, 7)) == quarter
    with pytest.raises(ValueError):
        Quarter(2016, 5)


# --- Counting right: follow-ups, people expected, people without an organisation


def test_decisions_are_not_counted_as_open_follow_ups(client, staff_user):
    project = ProjectFactory()
    meeting = MeetingFactory(title="Autumn meeting", starts_at=_on(11, 1), projects=[project])
    ActionItemFactory(meeting=meeting, text="Visit the Vaslui working point")
    ActionItemFactory(
        meeting=meeting, text="The centre opens on Saturdays", kind=ActionItemKind.DECISION
    )

    text = pdf_text(_report(client, staff_user, project=project.pk, year=2016, quarter=4).content)

    assert "Open follow-up actions 1" in text
    open_items = text.split("Open follow-up actions")[-1]
    assert "Visit the Vaslui working point" in open_items
    assert "The centre opens on Saturdays" not in open_items
    # The decision is still reported with its meeting.
    assert "The centre opens on Saturdays (Decision" in text


def test_a_planned_meeting_with_expected_people_says_so(client, staff_user):
    project = ProjectFactory()
    planned = MeetingFactory(
        title="December meeting",
        starts_at=_on(12, 7),
        projects=[project],
        status=MeetingStatus.PLANNED,
    )
    AttendanceFactory.create_batch(8, meeting=planned, presence=Presence.EXPECTED)

    quarterly = pdf_text(
        _report(client, staff_user, project=project.pk, year=2016, quarter=4).content
    )
    report = pdf_text(_meeting_report(planned, staff_user))

    assert "Planned, not yet marked as held" in quarterly
    assert "December meeting 8 people expected, not marked yet" in quarterly
    assert "Meetings held 0" in quarterly
    assert "8 people are expected; who came has not been marked yet." in report
    assert "No attendance was recorded." not in report


def test_people_without_an_organisation_are_not_one_more_organisation(staff_user):
    meeting = MeetingFactory()
    for number in range(4):
        AttendanceFactory(meeting=meeting, organisation=OrganisationFactory(name=f"NGO {number}"))
    AttendanceFactory(meeting=meeting, person_name="Ana Independent", organisation=None)

    text = pdf_text(_meeting_report(meeting, staff_user))

    assert "5 people attended, from 4 organisations." in text
    # The table still shows the person, under "no organisation given".
    assert "No organisation given 1" in text


def test_quarterly_table_counts_organisations_without_the_unaffiliated(client, staff_user):
    project = ProjectFactory()
    meeting = MeetingFactory(title="October meeting", starts_at=_on(10, 5), projects=[project])
    for number in range(4):
        AttendanceFactory(meeting=meeting, organisation=OrganisationFactory(name=f"NGO {number}"))
    AttendanceFactory(meeting=meeting, organisation=None)

    text = pdf_text(_report(client, staff_user, project=project.pk, year=2016, quarter=4).content)

    assert "Organisations taking part 4" in text
    assert re.search(r"October meeting .* 5 4 ", text)


def test_the_attendance_heading_is_never_alone_at_the_bottom_of_a_page(staff_user):
    """Minutes of growing length push the Attendance heading down the first page until it
    moves to the next. On the way it reaches the page's end, where the heading and the line
    counting who came once stood alone, the list of names starting overleaf; wherever it lands,
    the first person of the list is on the heading's page."""
    meeting = MeetingFactory()
    for name in ("Ana Albu", "Bogdan Barbu", "Carmen Cosma"):
        AttendanceFactory(meeting=meeting, person_name=name)
    heading_pages = []
    for lines in range(19, 48):
        meeting.minutes = "A line of the minutes.\n" * lines
        meeting.save()
        reader = read_pdf(_meeting_report(meeting, staff_user))
        for number, page in enumerate(reader.pages):
            text = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            if "Attendance" in text:
                heading_pages.append(number)
                following = " ".join(text[text.index("Attendance") + 1 :])
                assert "3 people attended" in following, (lines, number, text[-5:])
                assert "1 Ana Albu" in following, (lines, number, text[-5:])
        if heading_pages[-1] > 0:
            break
    # The heading did reach the next page, so it went past the end of the first.
    assert heading_pages[0] == 0
    assert heading_pages[-1] == 1


def _meeting_report(meeting, user) -> bytes:
    from meetings.reports.documents import render_meeting_reports
    from meetings.reports.queries import with_report_details

    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()
    return render_meeting_reports([meeting], language="en", user=user)


# --- Reached from the back office


def test_quarterly_report_is_linked_from_the_dashboard_project_and_region_pages(
    client, staff_user, project_a
):
    region = RegionFactory(name="Regiunea 2", slug="region-2-links", kind="region")
    client.force_login(staff_user)
    form_url = reverse("meetings:quarterly-report")

    dashboard = client.get(reverse("admin:index")).content.decode()
    project_page = client.get(
        reverse("admin:projects_project_change", args=[project_a.pk])
    ).content.decode()
    region_page = client.get(
        reverse("admin:partners_region_change", args=[region.pk])
    ).content.decode()

    assert f'href="{form_url}"' in dashboard
    assert f'href="{form_url}?project={project_a.pk}"' in project_page
    assert f'href="{form_url}?region={region.pk}"' in region_page


def test_editors_are_not_offered_the_report(client, editor, project_a):
    client.force_login(editor)

    page = client.get(reverse("admin:projects_project_change", args=[project_a.pk]))

    assert reverse("meetings:quarterly-report") not in page.content.decode()


def test_the_form_opened_from_a_project_page_has_it_and_this_quarter_chosen(
    client, staff_user, project_a
):
    from django.utils import timezone

    quarter = Quarter.containing(timezone.localdate())
    client.force_login(staff_user)

    response = client.get(reverse("meetings:quarterly-report"), {"project": project_a.pk})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<option value="{project_a.pk}" selected>' in page
    assert f'<option value="{quarter.year}" selected>' in page
