"""Signals core sends for the apps above it, which it cannot name."""

from django.dispatch import Signal

#: What the public site and the API show may have changed. Sent by
#: ``core.public_cache.content_changed()``: on each save and delete in PUBLIC_CONTENT_APPS, and
#: by the writes that send no model signals (``QuerySet.update()``, ``bulk_create()``, a
#: restore). ``sender`` is the model whose rows changed, or None when that is not known (every
#: model may have); ``using`` is the database alias written to.
public_content_changed = Signal()
