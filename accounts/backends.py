"""Authentication backends that read a signed-in user and their access in one query.

Every request of a signed-in user loads them from the session, and the back office then asks
for their roles, their permissions and whether they have an authenticator app: four queries
with Django's and allauth's backends, one with these.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class UserWithAccessMixin:
    def get_user(self, user_id):
        users = get_user_model()._default_manager.with_access()
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        user.remember_access()
        return user


class ModelPermissionsBackend(UserWithAccessMixin, ModelBackend):
    """ModelBackend whose set of a user's permissions comes from one query, or none when the
    user was read from the session with them.

    The answer is kept on the user object for the request, under ModelBackend's own name, so
    the other backends read the same set.
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


class EmailAuthenticationBackend(UserWithAccessMixin, AuthenticationBackend):
    """allauth's sign-in by e-mail address; the users it signs in are read back as above."""
