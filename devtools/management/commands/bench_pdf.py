"""Time the PDF reports on made-up data that is rolled back afterwards.

Prints one ``name: value unit`` line per figure, so runs can be compared or parsed.
"""

import datetime
import statistics
import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled
from weasyprint.document import Document

from core.quarters import Quarter
from meetings.enums import MeetingKind, MeetingStatus, Presence, ProjectRoleInMeeting
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingProject,
    PreparedReport,
)
from meetings.reports.documents import layout_meeting_reports, layout_quarterly_report
from meetings.reports.queries import with_report_details
from meetings.reports.rendering import layout_html, write_pdf
from partners.enums import OrganisationKind, RegionKind
from partners.models import Organisation, Region
from projects.enums import Fund
from projects.models import FundingProgramme, Project

PREFIX = "bench-pdf"
BASELINE_HTML = (
    '<html lang="en"><head><title>Baseline</title></head>'
    "<body><h1>Baseline</h1><p>One page, no fonts of our own, no images.</p></body></html>"
)


#: The queue as production has it: a job is a row in the portal's database.
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Time the meeting report (100 attendees), quarterly report (50 meetings) and a baseline, "
        "and the request that queues the quarterly report for a background worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3, help="Runs per figure (median kept).")
        parser.add_argument("--language", default="ro")

    def handle(self, *args, repeat: int, language: str, **options):
        self.repeat = max(repeat, 1)
        # Made-up rows, written and printed for a made-up user who holds no role.
        try:
            with scopes_disabled(), transaction.atomic():
                self.run(language)
                raise Rollback
        except Rollback:
            pass

    def run(self, language: str) -> None:
        # Saved (and rolled back with the rest): the role checks read its groups.
        user = get_user_model().objects.create(email=f"{PREFIX}@example.org", full_name="Benchmark")
        quarter = Quarter(2016, 4)
        project = self.make_project()
        organisations = self.make_organisations(20)
        big = self.make_meeting(project, 0, quarter, organisations, attendees=100)
        for number in range(1, 50):
            self.make_meeting(project, number, quarter, organisations, attendees=25)
        big = with_report_details(Meeting.objects.filter(pk=big.pk)).get()

        self.measure("baseline_one_page", lambda: [layout_html(BASELINE_HTML)])
        self.measure(
            "meeting_report_100_attendees",
            lambda: layout_meeting_reports([big], language=language, user=user),
        )
        self.measure(
            "quarterly_report_50_meetings",
            lambda: [
                layout_quarterly_report(
                    Meeting.objects.all(),
                    quarter=quarter,
                    language=language,
                    user=user,
                    project=project,
                )
            ],
        )
        self.measure_queueing(quarter, project, language)

    def measure_queueing(self, quarter: Quarter, project: Project, language: str) -> None:
        """Time the request that asks for the 50-meeting quarterly report now that a worker
        prepares it: the form is checked and the job queued, nothing is rendered. Before, that
        request took ``quarterly_report_50_meetings`` and more (the render, in a forked process)."""
        admin = get_user_model().objects.create(
            email=f"{PREFIX}-admin@example.org", is_superuser=True, is_staff=True
        )
        client = Client()
        client.force_login(admin)
        with translation.override(language):
            url = reverse("meetings:quarterly-report")
        form = {"project": project.pk, "year": quarter.year, "quarter": quarter.number}
        timings = []
        with override_settings(TASKS=DATABASE_QUEUE, PORTAL_REQUIRE_2FA=False):
            for _run in range(self.repeat):
                started = time.perf_counter()
                response = client.post(url, form, secure=True)  # as behind the TLS proxy
                timings.append(time.perf_counter() - started)
                if response.status_code != 303:
                    raise RuntimeError(f"Queueing the report answered {response.status_code}")
        queued = PreparedReport.objects.filter(requested_by=admin)
        if queued.exclude(status=PreparedReport.Status.QUEUED).exists():
            raise RuntimeError("The report was prepared in the request instead of queued")
        self.stdout.write(
            f"quarterly_report_50_meetings_queue_request: {statistics.median(timings):.3f} s"
        )

    def measure(self, name: str, layout: Callable[[], list[Document]]) -> None:
        """Time the whole render (queries, template, layout, PDF) and report its size."""
        timings = []
        for _run in range(self.repeat):
            started = time.perf_counter()
            documents = layout()
            pdf = write_pdf(documents)
            timings.append(time.perf_counter() - started)
        self.stdout.write(f"{name}: {statistics.median(timings):.3f} s")
        self.stdout.write(f"{name}_pages: {sum(len(d.pages) for d in documents)} pages")
        self.stdout.write(f"{name}_size: {len(pdf) / 1024:.1f} KiB")

    def make_project(self) -> Project:
        programme = FundingProgramme.objects.create(
            name="Benchmark programme", slug=f"{PREFIX}-programme", fund=Fund.AMIF_NATIONAL
        )
        return Project.objects.create(
            title="INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2",
            acronym="INTEGRARE+",
            slug=f"{PREFIX}-project",
            programme=programme,
            reference="FAMI/15.03.02",
        )

    def make_organisations(self, count: int) -> list[Organisation]:
        kinds = list(OrganisationKind)
        return Organisation.objects.bulk_create(
            Organisation(
                name=f"Organizația {number} din Constanța",
                slug=f"{PREFIX}-organisation-{number}",
                kind=kinds[number % len(kinds)],
            )
            for number in range(count)
        )

    def make_meeting(
        self, project: Project, number: int, quarter: Quarter, organisations, *, attendees: int
    ) -> Meeting:
        city = Region.objects.filter(kind=RegionKind.CITY).first()
        starts_at = quarter.starts_at + datetime.timedelta(days=number % 90, hours=10)
        meeting = Meeting.objects.create(
            title=f"Ședința de coordonare nr. {number + 1}, Instituția Prefectului Constanța",
            slug=f"{PREFIX}-meeting-{number}",
            kind=MeetingKind.QUARTERLY_COORDINATION,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=3),
            status=MeetingStatus.HELD,
            city=city,
            venue="Sala de conferințe",
            summary="Rezultatele centrelor regionale și rolul comunităților locale. " * 4,
            minutes="Participanții au discutat cooperarea locală și regională.\n" * 12,
        )
        MeetingProject.objects.create(
            meeting=meeting, project=project, role=ProjectRoleInMeeting.ORGANISER
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, order=order, title=f"Punctul {order} al agendei")
            for order in range(6)
        )
        Attendance.objects.bulk_create(
            Attendance(
                meeting=meeting,
                person_name=f"Participant {person} Țăranu-Șerban",
                organisation=organisations[person % len(organisations)],
                position="Expert",
                presence=Presence.ATTENDED,
            )
            for person in range(attendees)
        )
        ActionItem.objects.bulk_create(
            ActionItem(
                meeting=meeting,
                text=f"Acțiunea {item} de urmărire",
                responsible_organisation=organisations[item],
                due_date=timezone.localdate(),
            )
            for item in range(3)
        )
        return meeting
