"""A PDF that takes longer than PDF_RENDER_TIMEOUT_SECONDS to lay out is given up: the reader
gets a page saying so and what to do, and the web worker is free again when the time is up."""

import multiprocessing
import time

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = "This report is too large to prepare now"


def _url(name: str, meeting) -> str:
    with translation.override("en"):
        return reverse(f"meetings:{name}", kwargs={"slug": meeting.slug})


@pytest.mark.parametrize("report", ["meeting-report-pdf", "meeting-attendance-pdf"])
def test_a_report_over_its_time_budget_gets_a_503_page_and_the_next_one_renders(
    client, staff_user, settings, report
):
    meeting = MeetingFactory(slug="budgeted")
    client.force_login(staff_user)
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.01

    response = client.get(_url(report, meeting))

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert TOO_LARGE in page
    assert "fewer meetings" in page and "try again later" in page
    assert '<main id="main"' in page  # the site's own layout, not a bare error
    assert not multiprocessing.active_children(), "the abandoned render is stopped"

    settings.PDF_RENDER_TIMEOUT_SECONDS = 30
    response = client.get(_url(report, meeting))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


def test_a_heavy_report_frees_the_worker_when_its_time_is_up(client, staff_user, settings):
    light = MeetingFactory(slug="light")
    heavy = MeetingFactory(slug="heavy")
    # About 500,000 characters of agenda: several seconds of layout in one process.
    AgendaItemFactory.create_batch(100, meeting=heavy, description="Lorem ipsum dolor sit. " * 215)
    client.force_login(staff_user)
    settings.PDF_RENDER_TIMEOUT_SECONDS = 30
    assert client.get(_url("meeting-report-pdf", light)).status_code == 200
    settings.PDF_RENDER_TIMEOUT_SECONDS = 0.5

    started = time.monotonic()
    response = client.get(_url("meeting-report-pdf", heavy))
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert TOO_LARGE in response.content.decode()
    assert elapsed < 2.5, f"the worker was held {elapsed:.1f} s"
    assert not multiprocessing.active_children()
