"""The API's content stamp: renewed whenever public content changes, read by every request.

Its token goes into each response's ETag and its time is the Last-Modified, so a conditional
GET is answered 304 after one primary-key read, before any list is filtered or counted. The
portal's models keep no `updated_at` of their own; the stamp stands for all of them at once.

Writes that send no signals (bulk_create, QuerySet.update, loading a database dump) leave the
stamp as it was: the synthetic data generator and the benchmark work on fresh databases.
"""

import functools
import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from api.models import ContentStamp

STAMP_ID = 1
# Rows of the public apps that no API resource shows: their changes leave the stamp alone.
NOT_SHOWN = frozenset({"partners.Contact", "meetings.Attendance"})


@functools.cache
def shows_changes_of(model: type[models.Model]) -> bool:
    label = model._meta.label
    if model._meta.app_label not in settings.PUBLIC_CONTENT_APPS or label in NOT_SHOWN:
        return False
    # simple_history's copies of each saved row (HistoricalProject…).
    return not any(field.name == "history_id" for field in model._meta.fields)


def on_model_change(sender, using: str = "default", **kwargs) -> None:
    if shows_changes_of(sender):
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
