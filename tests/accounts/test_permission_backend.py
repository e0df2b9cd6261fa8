import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from tests.factories import UserFactory


def _fresh(user) -> User:
    return User.objects.get(pk=user.pk)  # no permissions remembered yet


def test_permissions_of_role_and_own_are_read_in_one_query(db):
    user = UserFactory(email="reader@example.org", role=Role.COORDINATOR)
    user.user_permissions.add(Permission.objects.get(codename="view_logentry"))
    user = _fresh(user)

    with CaptureQueriesContext(connection) as queries:
        assert user.has_perm("admin.view_logentry")  # given to the user
        assert user.has_perm("meetings.change_meeting")  # given to the coordinators' group
        assert not user.has_perm("accounts.delete_user")
    assert len(queries) == 1


def test_superuser_has_every_permission_and_inactive_user_none(db):
    root = _fresh(UserFactory(email="root@example.org", is_superuser=True))
    gone = UserFactory(email="gone@example.org", role=Role.COORDINATOR)
    gone.is_active = False
    gone.save()

    assert root.has_perm("accounts.delete_user")
    assert not _fresh(gone).has_perm("meetings.change_meeting")
    assert _fresh(gone).get_all_permissions() == set()


def test_coordinator_lacks_permissions_of_other_roles(db):
    coordinator = _fresh(UserFactory(email="c@example.org", role=Role.COORDINATOR))
    staff = _fresh(UserFactory(email="s@example.org", role=Role.STAFF))

    assert "meetings.change_meeting" in coordinator.get_all_permissions()
    assert "meetings.change_meeting" not in staff.get_all_permissions()
    assert staff.has_perm("meetings.view_meeting")


# --- A signed-in user is read with their access


def _tables_read_apart(queries) -> set[str]:
    """The access tables read by a query of their own rather than with the user."""
    apart = set()
    for query in queries:
        sql = query["sql"]
        if '"accounts_user"."password"' in sql:  # the user's own row
            continue
        for table in ("auth_group", "auth_permission", "mfa_authenticator"):
            if f'FROM "{table}"' in sql:
                apart.add(table)
    return apart


def test_a_user_signed_in_with_the_form_is_read_with_their_roles_permissions_and_authenticator(
    client, settings, coordinator_a, meeting_a
):
    settings.PORTAL_REQUIRE_2FA = True
    TOTP.activate(coordinator_a, generate_totp_secret())
    coordinator_a.user_permissions.add(Permission.objects.get(codename="view_logentry"))
    client.force_login(coordinator_a, backend="accounts.backends.EmailAuthenticationBackend")
    url = reverse("admin:meetings_meeting_change", args=[meeting_a.pk])
    client.get(url)  # Django's first request reads the content types

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert meeting_a.title in response.content.decode()
    assert _tables_read_apart(queries) == set()
    user = response.wsgi_request.user
    assert user.has_perm("admin.view_logentry")  # their own
    assert user.has_perm("meetings.change_meeting")  # their role's
    assert not user.has_perm("accounts.delete_user")


def test_without_an_authenticator_the_back_office_still_sends_them_to_set_one_up(
    client, settings, coordinator_a
):
    settings.PORTAL_REQUIRE_2FA = True
    client.force_login(coordinator_a, backend="accounts.backends.EmailAuthenticationBackend")

    response = client.get(reverse("admin:meetings_meeting_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize(
    "backend",
    ["accounts.backends.ModelPermissionsBackend", "accounts.backends.EmailAuthenticationBackend"],
)
def test_a_role_taken_away_counts_from_the_users_next_page(client, coordinator_a, backend):
    client.force_login(coordinator_a, backend=backend)
    url = reverse("admin:meetings_meeting_changelist")
    assert client.get(url).status_code == 200

    coordinator_a.groups.clear()

    assert client.get(url).status_code == 403
