"""Rows that are shown to the public only once someone publishes them.

Projects and meetings carry the same publication fields; who published a row and when is
recorded by `set_published`, the only way publication changes.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The rows visitors may see, as the model defines them."""
        return self.filter(self.model.published_condition())


class PublishableModel(models.Model):
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    @classmethod
    def published_condition(cls) -> models.Q:
        """What "public" means for this model; a model with drafts adds its own condition."""
        return models.Q(is_published=True)

    def publication_problems(self) -> list[str]:
        """What keeps this row off the public site, in words for its editor; empty when it
        may be published. Asked before publishing, so the editor learns it before confirming."""
        return []


def set_published(
    *, items: Iterable[PublishableModel], published: bool, by
) -> list[PublishableModel]:
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


@dataclass(frozen=True)
class Publication:
    """What publishing a selection did: the rows now public, and those refused with why."""

    changed: list[PublishableModel]
    refused: list[tuple[PublishableModel, list[str]]]


def refusals(items: Iterable[PublishableModel]) -> list[tuple[PublishableModel, list[str]]]:
    """The unpublished items that may not be published yet, each with its problems."""
    found = []
    for item in items:
        if item.is_published:
            continue
        problems = item.publication_problems()
        if problems:
            found.append((item, problems))
    return found


def publish(*, items: Iterable[PublishableModel], by) -> Publication:
    """Publish the items that may be published (see `set_published`); refuse the others.

    Side effects: as `set_published`, for the items without publication problems only.
    """
    items = list(items)
    refused = refusals(items)
    refused_items = {id(item) for item, _problems in refused}
    ready = [item for item in items if id(item) not in refused_items]
    return Publication(changed=set_published(items=ready, published=True, by=by), refused=refused)
