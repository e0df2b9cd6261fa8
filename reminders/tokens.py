"""The signed token of an unsubscribe link: the address itself, so no table of tokens is kept,
and no one can unsubscribe an address they did not receive a link for."""

from django.core import signing

SALT = "reminders.unsubscribe"


def unsubscribe_token(email: str) -> str:
    # No timestamp: the link in an old reminder still unsubscribes, and one address has one link.
    return signing.Signer(salt=SALT).sign_object(email.strip().lower())


def email_from_token(token: str) -> str | None:
    """The address a token was made for, or None for a token that was not signed by us."""
    try:
        email = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return email if isinstance(email, str) else None
