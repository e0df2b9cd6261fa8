import datetime

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.roles import is_administrator, is_coordinator
from meetings.permissions import meetings_editable_by
from reminders.enums import DeliveryStatus
from reminders.models import Recipient, Reminder
from reminders.tasks import send_reminder

# A row being sent whose last attempt is more recent may still be in a worker's hands, its
# e-mail on its way: queued again now, it could go out twice. Far longer than any mail
# server timeout the portal sets (each mailer's "timeout" option, which replaces EMAIL_TIMEOUT).
SENDING_MAY_STILL_BE_IN_PROGRESS = datetime.timedelta(minutes=15)


def reminders_visible_to(user, reminders: QuerySet[Reminder]) -> QuerySet[Reminder]:
    """Administrators read every e-mail sent; a coordinator those about their projects'
    meetings (digests name several projects' follow-ups, so they stay with administrators)."""
    if is_administrator(user):
        return reminders
    if is_coordinator(user):
        return reminders.filter(meeting__in=meetings_editable_by(user).values("pk"))
    return reminders.none()


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    """The sent-mail log: read-only; an administrator may have failed e-mails, and those whose
    outcome is unknown, tried again."""

    list_display = ["created_at", "recipient", "kind", "meeting", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "created_at"]
    list_select_related = ["meeting"]
    search_fields = ["recipient", "recipient_name", "subject", "meeting__title"]
    date_hierarchy = "created_at"
    actions = ["try_again"]
    fieldsets = [
        (None, {"fields": ["kind", "meeting", "occasion", "subject", "language"]}),
        (_("Recipient"), {"fields": ["recipient", "recipient_name"]}),
        (
            _("Delivery"),
            {"fields": ["status", "error", "attempts", "created_at", "last_attempt_at", "sent_at"]},
        ),
    ]
    readonly_fields = [
        "kind",
        "meeting",
        "occasion",
        "subject",
        "language",
        "recipient",
        "recipient_name",
        "status",
        "error",
        "attempts",
        "created_at",
        "last_attempt_at",
        "sent_at",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Reminder]:
        return reminders_visible_to(request.user, super().get_queryset(request))

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        """Never from the log itself; but a meeting's e-mails go with it, and the admin asks
        about every row a meeting's deletion takes along."""
        return (
            obj is not None
            and obj.meeting_id is not None
            and meetings_editable_by(request.user).filter(pk=obj.meeting_id).exists()
        )

    def delete_view(self, request: HttpRequest, object_id, extra_context=None):
        raise PermissionDenied

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "show_delete": False}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_actions(self, request: HttpRequest, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if not is_administrator(request.user):
            actions.pop("try_again", None)
        return actions

    @admin.action(
        description=_("Try the selected failed e-mails and those of unknown outcome again")
    )
    def try_again(self, request: HttpRequest, queryset: QuerySet[Reminder]) -> None:
        """An e-mail of unknown outcome may have gone out already: sending it again is the
        administrator's choice, made here, never the retries'. One whose last attempt is
        recent is left alone: its send may still be in progress."""
        settled = timezone.now() - SENDING_MAY_STILL_BE_IN_PROGRESS
        may_go_again = Q(status=DeliveryStatus.FAILED) | Q(
            Q(last_attempt_at__lt=settled) | Q(last_attempt_at__isnull=True),
            status=DeliveryStatus.SENDING,
        )
        retryable = queryset.filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.SENDING])
        chosen = list(retryable.filter(may_go_again).values_list("pk", flat=True))
        left = retryable.count() - len(chosen)
        # Rechecked as it is written, should a worker have started sending one since.
        Reminder.objects.filter(may_go_again, pk__in=chosen).update(
            status=DeliveryStatus.PENDING, attempts=0
        )
        for reminder_id in chosen:
            send_reminder.enqueue(reminder_id)
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail queued again.", "%(count)d e-mails queued again.", len(chosen)
            )
            % {"count": len(chosen)},
            messages.SUCCESS,
        )
        if left:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail was left as it is: it was tried less than %(minutes)d "
                    "minutes ago and may still be sending. Try it again later if it stays "
                    "in that state.",
                    "%(count)d e-mails were left as they are: they were tried less than "
                    "%(minutes)d minutes ago and may still be sending. Try them again later if "
                    "they stay in that state.",
                    left,
                )
                % {
                    "count": left,
                    "minutes": int(SENDING_MAY_STILL_BE_IN_PROGRESS.total_seconds() // 60),
                },
                messages.WARNING,
            )


@admin.register(Recipient)
class RecipientAdmin(admin.ModelAdmin):
    """Addresses that chose a language or unsubscribed: administrators only."""

    list_display = ["email", "language", "unsubscribed_at"]
    list_filter = ["language", "unsubscribed_at"]
    search_fields = ["email"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_delete_permission(request, obj)
