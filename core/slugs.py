"""Web addresses (slugs) made from a name and kept unique without asking the person typing."""

from collections.abc import Iterable

from django.db import models
from django.utils.text import slugify

# Room left at the end of a slug for "-2", "-17" or a short qualifier.
SUFFIX_ROOM = 24


def unique_slug(
    model: type[models.Model],
    text: str,
    *,
    qualifiers: Iterable[str] = (),
    exclude_pk=None,
    fallback: str,
) -> str:
    """A slug made from `text` that no other row of `model` uses.

    The text's own slug when it is free; else the first free one with a qualifier appended
    ("constanta-county" next to the city's "constanta", "…-2027-02-03" for a second meeting of
    the same title); else numbered ("-2", "-3"). `fallback` stands in for a text that gives no
    slug at all (one written only in Cyrillic).
    """
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - SUFFIX_ROOM].strip("-") or fallback
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    candidates = [base]
    for qualifier in qualifiers:
        suffix = slugify(str(qualifier))[: SUFFIX_ROOM - 1]
        if suffix and not base.endswith(suffix):
            candidates.append(f"{base}-{suffix}")
    taken = set(others.filter(slug__in=candidates).values_list("slug", flat=True))
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    number = 2
    while others.filter(slug=f"{base}-{number}").exists():
        number += 1
    return f"{base}-{number}"
