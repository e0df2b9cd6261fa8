"""Addresses of the pages named by a row's slug, without walking the URL patterns per row.

`reverse()` walks the URL patterns on every call, some 20 µs. A map page links 1,500 places
and a region's page some 200 rows, so that added up to more than the rest of their links'
work. The address of a slug's page is the pattern's address for any one slug with the slug in
its place: here it is reversed once per URL name, language, script prefix and URLconf, and
filled in for each row.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# A slug that stands in for the row's while the pattern is reversed: a valid slug, and one
# that no language prefix, script prefix or fixed part of an address contains.
_STAND_IN = "0slug0of0the0row0"


@functools.lru_cache(maxsize=512)
def _around_slug(url_name: str, language: str, prefix: str, urlconf: str) -> tuple[str, str]:
    # The arguments name what the address depends on; reverse() reads them from the thread.
    address = reverse(url_name, urlconf=urlconf, kwargs={"slug": _STAND_IN})
    before, _stand_in, after = address.rpartition(_STAND_IN)
    return before, after


def slug_url(url_name: str, slug: str) -> str:
    """`reverse(url_name, kwargs={"slug": slug})` for a slug made by `slugify()` (letters,
    digits, hyphens and underscores, which an address holds as they are)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _around_slug(url_name, get_language(), get_script_prefix(), urlconf)
    return f"{before}{slug}{after}"
