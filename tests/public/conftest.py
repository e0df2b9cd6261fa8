"""Builders for the public-page tests: one object with `n` related rows of each kind."""

import datetime
import re
import zoneinfo

from meetings.enums import ActionItemKind, AttachmentKind, OrganisationRoleInMeeting
from partners.enums import RegionKind
from partners.models import Language, Region, Service, TargetGroup
from projects.enums import OutputKind, ParticipationRole
from projects.models import PlannedOutput, ProjectCentre, ProjectRegion, ThematicArea
from tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    CityFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    MeetingOrganisationFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def page_text(response) -> str:
    """The visible text of an HTML response's <main>, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    text = re.sub(r"<[^>]+>", " ", main)
    # Only ASCII whitespace: the non-breaking spaces of localized numbers stay.
    text = re.sub(r"[ \t\r\n]+", " ", text)
    return text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")


def build_project_with_related(n: int):
    """A project with n partners, places, centres, outputs, themes and meetings."""
    country = RegionFactory(name="Testland", slug="testland")
    project = ProjectFactory(title="Related project", slug="related-project")
    project.target_groups.set(TargetGroup.objects.all())
    for i in range(n):
        ParticipationFactory(project=project, role=ParticipationRole.PARTNER, partner_number=i + 1)
        city = CityFactory(name=f"Town {i}", slug=f"town-{i}", parent=country)
        ProjectRegion.objects.create(project=project, region=city)
        centre = IntegrationCentreFactory(city=city)
        ProjectCentre.objects.create(project=project, centre=centre)
        PlannedOutput.objects.create(project=project, kind=OutputKind.WORKSHOP, quantity=i + 1)
        theme = ThematicArea.objects.create(name=f"Theme {i}", slug=f"theme-{i}")
        project.thematic_areas.add(theme)
        meeting = MeetingFactory(projects=[project], city=city)
        AttachmentFactory(meeting=meeting, is_public=True, kind=AttachmentKind.MINUTES)
    return project


def build_organisation_with_related(n: int):
    organisation = OrganisationFactory(name="Busy organisation", slug="busy-organisation")
    for _ in range(n):
        ParticipationFactory(organisation=organisation, role=ParticipationRole.PARTNER)
        MeetingFactory(host=organisation)
        MeetingOrganisationFactory(
            organisation=organisation, role=OrganisationRoleInMeeting.ORGANISER
        )
        IntegrationCentreFactory(organisation=organisation)
    return organisation


def build_region_with_related(n: int):
    """A county with n cities, each with a project, a centre and a meeting."""
    country = RegionFactory(name="Testland", slug="testland")
    county = Region.objects.create(
        name="Test County", slug="test-county", kind=RegionKind.COUNTY, parent=country
    )
    for i in range(n):
        city = Region.objects.create(
            name=f"Town {i}", slug=f"town-{i}", kind=RegionKind.CITY, parent=county
        )
        project = ProjectFactory()
        ProjectRegion.objects.create(project=project, region=city)
        IntegrationCentreFactory(city=city, is_active=i % 2 == 0)
        MeetingFactory(city=city, projects=[project])
        OrganisationFactory(city=city)
    return county


def build_centre_with_related(n: int):
    centre = IntegrationCentreFactory(name="Busy centre", slug="busy-centre")
    centre.services.set(Service.objects.all())
    centre.target_groups.set(TargetGroup.objects.all())
    for i in range(n):
        language = Language.objects.create(code=f"x{i}", name=f"Language {i}")
        centre.languages.add(language)
        ProjectCentre.objects.create(project=ProjectFactory(), centre=centre)
    return centre


def build_meeting_with_related(n: int):
    meeting = MeetingFactory(
        title="Busy meeting",
        slug="busy-meeting",
        starts_at=datetime.datetime(2019, 10, 3, 10, tzinfo=BUCHAREST),
        city=CityFactory(),
        host=OrganisationFactory(),
        region=RegionFactory(),
    )
    for _ in range(n):
        AgendaItemFactory(meeting=meeting)
        MeetingOrganisationFactory(meeting=meeting)
        project = ProjectFactory()
        meeting.meeting_projects.create(project=project)
        AttachmentFactory(meeting=meeting, is_public=True)
        AttendanceFactory(meeting=meeting)
        ActionItemFactory(meeting=meeting, kind=ActionItemKind.DECISION)
        ActionItemFactory(meeting=meeting, kind=ActionItemKind.ACTION)
    return meeting


def build_many(factory, n: int, **kwargs):
    return [factory(**kwargs) for _ in range(n)]


HREF = re.compile(r'href="(/[^"#]*)"')
NOT_CRAWLED = ("/admin/", "/accounts/", "/attachments/", "/i18n/", "/static/", "/media/")


def crawl(client, start_paths: list[str], limit: int = 2000) -> dict[str, object]:
    """Follow every same-site link from `start_paths`; the responses by path.

    Links into the back office, downloads and static files are left out; query strings are
    kept, so filtered lists and pages of results are visited too.
    """
    seen: dict[str, object] = {}
    queue = list(start_paths)
    while queue and len(seen) < limit:
        path = queue.pop(0).replace("&amp;", "&")
        if path in seen or any(part in path for part in NOT_CRAWLED):
            continue
        response = client.get(path)
        seen[path] = response
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(HREF.findall(response.content.decode()))
    return seen
