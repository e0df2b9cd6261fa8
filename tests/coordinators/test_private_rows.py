"""Private rows (attendance, contacts, action items, attachments) are read inside a user's scope:
narrowed to what that user may see, and refused outright when nobody set a scope."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django_scopes import ScopeError, scope, scopes_disabled

from meetings.models import ActionItem, Attachment, Attendance
from partners.models import Contact
from tests.factories import (
    ActionItemFactory,
    AttachmentFactory,
    AttendanceFactory,
    ContactFactory,
    OrganisationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

PRIVATE_MODELS = [Attendance, Contact, ActionItem, Attachment]


@pytest.fixture
def rows_of_a_and_b(project_a, project_b, meeting_a, meeting_b):
    """For each of projects A and B: an attendee, a partner's contact, a follow-up and a
    private attachment; and a public attachment of B's published meeting."""
    for letter, project, meeting in [("A", project_a, meeting_a), ("B", project_b, meeting_b)]:
        partner = OrganisationFactory(name=f"Partner of {letter}")
        ParticipationFactory(project=project, organisation=partner)
        ContactFactory(organisation=partner, name=f"Contact of {letter}")
        AttendanceFactory(meeting=meeting, person_name=f"Attendee of {letter}", organisation=None)
        ActionItemFactory(meeting=meeting, text=f"Follow-up of {letter}")
        AttachmentFactory(meeting=meeting, title=f"Private annex of {letter}")
    AttachmentFactory(meeting=meeting_b, title="Public agenda of B", is_public=True)


def _unscoped():
    """As outside any request: scoping on, and no user named."""
    return scope()


@pytest.mark.parametrize("model", PRIVATE_MODELS, ids=lambda model: model.__name__)
def test_reading_private_rows_without_a_scope_raises(rows_of_a_and_b, model):
    with _unscoped():
        with pytest.raises(ScopeError):
            model.objects.all()
        with pytest.raises(ScopeError):
            list(model.objects.filter(pk__gt=0))
        with pytest.raises(ScopeError):
            model.objects.count()
        with pytest.raises(ScopeError):
            model.objects.exclude(pk=0).exists()


def test_reading_a_meetings_rows_without_a_scope_raises(rows_of_a_and_b, meeting_a):
    with _unscoped(), pytest.raises(ScopeError):
        list(meeting_a.attendances.all())


def test_a_queryset_method_of_private_rows_without_a_scope_raises(rows_of_a_and_b):
    with _unscoped(), pytest.raises(ScopeError):
        list(Attendance.objects.present())


def _labels(model) -> set[str]:
    field = {Attendance: "person_name", Contact: "name", ActionItem: "text"}.get(model, "title")
    return set(model.objects.values_list(field, flat=True))


def test_a_coordinators_scope_reads_only_their_projects_rows(rows_of_a_and_b, coordinator_a):
    with scope(user=coordinator_a):
        seen = {model: _labels(model) for model in PRIVATE_MODELS}

    assert seen == {
        Attendance: {"Attendee of A"},
        Contact: {"Contact of A"},
        ActionItem: {"Follow-up of A"},
        Attachment: {"Private annex of A", "Public agenda of B"},
    }


def test_a_coordinators_scope_narrows_a_meetings_rows_too(
    rows_of_a_and_b, coordinator_a, meeting_b
):
    with scope(user=coordinator_a):
        assert list(meeting_b.attendances.all()) == []
        assert [item.text for item in meeting_b.action_items.all()] == []


def test_staffs_scope_reads_every_row(rows_of_a_and_b, staff_user):
    with scope(user=staff_user):
        assert _labels(Attendance) == {"Attendee of A", "Attendee of B"}
        assert _labels(Contact) == {"Contact of A", "Contact of B"}


def test_an_anonymous_scope_reads_only_public_attachments(rows_of_a_and_b):
    with scope(user=AnonymousUser()):
        seen = {model: _labels(model) for model in PRIVATE_MODELS}

    assert seen == {
        Attendance: set(),
        Contact: set(),
        ActionItem: set(),
        Attachment: {"Public agenda of B"},
    }


def test_a_scope_inside_scopes_disabled_scopes_again(rows_of_a_and_b, coordinator_a):
    with scopes_disabled():
        assert len(_labels(Attendance)) == 2
        with scope(user=coordinator_a):
            assert _labels(Attendance) == {"Attendee of A"}
        assert len(_labels(Attendance)) == 2


def test_visible_to_names_the_reader_whatever_the_scope(rows_of_a_and_b, coordinator_b):
    with _unscoped():
        titles = {row.title for row in Attachment.objects.visible_to(coordinator_b)}

    assert titles == {"Private annex of B", "Public agenda of B"}


def test_a_public_meeting_page_still_shows_its_participant_total(client, meeting_a):
    attendees = AttendanceFactory.create_batch(3, meeting=meeting_a)

    page = client.get(meeting_a.get_absolute_url()).content.decode()

    assert "Participants</dt><dd>3</dd>" in page
    assert not [row.email for row in attendees if row.email in page]
