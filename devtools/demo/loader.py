from dataclasses import dataclass, field

from django.db import transaction

from devtools.demo.accounts import load_demo_accounts
from devtools.demo.meetings import load_meetings
from devtools.demo.organisations import load_centres, load_organisations
from devtools.demo.places import load_regions
from devtools.demo.projects import load_programmes, load_projects
from projects.coverage import refreshed_once


@dataclass
class DemoSummary:
    regions: int
    organisations: int
    centres: int
    programmes: int
    projects: int
    meetings: int
    accounts: list[str] = field(default_factory=list)


def load_demo(*, with_accounts: bool) -> DemoSummary:
    """Create or update the demo rows; running it again changes nothing.

    Side effects: upserts regions, organisations, centres, programmes, projects, meetings and
    their links by slug; with `with_accounts`, also the demo users and their roles.
    """
    with transaction.atomic(), refreshed_once():
        regions = load_regions()
        organisations = load_organisations(regions)
        centres = load_centres(regions, organisations)
        programmes = load_programmes(organisations)
        projects = load_projects(
            programmes=programmes, regions=regions, organisations=organisations, centres=centres
        )
        meetings = load_meetings(regions=regions, organisations=organisations, projects=projects)
        accounts = load_demo_accounts(projects) if with_accounts else []
    return DemoSummary(
        regions=len(regions),
        organisations=len(organisations),
        centres=len(centres),
        programmes=len(programmes),
        projects=len(projects),
        meetings=len(meetings),
        accounts=accounts,
    )
