from allauth.mfa.models import Authenticator
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Exists, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Concat

# Between the names read into one column: no group name or permission code holds a line break.
NAME_SEPARATOR = "\n"


def _joined(queryset: models.QuerySet, expression) -> Subquery:
    """The values of `expression` over `queryset`'s rows, joined into one text."""
    rows = queryset.order_by().annotate(together=Value(1)).values("together")  # one group
    names = rows.annotate(names=StringAgg(expression, delimiter=Value(NAME_SEPARATOR)))
    return Subquery(names.values("names"))


class UserQuerySet(models.QuerySet):
    def with_access(self) -> "UserQuerySet":
        """Users with what each of their requests asks about them, read in the same query:
        their roles (group names), their model permissions as "app_label.codename", and
        whether they have an authenticator app. See `User.remember_access`."""
        user = OuterRef("pk")
        permission_name = Concat("content_type__app_label", Value("."), "codename")
        return self.annotate(
            role_names_read=_joined(Group.objects.filter(user=user), "name"),
            # Apart: one condition on either would join every group's permissions to every
            # member of the group before choosing this user's.
            own_permission_names_read=_joined(
                Permission.objects.filter(user=user), permission_name
            ),
            role_permission_names_read=_joined(
                Permission.objects.filter(group__user=user), permission_name
            ),
            has_totp_read=Exists(
                Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
            ),
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)
