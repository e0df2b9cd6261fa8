"""Counts in the PDF reports take the noun's singular or plural form."""

import pytest

from meetings.models import Meeting
from meetings.reports.documents import render_meeting_reports
from meetings.reports.queries import with_report_details
from tests.factories import AttendanceFactory, MeetingFactory, OrganisationFactory
from tests.meetings.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db


def _report_text(meeting, user) -> str:
    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()
    return pdf_text(render_meeting_reports([meeting], language="en", user=user))


def test_meeting_report_counts_one_person_from_one_organisation_in_the_singular(staff_user):
    meeting = MeetingFactory()
    AttendanceFactory(meeting=meeting, organisation=OrganisationFactory())

    text = _report_text(meeting, staff_user)

    assert "1 person attended, from 1 organisation." in text


def test_meeting_report_counts_people_from_one_organisation(staff_user):
    meeting = MeetingFactory()
    ngo = OrganisationFactory()
    AttendanceFactory(meeting=meeting, organisation=ngo)
    AttendanceFactory(meeting=meeting, organisation=ngo)

    text = _report_text(meeting, staff_user)

    assert "2 people attended, from 1 organisation." in text
