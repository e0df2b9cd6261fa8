"""Messages from visitors about accessibility barriers and requests for content in an
accessible form: the feedback mechanism an accessibility statement must offer."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


class FeedbackKind(models.TextChoices):
    BARRIER = "barrier", _("An accessibility barrier")
    ACCESSIBLE_FORMAT = "accessible-format", _("A request for content in an accessible format")
    OTHER = "other", _("Something else")


class FeedbackMessageQuerySet(models.QuerySet):
    def received_before(self, moment: datetime.datetime) -> "FeedbackMessageQuerySet":
        return self.filter(received_at__lt=moment)


class FeedbackMessage(models.Model):
    kind = models.CharField(
        _("kind"), max_length=20, choices=FeedbackKind.choices, default=FeedbackKind.BARRIER
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    page = models.CharField(
        _("page address"),
        max_length=500,
        blank=True,
        help_text=_("The path of the page on this portal the message is about, if any."),
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language of the page the message was sent from; replies use it."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(
        _("acknowledgement sent"),
        null=True,
        blank=True,
        help_text=_("Empty when the acknowledgement e-mail could not be sent."),
    )
    is_handled = models.BooleanField(_("handled"), default=False)
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = FeedbackMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    def mark_handled(self, *, by, handled: bool = True) -> None:
        """Set the handled state, recording who changed it and when (not saved)."""
        self.is_handled = handled
        self.handled_at = timezone.now() if handled else None
        self.handled_by = by if handled else None
