"""A small public world with private rows and drafts beside it, for the downloads' tests."""

import csv
import datetime
import io
import zoneinfo
from dataclasses import dataclass

import openpyxl
import pytest

from meetings.enums import MeetingStatus
from partners.enums import RegionKind
from projects.enums import ParticipationRole
from tests.factories import (
    ActionItemFactory,
    AttendanceFactory,
    CityFactory,
    ContactFactory,
    IntegrationCentreFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    RegionFactory,
)

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")
# Private facts that no download may carry.
PRIVATE_MARKERS = [
    "marker.attendee@example.org",
    "marker.contact@example.org",
    "+40 799 000 111",
    "Marker follow-up action",
    "Marker draft project",
    "Marker draft meeting",
]


@dataclass
class OpenWorld:
    projects: list
    organisations: list
    centres: list
    meetings: list


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def xlsx_rows(response) -> list[dict]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = workbook.active.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def build_open_world(size: int, start: int = 0) -> OpenWorld:
    """`size` public rows of each list, numbered from `start`, plus a draft or unreviewed one
    and private rows; called again with a later `start`, it adds as many more."""
    country = RegionFactory(name="Romania", slug="romania", code="RO")
    county = RegionFactory(
        name="Constanța County", slug="constanta-county", kind=RegionKind.COUNTY, parent=country
    )
    city = CityFactory(name="Constanța", name_ro="Constanța", slug="constanta", parent=county)
    CityFactory(parent=county)
    organisations = [
        OrganisationFactory(
            name=f"Organisation {index}",
            slug=f"organisation-{index:02d}",
            country=country,
            city=city,
        )
        for index in range(start, start + size)
    ]
    # Shown by name where a centre it runs is shown, but not listed until reviewed.
    unreviewed = OrganisationFactory(
        name="Unreviewed organisation", slug=f"unreviewed-{start}", is_reviewed=False
    )
    ContactFactory(
        organisation=organisations[0], email="marker.contact@example.org", phone="+40 799 000 111"
    )
    projects = []
    for index in range(start, start + size):
        project = ProjectFactory(
            title=f"Project {index:02d}",
            title_ro=f"Proiectul {index:02d}",
            slug=f"project-{index:02d}",
            start_date=datetime.date(2020 + index % 3, 1, 1),
            end_date=datetime.date(2030, 12, 31),
            total_budget="1332240.00",
            eu_contribution="999180.00",
            currency="RON",
        )
        ParticipationFactory(
            project=project,
            organisation=organisations[index - start],
            role=ParticipationRole.BENEFICIARY,
        )
        ParticipationFactory(project=project, organisation=unreviewed)
        projects.append(project)
    ProjectFactory(title="Marker draft project", slug=f"draft-project-{start}", is_published=False)
    centres = [
        IntegrationCentreFactory(
            name=f"Centre {index:02d}",
            slug=f"centre-{index:02d}",
            organisation=organisations[index - start] if index != start else unreviewed,
            city=city,
            latitude="44.173300",
            longitude="28.638300",
        )
        for index in range(start, start + size)
    ]
    meetings = [
        MeetingFactory(
            title=f"Meeting {index:02d}",
            slug=f"meeting-{index:02d}",
            starts_at=datetime.datetime(2016, 1 + index % 12, 5, 10, tzinfo=BUCHAREST),
            city=city,
            host=organisations[index - start],
            projects=[projects[index - start]],
        )
        for index in range(start, start + size)
    ]
    draft = MeetingFactory(
        title="Marker draft meeting", status=MeetingStatus.DRAFT, is_published=False
    )
    for meeting in [meetings[0], draft]:
        AttendanceFactory(
            meeting=meeting, email="marker.attendee@example.org", organisation=organisations[0]
        )
    ActionItemFactory(meeting=meetings[0], text="Marker follow-up action")
    return OpenWorld(projects, organisations, centres, meetings)


@pytest.fixture
def open_world(db) -> OpenWorld:
    return build_open_world(5)
