from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from reminders.enums import DeliveryStatus, ReminderKind


class Reminder(models.Model):
    """One e-mail the reminders send: claimed as a row before it is sent, so that a restart, a
    retry or a second worker never sends it twice, and kept as the log of what was sent."""

    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    occasion = models.DateField(
        _("for"),
        help_text=_("The meeting's day at its venue, or the first day of a digest's week."),
    )
    recipient = models.EmailField(_("recipient"))
    recipient_name = models.CharField(_("recipient's name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The follow-ups a digest lists, by id: read again when it is sent.
    action_item_ids = models.JSONField(_("follow-ups"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=DeliveryStatus,
        default=DeliveryStatus.PENDING,
        help_text=_(
            "Outcome unknown: the e-mail was handed to the mail server, but whether it went out "
            "was not recorded. It is not sent again unless an administrator tries it again."
        ),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder e-mail")
        verbose_name_plural = _("reminder e-mails")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The claim: one reminder of a kind per meeting day and address, one digest per
            # week and address. Two partial indexes, since NULL meetings never collide.
            models.UniqueConstraint(
                fields=["kind", "meeting", "occasion", "recipient"],
                condition=models.Q(meeting__isnull=False),
                name="unique_meeting_reminder",
            ),
            models.UniqueConstraint(
                fields=["kind", "occasion", "recipient"],
                condition=models.Q(meeting__isnull=True),
                name="unique_digest_reminder",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "attempts"], name="reminder_status_idx"),
            models.Index(fields=["recipient"], name="reminder_recipient_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.recipient}"


class Recipient(models.Model):
    """What an address asked of the reminders: the language it reads, or to receive none."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Left empty, reminders use the language of the meeting's country."),
    )
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed at"),
        null=True,
        blank=True,
        help_text=_("An unsubscribed address gets no more reminders."),
    )

    class Meta:
        verbose_name = _("reminder recipient")
        verbose_name_plural = _("reminder recipients")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs) -> None:
        # Reminders are addressed in lower case: the same address however it was typed.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)
