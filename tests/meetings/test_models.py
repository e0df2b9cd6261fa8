import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from core.quarters import Quarter
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Attendance, Meeting
from tests.factories import (
    AttendanceFactory,
    MeetingFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def _at(year, month, day, hour=10, zone=BUCHAREST):
    return datetime.datetime(year, month, day, hour, tzinfo=zone)


def test_quarter_is_read_in_the_venue_time_zone():
    # 23:30 UTC on 31 March is already 1 April in Bucharest.
    meeting = MeetingFactory(
        starts_at=datetime.datetime(2020, 3, 31, 23, 30, tzinfo=datetime.UTC),
        timezone="Europe/Bucharest",
    )

    assert meeting.quarter == Quarter(2020, 2)
    assert meeting.quarter_label == "Q2 2020"


def test_quarterly_meetings_are_numbered_within_their_project():
    project, other = ProjectFactory(), ProjectFactory()
    first = MeetingFactory(starts_at=_at(2016, 9, 1), projects=[project])
    MeetingFactory(starts_at=_at(2016, 10, 1), projects=[other])
    MeetingFactory(starts_at=_at(2016, 11, 1), projects=[project], status=MeetingStatus.CANCELLED)
    second = MeetingFactory(starts_at=_at(2016, 12, 7), projects=[project])

    assert first.ordinal == 1
    assert second.ordinal == 2
    assert second.kind_label == "2nd quarterly coordination meeting"


def test_ordinal_annotation_matches_the_property_for_a_whole_list():
    project = ProjectFactory()
    meetings = [
        MeetingFactory(starts_at=_at(2017, month, 1), projects=[project]) for month in (1, 4, 7, 10)
    ]

    numbered = Meeting.objects.with_ordinal().filter(pk__in=[m.pk for m in meetings])

    assert sorted(m.ordinal for m in numbered) == [1, 2, 3, 4]
    assert next(m for m in numbered if m.pk == meetings[2].pk).kind_label.startswith("3rd")


def test_numbering_counts_on_from_a_stated_number_and_only_the_lead_projects_meetings():
    project, partner = ProjectFactory(), ProjectFactory()
    first = MeetingFactory(starts_at=_at(2019, 1, 10), projects=[project])
    stated = MeetingFactory(starts_at=_at(2019, 4, 10), projects=[project], stated_ordinal=7)
    # Organised by the partner first: it counts in the partner's series, not the project's.
    partners = MeetingFactory(starts_at=_at(2019, 5, 10), projects=[partner, project])
    after = MeetingFactory(starts_at=_at(2019, 7, 10), projects=[project])
    conference = MeetingFactory(
        starts_at=_at(2019, 8, 10), projects=[project], kind=MeetingKind.CONFERENCE
    )
    ids = [first.pk, stated.pk, partners.pk, after.pk, conference.pk]
    expected = {first.pk: 1, stated.pk: 7, partners.pk: 1, after.pk: 9, conference.pk: None}

    listed = Meeting.objects.with_ordinal().filter(pk__in=ids)
    row_by_row = listed.iterator(chunk_size=2)

    assert {meeting.pk: meeting.ordinal for meeting in listed} == expected
    assert {meeting.pk: meeting.ordinal for meeting in row_by_row} == expected


def test_a_meetings_number_follows_an_earlier_meeting_added_later():
    project = ProjectFactory()
    meeting = MeetingFactory(starts_at=_at(2020, 6, 1), projects=[project])
    assert meeting.kind_label == "1st quarterly coordination meeting"

    MeetingFactory(starts_at=_at(2020, 3, 1), projects=[project])

    assert meeting.ordinal == 2
    assert meeting.kind_label == "2nd quarterly coordination meeting"


def test_a_list_of_quarterly_meetings_is_numbered_in_one_query(django_assert_num_queries):
    for _ in range(3):
        project = ProjectFactory()
        for month in (2, 5, 8):
            MeetingFactory(starts_at=_at(2018, month, 1), projects=[project])

    with django_assert_num_queries(2):
        numbers = sorted(meeting.ordinal for meeting in Meeting.objects.with_ordinal())

    assert numbers == [1, 1, 1, 2, 2, 2, 3, 3, 3]


def test_other_kinds_have_no_ordinal():
    meeting = MeetingFactory(kind=MeetingKind.CONFERENCE, projects=[ProjectFactory()])

    assert meeting.ordinal is None
    assert meeting.kind_label == "Conference"


def test_meeting_ending_before_it_starts_is_refused():
    meeting = MeetingFactory.build(starts_at=_at(2016, 12, 7, 12), ends_at=_at(2016, 12, 7, 9))

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "ends_at" in error.value.message_dict


def test_unknown_time_zone_is_refused():
    meeting = MeetingFactory.build(timezone="Europe/Atlantis")

    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "timezone" in error.value.message_dict


def test_attendee_email_must_be_valid():
    attendance = AttendanceFactory(email="someone@example.org")
    attendance.email = "someone(at)example"

    with pytest.raises(ValidationError) as error:
        attendance.full_clean()
    assert "email" in error.value.message_dict


def test_deleting_a_project_with_meetings_is_refused_and_keeps_attendance():
    project = ProjectFactory()
    meeting = MeetingFactory(projects=[project])
    AttendanceFactory(meeting=meeting)

    with pytest.raises(ProtectedError):
        project.delete()
    assert Attendance.objects.filter(meeting=meeting).count() == 1


def test_deleting_an_organisation_with_attendees_is_refused():
    attendance = AttendanceFactory()

    with pytest.raises(ProtectedError):
        attendance.organisation.delete()


def test_published_excludes_drafts_and_unpublished_meetings():
    shown = MeetingFactory(is_published=True, status=MeetingStatus.HELD)
    MeetingFactory(is_published=False)
    MeetingFactory(is_published=True, status=MeetingStatus.DRAFT)

    assert list(Meeting.objects.published()) == [shown]
