from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingKind(models.TextChoices):
    QUARTERLY_COORDINATION = "quarterly", _("Quarterly coordination meeting")
    PARTNER_MEETING = "partner", _("Partner meeting")
    CONFERENCE = "conference", _("Conference")
    PUBLIC_EVENT = "public_event", _("Public event")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("meeting status", "Draft")
    PLANNED = "planned", pgettext_lazy("meeting status", "Planned")
    HELD = "held", pgettext_lazy("meeting status", "Held")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class ProjectRoleInMeeting(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    PARTICIPANT = "participant", _("Taking part")


class OrganisationRoleInMeeting(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    SPEAKER = "speaker", _("Speaker")
    SUPPORTING = "supporting", _("Supporting organisation")
    PARTICIPANT = "participant", _("Taking part")


class Presence(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    ATTENDED = "attended", _("Attended")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class ActionItemKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Follow-up action")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item status", "Open")
    DONE = "done", pgettext_lazy("action item status", "Done")


class AttachmentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    PHOTO = "photo", _("Photo")
    REPORT = "report", _("Report")
    ATTENDANCE_LIST = "attendance_list", _("Signed attendance list")
    OTHER = "other", _("Other")
