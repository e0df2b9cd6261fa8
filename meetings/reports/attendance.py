"""Who came to a meeting, counted the way the reports show it (no queries: it reads the
attendances prefetched by ``queries.with_report_details``)."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from meetings.enums import Presence
from meetings.models import Attendance, Meeting

#: Who is printed on a sign-in sheet: everyone not known to stay away.
SIGN_IN_PRESENCES = (Presence.EXPECTED, Presence.ATTENDED)


@dataclass
class AttendanceSummary:
    present: list[Attendance]
    excused: list[Attendance]
    expected: list[Attendance]
    #: (organisation name, people present), most represented first.
    by_organisation: list[tuple[str, int]] = field(default_factory=list)
    #: (organisation kind, organisations represented, people present).
    by_kind: list[tuple[str, int, int]] = field(default_factory=list)
    #: Given on the meeting when no attendance list is kept.
    declared_count: int | None = None

    @property
    def participant_count(self) -> int | None:
        if self.present:
            return len(self.present)
        return self.declared_count

    #: The organisations the people present came from (people without one are no organisation).
    organisation_count: int = 0

    @property
    def awaiting_mark(self) -> list[Attendance]:
        """People expected whose presence nobody has marked yet."""
        return [a for a in self.expected if a.presence == Presence.EXPECTED]


def _organisation_label(attendance: Attendance) -> str:
    return attendance.organisation.name if attendance.organisation else _("No organisation given")


def _kind_label(attendance: Attendance) -> str:
    if attendance.organisation:
        return str(attendance.organisation.get_kind_display())
    return _("No organisation given")


def summarise_attendance(meeting: Meeting) -> AttendanceSummary:
    attendances = list(meeting.attendances.all())
    present = [a for a in attendances if a.presence == Presence.ATTENDED]
    people_per_organisation = Counter(_organisation_label(a) for a in present)
    people_per_kind = Counter(_kind_label(a) for a in present)
    organisations_per_kind = Counter(
        str(organisation.get_kind_display())
        for organisation in {a.organisation for a in present if a.organisation}
    )
    return AttendanceSummary(
        present=present,
        excused=[a for a in attendances if a.presence == Presence.EXCUSED],
        expected=[a for a in attendances if a.presence in SIGN_IN_PRESENCES],
        by_organisation=sorted(people_per_organisation.items(), key=lambda i: (-i[1], i[0])),
        by_kind=sorted(
            (
                (kind, organisations_per_kind.get(kind, 0), people)
                for kind, people in people_per_kind.items()
            ),
            key=lambda i: (-i[2], i[0]),
        ),
        declared_count=meeting.participant_count,
        organisation_count=len({a.organisation_id for a in present if a.organisation_id}),
    )
