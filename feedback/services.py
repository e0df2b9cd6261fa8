import logging
import smtplib
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from feedback.models import FeedbackKind, FeedbackMessage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedbackReceipt:
    feedback: FeedbackMessage
    acknowledged: bool


def submit_feedback(
    *,
    kind: FeedbackKind | str,
    email: str,
    message: str,
    language: str,
    name: str = "",
    page: str = "",
) -> FeedbackReceipt:
    """Store a visitor's feedback message, then acknowledge it by e-mail in their language.

    Side effects: one FeedbackMessage row, committed before any mail is sent (call this outside
    a transaction), so a mail server that is down cannot lose the message; one e-mail to
    `email`; the row's `acknowledged_at` set once that e-mail has gone. A mail failure is
    logged and reported in the receipt, never raised.

    Raises ValidationError when a value does not fit the model.
    """
    with transaction.atomic():
        feedback = FeedbackMessage(
            kind=kind, name=name, email=email, page=page, message=message, language=language
        )
        feedback.full_clean()
        feedback.save()
    return FeedbackReceipt(feedback=feedback, acknowledged=send_acknowledgement(feedback))


def send_acknowledgement(feedback: FeedbackMessage) -> bool:
    """E-mail the sender that their message arrived; True if the mail server took it.

    The mail quotes neither the name nor the message typed into the form: anyone may type any
    address, and the portal must not become a way to send someone else's text to a stranger.
    """
    with translation.override(feedback.language):
        subject = gettext("We received your message")
        body = render_to_string("feedback/acknowledgement_email.txt", {"feedback": feedback})
    try:
        send_mail(subject, body, None, [feedback.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("Acknowledgement of feedback message #%s not sent", feedback.pk)
        return False
    feedback.acknowledged_at = timezone.now()
    FeedbackMessage.objects.filter(pk=feedback.pk).update(acknowledged_at=feedback.acknowledged_at)
    return True
