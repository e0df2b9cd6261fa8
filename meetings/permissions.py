"""Who may see, change and export which meetings.

The admin, the staff views, attachment downloads and the PDF exports all go through these
functions, so every door is scoped the same way.
"""

from django.db.models import QuerySet
from django.http import Http404

from accounts.roles import is_administrator, is_coordinator, is_staff_reader
from meetings.models import Attachment, Meeting, MeetingProject
from projects.models import Project
from projects.permissions import coordinated_project_ids


def _meetings_of_coordinated_projects(user) -> QuerySet[Meeting]:
    meeting_ids = MeetingProject.objects.filter(
        project_id__in=coordinated_project_ids(user)
    ).values("meeting_id")
    return Meeting.objects.filter(pk__in=meeting_ids)


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings whose private details (attendance, action items, drafts) the user may read."""
    if is_staff_reader(user):
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
    meeting = attachment.meeting
    if attachment.is_public and Meeting.objects.published().filter(pk=meeting.pk).exists():
        return True
    return meetings_visible_to(user).filter(pk=meeting.pk).exists()


def projects_attachable_by(user) -> QuerySet[Project]:
    """Projects the user may link to a meeting and plan meetings for: their own, or any for
    administrators. Keeps a coordinator from filing a meeting under someone else's project."""
    if is_administrator(user):
        return Project.objects.all()
    if is_coordinator(user):
        return Project.objects.filter(pk__in=coordinated_project_ids(user))
    return Project.objects.none()
