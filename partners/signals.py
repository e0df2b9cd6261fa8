"""Signals of the partners app that Django's own model signals cannot give."""

from django.dispatch import Signal

# Sent when a region has moved under another parent, after its path and the paths of the places
# inside it have been rewritten (post_save comes before that). Arguments: `region`.
region_moved = Signal()
