"""Writes of the projects app that touch several rows."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from projects.models import Project


def add_person(
    *, user: User, role: Role, projects: list[Project], added_by: User, request: HttpRequest
) -> User:
    """Give a new person back-office access, a role and, for a coordinator, their projects,
    then send them a link to choose their password.

    Side effects, in one transaction: the user is saved with admin access and no usable
    password, put in the role's group and named a coordinator of `projects`. Once the
    transaction commits, one e-mail goes to the person with the set-password link (allauth's
    password reset key, valid until the password changes).
    """
    with transaction.atomic():
        user.is_staff = True
        user.set_unusable_password()
        user.full_clean()
        user.save()
        user.groups.add(Group.objects.get(name=role))
        for project in projects:
            project.coordinators.add(user)
        transaction.on_commit(
            lambda: send_set_password_mail(user=user, added_by=added_by, request=request)
        )
    return user


def set_password_url(*, user: User, request: HttpRequest) -> str:
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return request.build_absolute_uri(path.replace("UID-KEY", key))


def send_set_password_mail(*, user: User, added_by: User, request: HttpRequest) -> None:
    context = {
        "user": user,
        "added_by": added_by,
        "url": set_password_url(user=user, request=request),
        "roles": [str(Role(name).label) for name in user.groups.values_list("name", flat=True)],
        "projects": list(user.coordinated_projects.all()),
    }
    subject = render_to_string("accounts/email/person_added_subject.txt", context)
    send_mail(
        " ".join(subject.split()),
        render_to_string("accounts/email/person_added_message.txt", context),
        None,
        [user.email],
    )
