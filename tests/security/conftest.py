import contextlib
import datetime
import io
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from accounts.roles import Role
from meetings.enums import MeetingStatus
from tests.factories import (
    ActionItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    ContactFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    UserFactory,
)

ROLES = ["anonymous", "staff", "editor", "coordinator_a", "coordinator_b", "administrator"]

# Private facts planted in the data, and the roles entitled to see each. Everyone else must
# never meet them: not on a page, in a feed, calendar, search result, sitemap or PDF.
MARKERS = {
    "marker.attendee.a@example.org": {"staff", "administrator", "coordinator_a"},
    "marker.attendee.b@example.org": {"staff", "administrator", "coordinator_b"},
    "+40 799 123 456": {"staff", "administrator", "coordinator_a", "coordinator_b"},
    "Marker private annex of A": {"staff", "administrator", "coordinator_a"},
    "Marker draft meeting of A": {"staff", "administrator", "coordinator_a"},
    "Marker draft meeting of B": {"staff", "administrator", "coordinator_b"},
    # A contact of an organisation that only project A works with.
    "marker.contact.a@example.org": {"staff", "administrator", "coordinator_a"},
    # An open follow-up of a B-only meeting, carried to the meeting A and B share.
    "Marker follow-up of B": {"staff", "administrator", "coordinator_b"},
}


@pytest.fixture(autouse=True)
def _english_and_fresh_cache():
    """URLs reversed in English whatever page an earlier test opened; no cached pages."""
    translation.activate("en")
    cache.clear()
    yield
    cache.clear()
    translation.activate("en")


@dataclass
class PlantedWorld:
    meetings: list
    shared_meeting: object
    private_attachment: object
    public_attachment: object

    def direct_urls(self) -> list[str]:
        """Addresses someone could guess or keep from a link: each must check who asks."""
        urls = []
        for meeting in self.meetings:
            for name in [
                "meetings:meeting-detail",
                "meetings:meeting-ical",
                "meetings:meeting-report-pdf",
                "meetings:meeting-attendance-pdf",
            ]:
                with contextlib.suppress(NoReverseMatch):
                    urls.append(reverse(name, kwargs={"slug": meeting.slug}))
            urls.append(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
        for attachment in [self.private_attachment, self.public_attachment]:
            urls += [attachment.get_absolute_url(), attachment.file.url]
        return urls


@pytest.fixture
def planted_world(db, project_a, project_b, meeting_a, meeting_b):
    """The demo data, plus meetings of projects A and B holding the private markers."""
    call_command("load_demo", stdout=io.StringIO())
    organisation = OrganisationFactory(name="Organisation of project A")
    ParticipationFactory(project=project_a, organisation=organisation)
    contact = ContactFactory(
        organisation=organisation, name="Contact of A", phone="+40 799 123 456"
    )
    AttendanceFactory(
        meeting=meeting_a,
        contact=contact,
        person_name="Attendee of A",
        email="marker.attendee.a@example.org",
        organisation=organisation,
    )
    AttendanceFactory(
        meeting=meeting_b, person_name="Attendee of B", email="marker.attendee.b@example.org"
    )
    partner_of_a = OrganisationFactory(name="Partner of project A only")
    ParticipationFactory(project=project_a, organisation=partner_of_a)
    ContactFactory(
        organisation=partner_of_a, name="Contact of A only", email="marker.contact.a@example.org"
    )
    meeting_b.starts_at = datetime.datetime(2016, 1, 5, 10, tzinfo=datetime.UTC)
    meeting_b.save()
    ActionItemFactory(meeting=meeting_b, text="Marker follow-up of B")
    shared = MeetingFactory(
        title="Shared meeting of A and B",
        slug="shared-meeting-of-a-and-b",
        starts_at=datetime.datetime(2016, 4, 5, 10, tzinfo=datetime.UTC),
        projects=[project_a, project_b],
    )
    drafts = [
        MeetingFactory(
            title=f"Marker draft meeting of {letter}",
            slug=f"draft-of-{letter.lower()}",
            status=MeetingStatus.DRAFT,
            is_published=False,
            projects=[project],
        )
        for letter, project in [("A", project_a), ("B", project_b)]
    ]
    AttendanceFactory(meeting=drafts[0], email="marker.attendee.a@example.org")
    private = AttachmentFactory(meeting=meeting_a, title="Marker private annex of A")
    public = AttachmentFactory(meeting=meeting_a, title="Public agenda of A", is_public=True)
    return PlantedWorld(
        meetings=[meeting_a, meeting_b, shared, *drafts],
        shared_meeting=shared,
        private_attachment=private,
        public_attachment=public,
    )


@pytest.fixture
def role_user(request, db, staff_user, editor, coordinator_a, coordinator_b):
    """The signed-in user of the role named by the test's `role` parameter (None: anonymous)."""
    role = request.getfixturevalue("role")
    if role == "anonymous":
        return None
    if role == "administrator":
        return UserFactory(email="administrator@example.org", role=Role.ADMINISTRATOR)
    return {
        "staff": staff_user,
        "editor": editor,
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
    }[role]
