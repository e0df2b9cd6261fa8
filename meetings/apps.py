from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and events")

    def ready(self) -> None:
        from core.history import track_history
        from meetings import (
            jsonld,  # noqa: F401  (registers its schema.org descriptions)
            permissions,  # noqa: F401  (registers its part of row scopes)
            sections,  # noqa: F401  (registers its sections of other pages)
        )
        from meetings.models import (
            AchievedOutput,
            ActionItem,
            AgendaItem,
            Attachment,
            Attendance,
            Meeting,
            MeetingOrganisation,
            MeetingProject,
        )

        track_history(
            Meeting, excluded_fields=["published_at", "published_by", "search_text", "search_names"]
        )
        track_history(
            MeetingProject, MeetingOrganisation, AgendaItem, Attendance, ActionItem, Attachment
        )
        track_history(AchievedOutput)

        from meetings.models import PreparedReport
        from meetings.report_retention import delete_file_with_report

        post_delete.connect(delete_file_with_report, sender=PreparedReport)
