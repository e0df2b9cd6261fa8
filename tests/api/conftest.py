import datetime

import pytest
from django.utils import timezone

from meetings.enums import ActionItemKind, MeetingKind, MeetingStatus
from partners.enums import CentreKind, OrganisationKind, RegionKind
from projects.enums import ParticipationRole
from tests.factories import (
    BUCHAREST,
    ActionItemFactory,
    AgendaItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    CityFactory,
    ContactFactory,
    FundingProgrammeFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)

# Private facts planted beside the public ones: no API answer may carry them.
PRIVATE_MARKERS = [
    "marker.attendee@example.org",
    "Marker attendee name",
    "marker.contact@example.org",
    "+40 711 000 111",
    "Marker follow-up",
    "Marker private annex",
    "Marker draft meeting",
    "Marker unpublished project",
    "Marker unreviewed organisation",
]


@pytest.fixture
def network(db):
    """Two countries with cities, organisations, centres, projects of two programmes with
    partners, and meetings past and upcoming; plus drafts and private rows."""
    romania = RegionFactory(name="Romania", slug="romania", kind=RegionKind.COUNTRY, code="RO")
    bulgaria = RegionFactory(name="Bulgaria", slug="bulgaria", kind=RegionKind.COUNTRY)
    galati = CityFactory(name="Galați", slug="galati", parent=romania)
    sofia = CityFactory(name="Sofia", slug="sofia", parent=bulgaria)
    amif = FundingProgrammeFactory(name="AMIF national", slug="amif-national")
    esf = FundingProgrammeFactory(name="ESF+", slug="esf-plus")
    ngo = OrganisationFactory(name="Alpha NGO", slug="alpha-ngo", country=romania, city=galati)
    town = OrganisationFactory(
        name="Sofia Municipality",
        slug="sofia-municipality",
        kind=OrganisationKind.PUBLIC_AUTHORITY,
        country=bulgaria,
        city=sofia,
    )
    hidden = OrganisationFactory(
        name="Marker unreviewed organisation", slug="unreviewed", is_reviewed=False
    )
    today = timezone.localdate()
    ongoing = ProjectFactory(
        title="Ongoing project",
        title_ro="Proiect în desfășurare",
        official_title="Proiectul oficial",
        official_title_language="ro",
        slug="ongoing",
        programme=amif,
        start_date=today - datetime.timedelta(days=100),
        end_date=today + datetime.timedelta(days=100),
    )
    completed = ProjectFactory(title="Completed project", slug="completed", programme=esf)
    ProjectFactory(title="Marker unpublished project", slug="unpublished", is_published=False)
    ParticipationFactory(project=ongoing, organisation=ngo, role=ParticipationRole.BENEFICIARY)
    ParticipationFactory(project=ongoing, organisation=hidden, role=ParticipationRole.PARTNER)
    ParticipationFactory(project=completed, organisation=town, role=ParticipationRole.COORDINATOR)
    ContactFactory(organisation=ngo, email="marker.contact@example.org", phone="+40 711 000 111")
    IntegrationCentreFactory(
        name="Galați centre", slug="galati-centre", organisation=ngo, city=galati
    )
    IntegrationCentreFactory(
        name="Sofia centre",
        slug="sofia-centre",
        kind=CentreKind.WORKING_POINT,
        organisation=town,
        city=sofia,
        is_active=False,
    )
    past = MeetingFactory(
        title="Past meeting",
        slug="past-meeting",
        starts_at=datetime.datetime(2016, 1, 5, 10, tzinfo=BUCHAREST),
        city=galati,
        host=ngo,
        projects=[ongoing],
        summary="What was said",
    )
    MeetingFactory(
        title="Upcoming workshop",
        slug="upcoming-workshop",
        kind=MeetingKind.WORKSHOP,
        status=MeetingStatus.PLANNED,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        city=sofia,
        projects=[completed],
    )
    MeetingFactory(
        title="Marker draft meeting",
        slug="draft",
        status=MeetingStatus.DRAFT,
        is_published=False,
        projects=[ongoing],
    )
    AgendaItemFactory(meeting=past, title="Welcome and introductions")
    ActionItemFactory(meeting=past, kind=ActionItemKind.DECISION, text="Decided to meet again")
    ActionItemFactory(meeting=past, text="Marker follow-up")
    AttendanceFactory(
        meeting=past, person_name="Marker attendee name", email="marker.attendee@example.org"
    )
    AttachmentFactory(meeting=past, title="Public agenda", is_public=True)
    AttachmentFactory(meeting=past, title="Marker private annex")
    return {"past_meeting": past, "ongoing": ongoing, "ngo": ngo}
