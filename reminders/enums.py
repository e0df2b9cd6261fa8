from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReminderKind(models.TextChoices):
    BEFORE_MEETING = "before", _("Before the meeting")
    THREE_DAYS_AFTER = "after_3", _("3 days after the meeting")
    SEVEN_DAYS_AFTER = "after_7", _("7 days after the meeting")
    FOLLOW_UPS = "follow_ups", _("Follow-ups due")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("reminder status", "Waiting to be sent")
    # Handed to the mail server with no outcome recorded yet: never sent again by itself.
    SENDING = "sending", pgettext_lazy("reminder status", "Outcome unknown")
    SENT = "sent", pgettext_lazy("reminder status", "Sent")
    FAILED = "failed", pgettext_lazy("reminder status", "Failed")
    SKIPPED = "skipped", pgettext_lazy("reminder status", "Not sent")
