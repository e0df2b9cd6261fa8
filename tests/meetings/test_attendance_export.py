"""The attendance list as XLSX, from the meeting's back-office page, scoped like the PDF sheet."""

import io

import openpyxl
import pytest
from django.urls import reverse

from meetings.enums import Presence
from tests.factories import AttendanceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _url(meeting) -> str:
    return reverse("meetings:meeting-attendance-xlsx", kwargs={"slug": meeting.slug})


def _rows(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return list(sheet.iter_rows(values_only=True))


def test_the_xlsx_opens_and_holds_every_attendee(client, coordinator_a, meeting_a):
    ngo = OrganisationFactory(name="Asociația Română pentru Refugiați")
    AttendanceFactory(meeting=meeting_a, person_name="Ștefan Țîrcă", organisation=ngo)
    AttendanceFactory(
        meeting=meeting_a, person_name="Maria Pop", organisation=None, presence=Presence.EXCUSED
    )
    AttendanceFactory.create_batch(40, meeting=meeting_a, presence=Presence.EXPECTED)
    client.force_login(coordinator_a)

    response = client.get(_url(meeting_a))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="meeting-of-a-attendance.xlsx"'
    rows = _rows(response.content)
    assert rows[0] == ("Meeting of A", None, None, None, None, None)
    header = rows.index(("No.", "Name", "Organisation", "Position", "E-mail", "Presence"))
    people = rows[header + 1 :]
    assert len(people) == 42
    assert [row[0] for row in people] == list(range(1, 43))
    by_name = {row[1]: row for row in people}
    assert by_name["Ștefan Țîrcă"][2] == "Asociația Română pentru Refugiați"
    assert by_name["Maria Pop"][2:] == (None, None, by_name["Maria Pop"][4], "Excused")


def test_a_name_that_looks_like_a_formula_stays_text(client, coordinator_a, meeting_a):
    AttendanceFactory(meeting=meeting_a, person_name='=HYPERLINK("http://x.example","y")')
    client.force_login(coordinator_a)

    sheet = openpyxl.load_workbook(io.BytesIO(client.get(_url(meeting_a)).content)).active

    cell = next(c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value))
    assert cell.data_type == "s"


def test_the_meeting_page_links_the_xlsx(client, coordinator_a, meeting_a):
    client.force_login(coordinator_a)

    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting_a.pk]))

    assert f'href="{_url(meeting_a)}"' in page.content.decode()


def test_staff_may_export_like_the_pdf_sheet(client, staff_user, meeting_a):
    AttendanceFactory(meeting=meeting_a, person_name="Ana Ionescu")
    client.force_login(staff_user)

    assert "Ana Ionescu" in str(_rows(client.get(_url(meeting_a)).content))


@pytest.mark.parametrize("who", ["coordinator_b", "editor"])
def test_others_get_404(request, client, who, meeting_a):
    AttendanceFactory(meeting=meeting_a)
    client.force_login(request.getfixturevalue(who))

    assert client.get(_url(meeting_a)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, meeting_a):
    assert client.get(_url(meeting_a)).status_code == 302
