"""Who may see, change and export which meetings, and which of their private rows.

The admin, the staff views, attachment downloads and the PDF exports all go through these
functions, so every door is scoped the same way. The rules for attendance, action items and
attachments are registered with core.private_rows: their models' managers apply them to the
user of the active scope, and `Attendance.objects.visible_to(user)` asks for a named user.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django_scopes import scopes_disabled

from accounts.roles import is_administrator, is_coordinator, is_staff_reader
from core.private_rows import private_rows
from core.scopes import user_scopes
from meetings.models import (
    ActionItem,
    Attachment,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from partners.models import Contact
from partners.permissions import ORGANISATIONS_WORKED_WITH, contacts_visible_to
from projects.models import Project
from projects.permissions import coordinated_project_ids


def _coordinated_meeting_ids(user) -> QuerySet:
    return MeetingProject.objects.filter(project_id__in=coordinated_project_ids(user)).values(
        "meeting_id"
    )


def _meetings_of_coordinated_projects(user) -> QuerySet[Meeting]:
    return Meeting.objects.filter(pk__in=_coordinated_meeting_ids(user))


# --- The private rows of meetings (see core.private_rows)


@private_rows.visible(Attendance, ActionItem)
def rows_of_meetings_visible_to(rows: QuerySet, user) -> QuerySet:
    """Staff read every meeting's rows, a coordinator those of their projects' meetings."""
    if is_staff_reader(user):
        return rows
    if is_coordinator(user):
        return rows.filter(meeting_id__in=_coordinated_meeting_ids(user))
    return rows.none()


@private_rows.visible(Attachment)
def attachments_visible_to(rows: QuerySet[Attachment], user) -> QuerySet[Attachment]:
    """As the other rows, and for everyone the public attachments of published meetings."""
    if is_staff_reader(user):
        return rows
    public = Q(is_public=True, meeting__in=Meeting.objects.published().values("pk"))
    if is_coordinator(user):
        return rows.filter(public | Q(meeting_id__in=_coordinated_meeting_ids(user)))
    return rows.filter(public)


@private_rows.editable(Attendance, ActionItem, Attachment)
def rows_of_meetings_editable_by(rows: QuerySet, user) -> QuerySet:
    if is_administrator(user):
        return rows
    if is_coordinator(user):
        return rows.filter(meeting_id__in=_coordinated_meeting_ids(user))
    return rows.none()


# --- The organisations at a coordinator's meetings, whose contacts they work with


@user_scopes.register(ORGANISATIONS_WORKED_WITH)
def hosts_of_coordinated_meetings(user) -> QuerySet:
    meetings = _meetings_of_coordinated_projects(user).filter(host__isnull=False)
    return meetings.values("host_id")


@user_scopes.register(ORGANISATIONS_WORKED_WITH)
def organisers_of_coordinated_meetings(user) -> QuerySet:
    meeting_ids = _meetings_of_coordinated_projects(user).values("pk")
    return MeetingOrganisation.objects.filter(meeting_id__in=meeting_ids).values("organisation_id")


@user_scopes.register(ORGANISATIONS_WORKED_WITH)
def attendees_organisations_at_coordinated_meetings(user) -> QuerySet:
    meeting_ids = _meetings_of_coordinated_projects(user).values("pk")
    # Part of a rule itself, so not read through the scoped manager.
    attendances = Attendance._base_manager.filter(
        meeting_id__in=meeting_ids, organisation__isnull=False
    )
    return attendances.values("organisation_id")


def contacts_for_attendance(user, *, meeting: Meeting | None) -> QuerySet[Contact]:
    """Contacts the user may put on the meeting's attendance list: those they may read, and
    those already on the list, so that saving the meeting again keeps its rows valid."""
    listed = (
        meeting.attendances.visible_to(user)
        if meeting is not None and meeting.pk
        else Attendance.objects.none()
    )
    # Read past the scope: a contact on the list stays a valid choice even where the reader
    # could not pick it anew.
    with scopes_disabled():
        contacts = Contact.objects.all()
    return contacts.filter(
        Q(pk__in=contacts_visible_to(user).values("pk")) | Q(pk__in=listed.values("contact_id"))
    )


def sees_every_meeting(user) -> bool:
    """Whether meetings_visible_to(user) is every meeting."""
    return is_staff_reader(user)


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings whose private details (attendance, action items, drafts) the user may read."""
    if sees_every_meeting(user):
        return Meeting.objects.all()
    if is_coordinator(user):
        return _meetings_of_coordinated_projects(user)
    return Meeting.objects.none()


def meetings_editable_by(user) -> QuerySet[Meeting]:
    if is_administrator(user):
        return Meeting.objects.all()
    if is_coordinator(user):
        return _meetings_of_coordinated_projects(user)
    return Meeting.objects.none()


def action_items_carried_to(meeting: Meeting, *, user) -> QuerySet[ActionItem]:
    """Open items of earlier meetings of the same projects that the user may read."""
    return ActionItem.objects.carried_to(meeting, among=meetings_visible_to(user))


def can_edit_meeting(user, meeting: Meeting) -> bool:
    return meetings_editable_by(user).filter(pk=meeting.pk).exists()


def can_export_meeting(user, meeting: Meeting) -> bool:
    return meetings_visible_to(user).filter(pk=meeting.pk).exists()


def get_meeting_for_user(user, *, slug: str, queryset: QuerySet[Meeting] | None = None) -> Meeting:
    """The meeting with this slug if the user may read its private details, else 404.

    A 404 rather than a 403 keeps other projects' meetings from being discovered by guessing.
    """
    base = queryset if queryset is not None else Meeting.objects.all()
    allowed_ids = meetings_visible_to(user).values("pk")
    try:
        return base.filter(pk__in=allowed_ids).get(slug=slug)
    except Meeting.DoesNotExist:
        raise Http404 from None


def can_download_attachment(user, attachment: Attachment) -> bool:
    return Attachment.objects.visible_to(user).filter(pk=attachment.pk).exists()


def projects_attachable_by(user) -> QuerySet[Project]:
    """Projects the user may link to a meeting and plan meetings for: their own, or any for
    administrators. Keeps a coordinator from filing a meeting under someone else's project."""
    if is_administrator(user):
        return Project.objects.all()
    if is_coordinator(user):
        return Project.objects.filter(pk__in=coordinated_project_ids(user))
    return Project.objects.none()
