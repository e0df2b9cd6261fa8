"""The reports' table header cells are tagged as column or row headers (PDF/UA-1, 7.5)."""

import io

import pikepdf
import pytest

from meetings.models import Meeting
from meetings.reports.documents import render_meeting_reports
from meetings.reports.queries import with_report_details
from tests.factories import AttendanceFactory, MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _structure_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the PDF's structure tree, depth first."""
    found, pending = [], [pdf.Root.StructTreeRoot]
    while pending:
        node = pending.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and str(kid.get("/Type")) != "/OBJR":
                found.append(kid)
                pending.append(kid)
    return found


def _header_scopes(content: bytes) -> list[tuple[str, str]]:
    """(owner, scope) of every table header cell (TH) in the structure tree."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        headers = [e for e in _structure_elements(pdf) if str(e.get("/S")) == "/TH"]
        return [(str(th.A.get("/O")), str(th.A.get("/Scope"))) for th in headers]


def test_meeting_report_marks_column_and_row_headers(staff_user):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, organisation=OrganisationFactory())
    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()

    scopes = _header_scopes(render_meeting_reports([meeting], language="en", user=staff_user))

    assert scopes, "the report has no tagged header cells"
    assert ("/Table", "/Column") in scopes  # "No.", "Name", "Organisation"…
    assert ("/Table", "/Row") in scopes  # "Total" in the footer of the per-organisation table
    assert all(scope in {"/Column", "/Row"} for _owner, scope in scopes), scopes
