import pytest

from accounts.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def administrator(db):
    """An administrator by role (not a superuser): the role's group grants everything."""
    return UserFactory(email="administrator@example.org", role=Role.ADMINISTRATOR)
