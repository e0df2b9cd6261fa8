"""The PDF reports write dates and times as their language does (core/formats)."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.models import Meeting
from meetings.reports.documents import render_meeting_reports
from meetings.reports.queries import with_report_details
from tests.factories import MeetingFactory, ProjectFactory
from tests.meetings.pdf_helpers import pdf_text, prepared_report

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def _quarterly_report_text(client, user, language: str) -> str:
    project = ProjectFactory(title="INTEGRARE+")
    MeetingFactory(
        title="December meeting",
        starts_at=datetime.datetime(2016, 12, 7, 10, tzinfo=BUCHAREST),
        projects=[project],
    )
    client.force_login(user)
    params = {"project": project.pk, "year": 2016, "quarter": 4}
    with translation.override(language):
        response = prepared_report(client, reverse("meetings:quarterly-report"), params)
    assert response.status_code == 200
    return pdf_text(response.content)


def test_quarterly_report_in_english_writes_day_month_year(client, staff_user):
    text = _quarterly_report_text(client, staff_user, "en")

    assert "7 December 2016" in text
    assert "1 October 2016 – 31 December 2016" in text
    assert "12/07/2016" not in text
    assert "Dec. 7, 2016" not in text


def test_quarterly_report_in_romanian_writes_months_in_lower_case(client, staff_user):
    text = _quarterly_report_text(client, staff_user, "ro")

    assert "7 decembrie 2016" in text
    assert "Decembrie" not in text


def test_bulgarian_report_stamp_uses_24_hour_time(staff_user):
    meeting = MeetingFactory()
    meeting = with_report_details(Meeting.objects.filter(pk=meeting.pk)).get()

    text = pdf_text(render_meeting_reports([meeting], language="bg", user=staff_user))

    # "Generated on 2 декември 2026 г., 16:05 by …", whatever the time of the run.
    assert re.search(r"\b\d{1,2} [а-я]+ \d{4} г\., \d{2}:\d{2}\b", text), text[-300:]
    assert "след обяд" not in text
    assert "преди обяд" not in text
