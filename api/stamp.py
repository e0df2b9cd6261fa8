"""The API's content stamp: renewed whenever public content changes, read by every request.

Its token goes into each response's ETag and its time is the Last-Modified, so a conditional
GET is answered 304 after one primary-key read, before any list is filtered or counted. The
portal's models keep no `updated_at` of their own; the stamp stands for all of them at once.

It is renewed on the same path as the public pages' cache: `core.public_cache.content_changed()`
sends `core.signals.public_content_changed`, on each save and delete in PUBLIC_CONTENT_APPS and
from the writes that send no model signals (QuerySet.update, bulk_create, the `restore`
command), which call it themselves; the stamp is renewed once the change is committed. A write
that neither saves a model nor calls `content_changed()` leaves the stamp, and so every
client's ETag, as it was.
"""

import functools
import uuid

from django.db import models, transaction
from django.utils import timezone

from api.models import ContentStamp
from core.public_cache import is_public_content

STAMP_ID = 1
# Rows of the public apps that no API resource shows: their changes leave the stamp alone.
NOT_SHOWN = frozenset({"partners.Contact", "meetings.Attendance"})


@functools.cache
def shows_changes_of(model: type[models.Model]) -> bool:
    label = model._meta.label
    if not is_public_content(model) or label in NOT_SHOWN:
        return False
    # simple_history's copies of each saved row (HistoricalProject…).
    return not any(field.name == "history_id" for field in model._meta.fields)


def on_public_content_changed(sender, using: str = "default", **kwargs) -> None:
    """Renew the stamp after the commit; `sender` is the model changed, None if not known."""
    if sender is None or shows_changes_of(sender):
        transaction.on_commit(renew, using=using)


def renew() -> ContentStamp:
    """A new token, stamped now; side effect: the one row is written (created if missing)."""
    values = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    if ContentStamp.objects.filter(pk=STAMP_ID).update(**values):
        return ContentStamp(pk=STAMP_ID, **values)
    stamp, _created = ContentStamp.objects.get_or_create(pk=STAMP_ID, defaults=values)
    return stamp


def current() -> ContentStamp:
    stamp = ContentStamp.objects.filter(pk=STAMP_ID).first()
    return stamp if stamp is not None else renew()
