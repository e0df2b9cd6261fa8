"""Claiming, sending and stopping reminders, and erasing an address from them."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.erasure import person_erasure
from meetings.enums import ActionItemStatus, MeetingStatus
from meetings.models import ActionItem
from reminders.enums import DeliveryStatus, ReminderKind
from reminders.languages import chosen_languages, country_language, unsubscribed
from reminders.messages import build_message
from reminders.models import Recipient, Reminder
from reminders.planning import (
    DueReminder,
    due_reminders,
    follow_ups_to_list,
    missing_from_report,
)

logger = logging.getLogger(__name__)

RETRYABLE = [DeliveryStatus.PENDING, DeliveryStatus.FAILED]


def claim_due_reminders(*, now: datetime.datetime | None = None) -> list[Reminder]:
    """Record, as waiting to be sent, every reminder due at `now` that no row claims yet.

    Side effects: one Reminder row per new reminder. Addresses that unsubscribed get none.
    Two runs at once claim each reminder once: the unique constraints turn the second insert
    into nothing. Returns the rows this run added. Reads every meeting's private rows: run it
    with scopes disabled.
    """
    now = now or timezone.now()
    due = due_reminders(now)
    emails = {item.recipient for item in due}
    opted_out = unsubscribed(emails)
    languages = chosen_languages(emails)
    claimed = set(
        Reminder.objects.filter(occasion__in={item.occasion for item in due}).values_list(
            "kind", "meeting_id", "occasion", "recipient"
        )
    )
    new = [item for item in due if item.recipient not in opted_out and _key(item) not in claimed]
    return claim(new, languages=languages)


def _key(item: DueReminder) -> tuple:
    return (item.kind, item.meeting.pk if item.meeting else None, item.occasion, item.recipient)


def claim(items: list[DueReminder], *, languages: dict[str, str]) -> list[Reminder]:
    """Insert a row per reminder; one another run inserted first is left as it is."""
    started = timezone.now()
    Reminder.objects.bulk_create(
        [
            Reminder(
                kind=item.kind,
                meeting=item.meeting,
                occasion=item.occasion,
                recipient=item.recipient,
                recipient_name=item.name,
                language=languages.get(item.recipient) or country_language(item.country),
                action_item_ids=item.action_item_ids,
            )
            for item in items
        ],
        batch_size=500,
        # ON CONFLICT DO NOTHING: the unique constraints decide which run claims a reminder.
        ignore_conflicts=True,
    )
    keys = {_key(item) for item in items}
    added = Reminder.objects.filter(created_at__gte=started, attempts=0).select_related("meeting")
    return [row for row in added if (row.kind, row.meeting_id, row.occasion, row.recipient) in keys]


def reminders_to_send() -> list[int]:
    """Ids of the reminders waiting to be sent or to be tried again."""
    return list(
        Reminder.objects.filter(
            status__in=RETRYABLE, attempts__lt=settings.REMINDER_MAX_ATTEMPTS
        ).values_list("pk", flat=True)
    )


def deliver_reminder(*, reminder_id: int) -> Reminder | None:
    """Send one claimed reminder, unless it is sent, being sent, or no longer due.

    At most once: before the mail server is called, the row is committed as being sent, with
    the attempt counted, and only a failure of the mail server returns it to failed. A row left
    being sent (the process stopped, or the database could not record the outcome) may have
    gone out, so nothing sends it again: its outcome is unknown until an administrator tries
    it again from the admin. The row is locked while it is claimed for the send (SELECT … FOR
    UPDATE SKIP LOCKED on PostgreSQL), so a second worker given the same reminder finds
    nothing to do. Side effects: the e-mail; the row's status, attempts, subject, error and
    sent time. A failure of the mail server or of the message marks the row failed with the
    error, to be tried again up to REMINDER_MAX_ATTEMPTS times. Returns the row, or None when
    there was nothing to do.
    """
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(
                pk=reminder_id,
                status__in=RETRYABLE,
                attempts__lt=settings.REMINDER_MAX_ATTEMPTS,
            )
            .first()
        )
        if reminder is None:
            return None
        reason = reason_not_to_send(reminder)
        if reason:
            reminder.status = DeliveryStatus.SKIPPED
            reminder.error = str(reason)
            reminder.save(update_fields=["status", "error"])
            return reminder
        reminder.attempts += 1
        reminder.last_attempt_at = timezone.now()
        try:
            message = build_message(reminder)
        except Exception as error:
            _record_failure(reminder, error)
            reminder.save()
            return reminder
        reminder.subject = message.subject
        reminder.status = DeliveryStatus.SENDING
        reminder.error = ""
        reminder.save()
    try:
        message.send()
    except Exception as error:
        # Whatever the mail server answered, the e-mail did not go: it may be tried again.
        _record_failure(reminder, error)
    else:
        reminder.status = DeliveryStatus.SENT
        reminder.sent_at = timezone.now()
        reminder.error = ""
    # Should this write fail, the row stays being sent, and is not sent again by itself.
    reminder.save(update_fields=["status", "error", "sent_at"])
    return reminder


def _record_failure(reminder: Reminder, error: Exception) -> None:
    reminder.status = DeliveryStatus.FAILED
    reminder.error = f"{type(error).__name__}: {error}"[:2000]
    logger.warning("Reminder #%d failed on attempt %d: %s", reminder.pk, reminder.attempts, error)


def reason_not_to_send(reminder: Reminder) -> str:
    """Why a claimed reminder should no longer go out, or "" when it should."""
    if Recipient.objects.filter(email=reminder.recipient, unsubscribed_at__isnull=False).exists():
        return str(_("The address unsubscribed from reminders."))
    meeting = reminder.meeting
    if reminder.kind == ReminderKind.BEFORE_MEETING and not (
        meeting.reminders_enabled
        and meeting.status == MeetingStatus.PLANNED
        and meeting.starts_at > timezone.now()
        and meeting.local_starts_at.date() == reminder.occasion
    ):
        return str(_("The meeting was moved, cancelled or has begun, or its reminders are off."))
    if reminder.kind in (ReminderKind.THREE_DAYS_AFTER, ReminderKind.SEVEN_DAYS_AFTER) and not (
        meeting.reminders_enabled
        and meeting.status != MeetingStatus.CANCELLED
        and missing_from_report(meeting)
    ):
        return str(_("The meeting's record is complete, or its reminders are off."))
    if reminder.kind == ReminderKind.FOLLOW_UPS and not (
        follow_ups_to_list().filter(pk__in=reminder.action_item_ids).exists()
    ):
        if ActionItem.objects.filter(
            pk__in=reminder.action_item_ids, status=ActionItemStatus.OPEN
        ).exists():
            return str(
                _(
                    "The digest's open follow-ups belong to meetings that were cancelled or "
                    "whose reminders are off."
                )
            )
        return str(_("Every follow-up of the digest was closed."))
    return ""


def should_retry(reminder: Reminder | None) -> bool:
    return (
        reminder is not None
        and reminder.status == DeliveryStatus.FAILED
        and reminder.attempts < settings.REMINDER_MAX_ATTEMPTS
    )


def retry_delay(attempts: int) -> datetime.timedelta:
    """5, 10, 20, 40 … minutes: a mail server that is down for a while is not hammered."""
    return datetime.timedelta(minutes=5 * 2 ** max(attempts - 1, 0))


def unsubscribe(*, email: str) -> Recipient:
    """Stop every reminder to the address, now and later.

    Side effects: the address's Recipient row is marked unsubscribed (created if needed), and
    its reminders still waiting or failed are marked not sent.
    """
    email = email.strip().lower()
    with transaction.atomic():
        recipient, _created = Recipient.objects.select_for_update().get_or_create(email=email)
        if recipient.unsubscribed_at is None:
            recipient.unsubscribed_at = timezone.now()
            recipient.save(update_fields=["unsubscribed_at"])
        Reminder.objects.filter(recipient=email, status__in=RETRYABLE).update(
            status=DeliveryStatus.SKIPPED,
            error=str(_("The address unsubscribed from reminders.")),
        )
    return recipient


@person_erasure.register("reminder e-mails and reminder settings")
def erase_address(*, email: str, dry_run: bool) -> int:
    """Delete every reminder to the address, waiting, sent or failed, and its settings."""
    reminders = Reminder.objects.filter(recipient__iexact=email.strip())
    recipients = Recipient.objects.filter(email__iexact=email.strip())
    count = reminders.count() + recipients.count()
    if not dry_run:
        reminders.delete()
        recipients.delete()
    return count
