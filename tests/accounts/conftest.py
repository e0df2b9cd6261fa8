import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_and_fresh_rate_limits():
    """URLs reversed in English whatever page an earlier test opened; rate limits start at zero."""
    translation.activate("en")
    cache.clear()
    yield
    cache.clear()
    translation.activate("en")
