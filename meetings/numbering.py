"""The numbers of quarterly coordination meetings ("3rd quarterly coordination meeting"), set on
meetings once their rows are read.

A quarterly meeting's number is the one stated for it, or else counted among its lead
project's (its first organising project's) planned and held quarterly meetings, on from the
latest earlier one with a stated number. Counted in SQL, with three correlated subqueries per
row, the number cost a meeting list more than the rest of its query: building, compiling,
planning and running it. Here it is one short query per batch of meetings read, and none when no
meeting of the batch needs counting.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import batched

from django.db import models
from django.db.models.query import ModelIterable

# Meetings numbered together when a queryset is read row by row, as `iterator()` does.
BATCH_SIZE = 2000


def number_quarterly_meetings(meetings: Iterable, *, using: str | None = None) -> None:
    """Set `sequence_number` on each of `meetings`: its number for a quarterly coordination
    meeting that has one, None for any other."""
    from meetings.enums import MeetingKind, ProjectRoleInMeeting
    from meetings.models import COUNTED_STATUSES, SERIES_START, MeetingProject

    to_count = []
    for meeting in meetings:
        meeting.sequence_number = None
        if meeting.kind != MeetingKind.QUARTERLY_COORDINATION:
            continue
        if meeting.stated_ordinal is not None:
            meeting.sequence_number = meeting.stated_ordinal
        elif meeting.pk is not None:
            to_count.append(meeting)
    if not to_count:
        return

    # One query: the organising projects of the meetings to number, and every counted meeting
    # those projects organised before the latest of them.
    organisers = MeetingProject.objects.using(using).filter(role=ProjectRoleInMeeting.ORGANISER)
    ids = {meeting.pk for meeting in to_count}
    links = (
        organisers.filter(project__in=organisers.filter(meeting__in=ids).values("project"))
        .filter(
            models.Q(meeting__in=ids)
            | models.Q(
                meeting__kind=MeetingKind.QUARTERLY_COORDINATION,
                meeting__status__in=COUNTED_STATUSES,
                meeting__starts_at__lt=max(meeting.starts_at for meeting in to_count),
            )
        )
        .values_list(
            "meeting_id",
            "project_id",
            "meeting__kind",
            "meeting__status",
            "meeting__starts_at",
            "meeting__stated_ordinal",
        )
    )
    lead_project = {}
    series = defaultdict(list)  # each project's counted meetings: (start, stated number)
    for meeting_id, project_id, kind, status, starts_at, stated in links.order_by("pk"):
        if meeting_id in ids:
            lead_project.setdefault(meeting_id, project_id)
        if kind == MeetingKind.QUARTERLY_COORDINATION and status in COUNTED_STATUSES:
            series[project_id].append((starts_at, stated))

    for meeting in to_count:
        project_id = lead_project.get(meeting.pk)
        if project_id is None:
            continue
        earlier = [row for row in series[project_id] if row[0] < meeting.starts_at]
        stated = [row for row in earlier if row[1] is not None]
        counted_from, number = max(stated, key=lambda row: row[0], default=(SERIES_START, 0))
        meeting.sequence_number = number + sum(1 for row in earlier if row[0] > counted_from) + 1


class NumberedMeetingIterable(ModelIterable):
    """Meetings as model instances, each with its `sequence_number`, numbered a batch at a time
    as they are read: a whole result at once, or batches of `iterator()`'s chunks."""

    def __iter__(self) -> Iterator:
        size = self.chunk_size if self.chunked_fetch else BATCH_SIZE
        for batch in batched(super().__iter__(), size):
            number_quarterly_meetings(batch, using=self.queryset.db)
            yield from batch
