"""Private data never reaches a public page, feed, calendar, search result or sitemap."""

import pytest

from meetings.enums import MeetingStatus
from meetings.models import Meeting
from partners.models import Organisation
from tests.factories import (
    AttachmentFactory,
    AttendanceFactory,
    ContactFactory,
    MeetingFactory,
    ProjectFactory,
)
from tests.public.conftest import crawl

pytestmark = pytest.mark.django_db

MARKER_EMAIL = "leak.marker@example.org"
MARKERS = [
    MARKER_EMAIL,
    "Zenobia Leakmarker",  # an attendee's and a contact's name
    "+40 799 LEAK",  # a contact's phone
    "Leakmarker private attachment",
    "Leakmarker unpublished meeting",
    "Leakmarker draft meeting",
    "Leakmarker unpublished project",
]


@pytest.fixture
def planted(demo):
    meeting = Meeting.objects.get(slug="integrare-plus-quarterly-meeting-constanta-2016")
    organisation = Organisation.objects.get(slug="world-vision-romania")
    AttendanceFactory(
        meeting=meeting,
        person_name="Zenobia Leakmarker",
        email=MARKER_EMAIL,
        organisation=organisation,
    )
    ContactFactory(
        organisation=organisation,
        name="Zenobia Leakmarker",
        email=MARKER_EMAIL,
        phone="+40 799 LEAK",
    )
    AttachmentFactory(meeting=meeting, title="Leakmarker private attachment", is_public=False)
    MeetingFactory(
        title="Leakmarker unpublished meeting", slug="leak-unpublished", is_published=False
    )
    MeetingFactory(
        title="Leakmarker draft meeting",
        slug="leak-draft",
        status=MeetingStatus.DRAFT,
        is_published=True,
    )
    ProjectFactory(title="Leakmarker unpublished project", slug="leak-project", is_published=False)


def _public_responses(client) -> dict:
    starts = [f"/{language}/" for language in ("en", "ro", "bg")]
    pages = crawl(client, starts)
    extra = [
        "/robots.txt",
        "/sitemap.xml",
        *(
            f"/sitemap-{section}.xml"
            for section in ("pages", "projects", "organisations", "regions", "centres", "meetings")
        ),
        "/en/meetings/feed/",
        "/en/meetings/feed/rss/",
        "/ro/meetings/feed/",
        "/en/meetings/calendar.ics",
        "/en/meetings/integrare-plus-quarterly-meeting-constanta-2016/calendar.ics",
        "/en/meetings/leak-unpublished/",
        "/en/meetings/leak-draft/",
        "/en/meetings/leak-draft/calendar.ics",
        "/en/projects/leak-project/",
        *(
            f"/en/search/?q={word}"
            for word in ("leakmarker", "zenobia", "leak.marker", "example.org", "799")
        ),
        "/en/projects/?q=leakmarker",
        "/en/meetings/?q=leakmarker",
        "/en/organisations/?q=zenobia",
    ]
    for path in extra:
        pages[path] = client.get(path)
    return pages


def _body(response) -> bytes:
    # Downloads (CSV) are streamed.
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_private_markers_never_appear_on_public_pages(client, planted):
    pages = _public_responses(client)

    leaks = [
        (path, marker)
        for path, response in pages.items()
        for marker in MARKERS
        if marker.lower() in _body(response).decode(errors="replace").lower()
    ]
    assert leaks == []
    assert len(pages) > 100  # the crawl reached the site, not just the home page
    assert not [path for path, response in pages.items() if response.status_code >= 500]


def test_hidden_items_are_not_found(client, planted):
    for path in (
        "/en/meetings/leak-unpublished/",
        "/en/meetings/leak-draft/",
        "/en/meetings/leak-draft/calendar.ics",
        "/en/projects/leak-project/",
    ):
        assert client.get(path).status_code == 404


def test_private_attachment_cannot_be_downloaded_by_the_public(client, planted):
    attachment = Meeting.objects.get(
        slug="integrare-plus-quarterly-meeting-constanta-2016"
    ).attachments.get(title="Leakmarker private attachment")

    assert client.get(attachment.get_absolute_url()).status_code == 404
