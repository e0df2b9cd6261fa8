from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.managers import NAME_SEPARATOR, UserManager
from accounts.roles import Role


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address; the public needs no account."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("admin access"),
        default=False,
        help_text=_("Whether the user can sign in to the administration."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def remember_access(self) -> None:
        """Keep what `UserQuerySet.with_access` read with the user where the checks look for it,
        so that a request asks the database nothing more about its user."""
        self._role_names = _names(self.role_names_read)
        if not self.is_superuser:  # Every permission, which ModelBackend reads itself.
            own, of_roles = self.own_permission_names_read, self.role_permission_names_read
            self._perm_cache = _names(own) | _names(of_roles)
        self._has_totp = self.has_totp_read

    def has_totp_if_known(self) -> bool | None:
        """Whether the user has an authenticator app, where read with them; else None."""
        return getattr(self, "_has_totp", None)

    def has_role(self, role: Role) -> bool:
        """Whether an active user holds `role`; the groups are read once per user object,
        since permission checks ask many times per admin page."""
        if not self.is_active:
            return False
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return role in self._role_names


def _names(joined: str | None) -> set[str]:
    return set(joined.split(NAME_SEPARATOR)) if joined else set()
