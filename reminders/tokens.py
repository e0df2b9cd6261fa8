"""The signed token of an unsubscribe link: the address itself, so no table of tokens is kept,
and no one can unsubscribe an address they did not receive a link for."""

from django.core import signing

SALT = "reminders.unsubscribe"


def unsubscribe_token(email: str) -> str:
    return signing.dumps(email.strip().lower(), salt=SALT)


def email_from_token(token: str) -> str | None:
    """The address a token was made for, or None for a token that was not signed by us."""
    try:
        email = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return email if isinstance(email, str) else None
