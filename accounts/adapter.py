import logging
import smtplib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest
from django.shortcuts import render

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created or invited by an administrator: there is no public sign-up."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        try:
            super().send_mail(template_prefix, email, context)
        except (smtplib.SMTPException, OSError):
            logger.exception("E-mail %r could not be sent", template_prefix)
            raise ImmediateHttpResponse(
                render(self.request, "account/email_unavailable.html", status=503)
            ) from None


class MFAAdapter(DefaultMFAAdapter):
    def build_totp_svg(self, url: str) -> str:
        # The QR code is placed inline in an HTML page, where an XML declaration is invalid.
        svg = super().build_totp_svg(url)
        return svg[svg.index("<svg") :]
