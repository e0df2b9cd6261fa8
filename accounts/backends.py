"""Django's model permissions, read in one query where ModelBackend makes two."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class ModelPermissionsBackend(ModelBackend):
    """ModelBackend whose set of a user's permissions comes from one query.

    Every back-office page asks for the user's permissions: ModelBackend reads those given to
    the user and those of their groups apart. The answer is kept on the user object for the
    request, under ModelBackend's own name, so the other backends read the same set.
    """

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            pairs = permissions.values_list("content_type__app_label", "codename")
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in pairs.distinct()}
        return user_obj._perm_cache
