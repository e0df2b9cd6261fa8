"""The meetings shown on organisation, region and project pages."""

from django.urls import reverse

from core.deferral import without_long_texts
from core.sections import Section, page_sections
from core.views import first_rows, list_url
from meetings.models import Meeting
from meetings.outputs import output_progress_of
from partners.models import Organisation, Region
from projects.models import Project

# The latest meetings an organisation or region page previews; the filtered list holds them all.
RELATED_LIMIT = 12
TIMELINE_LIMIT = 100
# A meeting's card shows its summary; none of its other long texts, nor its places' and host's.
CARD_TEXTS = ("summary",)
PLACES = ("city", "host")


def _latest_published(meetings) -> tuple[list[Meeting], bool]:
    """The latest RELATED_LIMIT published meetings among `meetings`, as cards show them:
    without the minutes or the places' and host's long texts."""
    cards = without_long_texts(meetings.published().for_list(), *PLACES, keep=CARD_TEXTS)
    return first_rows(cards.order_by("-starts_at"), RELATED_LIMIT)


@page_sections.register("partners:organisation", order=20)
def meetings_of_organisation(organisation: Organisation) -> list[Section]:
    meetings, more = _latest_published(Meeting.objects.involving(organisation))
    url = list_url(reverse("meetings:meeting-list"), organisation=organisation.slug)
    return [
        Section(
            "meetings",
            "meetings/sections/organisation_meetings.html",
            meetings,
            has_more=more,
            list_url=url,
        )
    ]


@page_sections.register("partners:region", order=30)
def meetings_in_region(region: Region) -> list[Section]:
    meetings, more = _latest_published(Meeting.objects.within(region))
    url = list_url(reverse("meetings:meeting-list"), region=region.slug)
    return [
        Section(
            "meetings",
            "meetings/sections/region_meetings.html",
            meetings,
            has_more=more,
            list_url=url,
        )
    ]


@page_sections.register("projects:project", order=10)
def meetings_of_project(project: Project) -> list[Section]:
    """The project's timeline of meetings, then the public documents those meetings hold."""
    # The timeline names each meeting, its kind, time and city: none of the long texts.
    meetings, more = first_rows(
        without_long_texts(
            project.meetings.published().for_list().with_public_attachments(),
            *PLACES,
        ).order_by("starts_at"),
        TIMELINE_LIMIT,
    )
    url = list_url(reverse("meetings:meeting-list"), project=project.slug)
    documents = [attachment for meeting in meetings for attachment in meeting.public_attachments]
    return [
        Section(
            "meetings",
            "meetings/sections/project_meetings.html",
            meetings,
            has_more=more,
            list_url=url,
        ),
        Section("documents", "meetings/sections/project_documents.html", documents),
    ]


@page_sections.register("projects:project", order=5)
def output_progress_of_project(project: Project) -> list[Section]:
    """Each planned output beside what the project's published, held meetings delivered."""
    progress = output_progress_of(project)
    if not progress:
        return []
    return [Section("outputs", "meetings/sections/project_outputs.html", progress)]


# --- Tools on the back office's project and region pages


def _quarterly_report_tool(**scope) -> list[Section]:
    url = list_url(reverse("meetings:quarterly-report"), **scope)
    return [
        Section(
            "quarterly-report",
            "admin/meetings/includes/quarterly_report_tool.html",
            [],
            list_url=url,
        )
    ]


@page_sections.register("admin:projects:project", order=10)
def quarterly_report_of_project(project: Project) -> list[Section]:
    return _quarterly_report_tool(project=project.pk)


@page_sections.register("admin:partners:region", order=10)
def quarterly_report_of_region(region: Region) -> list[Section]:
    return _quarterly_report_tool(region=region.pk)
