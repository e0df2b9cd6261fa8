from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
