"""How many feedback messages one address may send: counted in the cache, so every server
process shares the count when the cache is shared (REDIS_URL)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.client_address import client_address


def _key(request: HttpRequest) -> str:
    # The address is hashed: the cache need not hold it in clear.
    address = client_address(request)
    return "feedback-sent:" + hashlib.sha256(address.encode()).hexdigest()


def consume(request: HttpRequest) -> bool:
    """Count one message from the request's address; False once it is over the limit of
    FEEDBACK_RATE_LIMIT messages in FEEDBACK_RATE_LIMIT_SECONDS (from its first message)."""
    key = _key(request)
    window = settings.FEEDBACK_RATE_LIMIT_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): this message opens a new one.
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.FEEDBACK_RATE_LIMIT
