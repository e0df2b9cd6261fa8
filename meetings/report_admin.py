"""PDF exports in the meeting admin: buttons on a meeting's page, and one merged PDF for the
meetings selected in the list, prepared in the background ("My reports")."""

from django.contrib import admin, messages
from django.contrib.admin import ActionLocation
from django.http import HttpRequest
from django.shortcuts import redirect
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_coordinator, is_staff_reader
from meetings.models import Meeting
from meetings.permissions import can_export_meeting, meetings_visible_to
from meetings.report_jobs import request_meeting_reports

#: Enough for several years of a region's meetings; the PDF is prepared in the background.
MAX_MEETINGS_PER_EXPORT = 200


@admin.action(description=_("Download the reports of the selected meetings (one PDF)"))
def export_meeting_reports(modeladmin, request: HttpRequest, queryset):
    allowed = meetings_visible_to(request.user).values("pk")
    meetings = list(
        Meeting.objects.filter(pk__in=queryset.values("pk")).filter(pk__in=allowed).only("pk")
    )
    if not meetings:
        modeladmin.message_user(
            request, _("None of the selected meetings can be exported."), messages.ERROR
        )
        return None
    if len(meetings) > MAX_MEETINGS_PER_EXPORT:
        modeladmin.message_user(
            request,
            ngettext(
                "Select at most %(limit)d meeting for one PDF.",
                "Select at most %(limit)d meetings for one PDF.",
                MAX_MEETINGS_PER_EXPORT,
            )
            % {"limit": MAX_MEETINGS_PER_EXPORT},
            messages.ERROR,
        )
        return None
    request_meeting_reports(
        user=request.user,
        meeting_ids=[meeting.pk for meeting in meetings],
        language=get_language(),
    )
    return redirect("meetings:prepared-report-list")


class MeetingReportsAdminMixin:
    """Adds the report and attendance-sheet buttons and the merged-report action."""

    change_form_template = "admin/meetings/meeting/change_form.html"

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        user = request.user
        if action_location == ActionLocation.CHANGE_LIST and (
            is_staff_reader(user) or is_coordinator(user)
        ):
            action = self.get_action(export_meeting_reports, action_location)
            actions[action.name] = action
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        meeting = self.get_object(request, object_id)
        if meeting is None:
            may_export = False
        elif hasattr(meeting, "user_may_export"):  # read with the meeting by the admin
            may_export = meeting.user_may_export
        else:
            may_export = can_export_meeting(request.user, meeting)
        extra_context["can_export_reports"] = may_export
        return super().change_view(request, object_id, form_url, extra_context)
