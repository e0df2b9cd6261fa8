import pytest
from django.core.cache import cache
from django.utils import translation

from accounts.roles import Role
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _english_and_fresh_rate_limits():
    """URLs reversed in English whatever page an earlier test opened; rate limits start at zero."""
    translation.activate("en")
    cache.clear()
    yield
    cache.clear()
    translation.activate("en")


@pytest.fixture
def administrator(db):
    """An administrator by role (not a superuser): the role's group grants everything."""
    return UserFactory(email="administrator@example.org", role=Role.ADMINISTRATOR)
