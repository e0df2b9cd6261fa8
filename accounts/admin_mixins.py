"""Admin behaviour that depends on roles and that every app's history admin shares."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.roles import is_administrator
from core.publication import PublishableModel

PUBLICATION_COLUMNS = ["is_published", "published_at", "published_by_id"]


class AdministratorsRestoreMixin:
    """Everyone who may read a record reads its earlier versions; only administrators restore
    one. A restore keeps the record's current publication state: publishing and unpublishing
    go through the publication service alone, which records who did it and when."""

    def may_restore(self, request: HttpRequest) -> bool:
        return is_administrator(request.user)

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        return not self.may_restore(request) or super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.may_restore(request):
            raise PermissionDenied
        request._restoring_version = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if getattr(request, "_restoring_version", False) and isinstance(obj, PublishableModel):
            current = (
                type(obj)._default_manager.filter(pk=obj.pk).values(*PUBLICATION_COLUMNS).first()
            )
            for column, value in (current or dict.fromkeys(PUBLICATION_COLUMNS)).items():
                setattr(obj, column, value)
            if current is None:
                obj.is_published = False
        super().save_model(request, obj, form, change)
