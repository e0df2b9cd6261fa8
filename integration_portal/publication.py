"""Publishing and unpublishing rows that carry `is_published`, `published_at` and `published_by`.

Projects and meetings share these fields; the public querysets show only published rows.
"""

from collections.abc import Iterable

from django.db import models, transaction
from django.utils import timezone


def set_published(*, items: Iterable[models.Model], published: bool, by) -> list[models.Model]:
    """Publish (or unpublish) each item that is not so already, and return the changed ones.

    Side effects, in one transaction: `is_published` changes; publishing records
    `published_at` (now) and `published_by`, unpublishing clears them. Each change is saved
    with `full_clean()` and so lands in the item's change history with `by` as its author.
    """
    changed = []
    with transaction.atomic():
        for item in items:
            if item.is_published == published:
                continue
            item.is_published = published
            item.published_at = timezone.now() if published else None
            item.published_by = by if published else None
            item.full_clean()
            item._history_user = by
            item.save(update_fields=["is_published", "published_at", "published_by"])
            changed.append(item)
    return changed
