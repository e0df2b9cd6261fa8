from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.roles import is_administrator
from feedback.models import FeedbackMessage


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    """Messages are read as they were sent; administrators only mark them handled (or delete
    them on request). They may name people and describe their disabilities: no other role
    sees them, whatever permissions a group is given."""

    list_display = ["received_at", "kind", "email", "page", "language", "is_handled"]
    list_filter = ["is_handled", "kind", "language", "received_at"]
    list_select_related = ["handled_by"]
    search_fields = ["email", "name", "page", "message"]
    date_hierarchy = "received_at"
    actions = ["mark_handled", "mark_not_handled"]
    fieldsets = [
        (None, {"fields": ["kind", "message", "page", "language", "received_at"]}),
        (_("Sender"), {"fields": ["name", "email", "acknowledged_at"]}),
        (_("Handling"), {"fields": ["is_handled", "handled_at", "handled_by"]}),
    ]
    readonly_fields = [
        "kind",
        "message",
        "page",
        "language",
        "received_at",
        "name",
        "email",
        "acknowledged_at",
        "handled_at",
        "handled_by",
    ]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_administrator(request.user) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: FeedbackMessage, form, change: bool) -> None:
        if "is_handled" in form.changed_data:
            obj.mark_handled(by=request.user, handled=obj.is_handled)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark the selected messages as handled"))
    def mark_handled(self, request: HttpRequest, queryset) -> None:
        self._set_handled(request, queryset, handled=True)

    @admin.action(description=_("Mark the selected messages as not handled"))
    def mark_not_handled(self, request: HttpRequest, queryset) -> None:
        self._set_handled(request, queryset, handled=False)

    def _set_handled(self, request: HttpRequest, queryset, *, handled: bool) -> None:
        changed = 0
        for feedback in queryset.exclude(is_handled=handled):
            feedback.mark_handled(by=request.user, handled=handled)
            feedback.save(update_fields=["is_handled", "handled_at", "handled_by"])
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d message changed.", "%(count)d messages changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
