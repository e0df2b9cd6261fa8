"""A project's planned outputs counted against what its held meetings delivered.

A meeting delivers for the projects that organise it. A held workshop counts one workshop and a
held conference one conference (OUTPUT_OF_MEETING_KIND); anything else a meeting delivered (an
action plan adopted, a staff exchange done, people reached) is recorded on it as an
AchievedOutput, which also overrides the one its kind implies ("3 workshops" for a day of three
parallel workshops). Planned, cancelled and draft meetings deliver nothing.

The counts take one query however many projects and kinds there are.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import ngettext_lazy

from core.quarters import Quarter
from meetings.enums import MeetingKind, MeetingStatus, ProjectRoleInMeeting
from meetings.models import AchievedOutput, Meeting, MeetingProject
from projects.enums import OUTPUT_QUANTITIES, OutputKind
from projects.models import Project
from projects.views import format_percent

OUTPUT_OF_MEETING_KIND = {
    MeetingKind.WORKSHOP: OutputKind.WORKSHOP,
    MeetingKind.CONFERENCE: OutputKind.CONFERENCE,
}

# "9 workshops held", "2 action plans adopted": a whole phrase per kind, so that each language
# can make the participle agree with its noun.
DELIVERED_QUANTITIES = {
    OutputKind.WORKSHOP: ngettext_lazy(
        "%(count)s workshop held", "%(count)s workshops held", "count"
    ),
    OutputKind.STAFF_EXCHANGE: ngettext_lazy(
        "%(count)s staff exchange done", "%(count)s staff exchanges done", "count"
    ),
    OutputKind.ACTION_PLAN: ngettext_lazy(
        "%(count)s action plan adopted", "%(count)s action plans adopted", "count"
    ),
    OutputKind.SMALL_GRANT: ngettext_lazy(
        "%(count)s small grant awarded", "%(count)s small grants awarded", "count"
    ),
    OutputKind.ASSESSMENT: ngettext_lazy(
        "%(count)s assessment done", "%(count)s assessments done", "count"
    ),
    OutputKind.STRATEGY: ngettext_lazy(
        "%(count)s integration strategy adopted",
        "%(count)s integration strategies adopted",
        "count",
    ),
    OutputKind.CONFERENCE: ngettext_lazy(
        "%(count)s conference held", "%(count)s conferences held", "count"
    ),
    OutputKind.REPORT: ngettext_lazy(
        "%(count)s report published", "%(count)s reports published", "count"
    ),
    OutputKind.PEOPLE_REACHED: ngettext_lazy(
        "%(count)s person reached", "%(count)s people reached", "count"
    ),
    OutputKind.PEOPLE_SUPPORTED: ngettext_lazy(
        "%(count)s person supported", "%(count)s people supported", "count"
    ),
    OutputKind.OTHER: ngettext_lazy(
        "%(count)s other output delivered", "%(count)s other outputs delivered", "count"
    ),
}


@dataclass(frozen=True)
class OutputProgress:
    """One kind of output of a project: how many were planned and how many delivered."""

    kind: str
    planned: int
    delivered: int
    descriptions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The kind's name: "Workshops"."""
        return str(OutputKind(self.kind).label)

    @property
    def planned_label(self) -> str:
        """ "14 workshops", in the page's language and plural forms."""
        return OUTPUT_QUANTITIES[self.kind] % {"count": self.planned}

    @property
    def delivered_label(self) -> str:
        """ "9 workshops held"."""
        return DELIVERED_QUANTITIES[self.kind] % {"count": self.delivered}

    @property
    def share(self) -> Decimal | None:
        """Delivered as a share of planned (0.64), at most 1; None when nothing was planned."""
        if not self.planned:
            return None
        return min(Decimal(self.delivered) / Decimal(self.planned), Decimal(1))

    @property
    def share_label(self) -> str:
        """ "64%" ("64 %" in Romanian), in whole percents; empty when nothing was planned."""
        share = self.share
        if share is None:
            return ""
        return format_percent(share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    def as_dict(self) -> dict:
        return {"kind": self.kind, "planned": self.planned, "delivered": self.delivered}


def public_held_meetings() -> models.QuerySet[Meeting]:
    """The meetings whose outputs anyone may see counted: published and held."""
    return Meeting.objects.published().filter(status=MeetingStatus.HELD)


def delivered_counts(
    projects: Iterable[Project], *, among: models.QuerySet[Meeting] | None = None
) -> dict[int, dict[str, int]]:
    """{project id: {output kind: number delivered}} by the held meetings the projects
    organise, taken from `among` (by default the public ones: published and held)."""
    held = public_held_meetings() if among is None else among.filter(status=MeetingStatus.HELD)
    organised = MeetingProject.objects.filter(
        project__in=[project.pk for project in projects],
        role=ProjectRoleInMeeting.ORGANISER,
        meeting__in=held.values("pk"),
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    implied_kind = models.Case(
        *(
            models.When(meeting__kind=meeting_kind, then=models.Value(output_kind.value))
            for meeting_kind, output_kind in OUTPUT_OF_MEETING_KIND.items()
        ),
        output_field=models.CharField(),
    )
    stated_instead = AchievedOutput.objects.filter(
        meeting=models.OuterRef("meeting_id"), kind=models.OuterRef("kind")
    )
    implied = (
        organised.filter(meeting__kind__in=list(OUTPUT_OF_MEETING_KIND))
        .annotate(kind=implied_kind)
        .filter(~models.Exists(stated_instead))
        .values("project_id", "kind")
        .annotate(number=models.Count("pk"))
        .order_by()
    )
    stated = (
        organised.filter(meeting__achieved_outputs__isnull=False)
        .values("project_id", kind=models.F("meeting__achieved_outputs__kind"))
        .annotate(number=models.Sum("meeting__achieved_outputs__quantity"))
        .order_by()
    )
    for row in implied.union(stated, all=True).order_by():
        counts[row["project_id"]][row["kind"]] += row["number"]
    return {project_id: dict(kinds) for project_id, kinds in counts.items()}


def output_progress(
    projects: Iterable[Project], *, among: models.QuerySet[Meeting] | None = None
) -> dict[int, list[OutputProgress]]:
    """{project id: [OutputProgress, …]}: each kind the project planned, in the order of its
    planned outputs (several rows of one kind add up), then the kinds it delivered unplanned.

    Reads the projects' `planned_outputs` (prefetch them for many projects) and counts the
    delivered ones in one query; `among` as in `delivered_counts`."""
    projects = list(projects)
    delivered = delivered_counts(projects, among=among)
    progress = {}
    for project in projects:
        planned: dict[str, int] = {}
        descriptions: dict[str, list[str]] = defaultdict(list)
        for output in project.planned_outputs.all():
            planned[output.kind] = planned.get(output.kind, 0) + output.quantity
            if output.description:
                descriptions[output.kind].append(output.description)
        done = delivered.get(project.pk, {})
        unplanned = [kind.value for kind in OutputKind if kind in done and kind not in planned]
        progress[project.pk] = [
            OutputProgress(
                kind=kind,
                planned=planned.get(kind, 0),
                delivered=done.get(kind, 0),
                descriptions=tuple(descriptions[kind]),
            )
            for kind in [*planned, *unplanned]
        ]
    return progress


def output_progress_of(
    project: Project, *, among: models.QuerySet[Meeting] | None = None
) -> list[OutputProgress]:
    """One project's `output_progress`."""
    return output_progress([project], among=among)[project.pk]


@dataclass(frozen=True)
class QuarterOutputProgress:
    """One kind of output in a quarterly report: what the quarter delivered, and the
    progress up to the quarter's end."""

    to_date: OutputProgress
    in_quarter: int

    @property
    def in_quarter_label(self) -> str:
        return DELIVERED_QUANTITIES[self.to_date.kind] % {"count": self.in_quarter}


def quarter_output_progress(
    project: Project, *, among: models.QuerySet[Meeting], quarter: Quarter
) -> list[QuarterOutputProgress]:
    """The project's outputs as a quarterly report shows them, counted among the meetings
    `among` (the back office's: whatever the reader may see, published or not)."""
    until_end = among.filter(starts_at__lt=quarter.ends_at)
    in_quarter = delivered_counts(
        [project], among=until_end.filter(starts_at__gte=quarter.starts_at)
    ).get(project.pk, {})
    return [
        QuarterOutputProgress(to_date=row, in_quarter=in_quarter.get(row.kind, 0))
        for row in output_progress_of(project, among=until_end)
    ]
