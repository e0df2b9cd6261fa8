"""Audit lines for sign-ins, failed sign-ins and admin changes: who, what, and when.

The timestamp comes from the log formatter. Admin changes are also kept in the database as
Django's LogEntry rows, which the admin's history pages show; the log line puts them in the
same stream as the sign-in events. The password is never logged.

A log line leaves the database, where erasing a person (meetings.privacy) cannot reach it, so
lines about changes carry identifiers and field names only: "user #3", "attendance #12",
"changed title, summary; added attendance", never a name or an object's text. A failed
sign-in keeps the login that was typed, which is what an attack on an account shows.
"""

import json
import logging

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from core.client_address import client_address

logger = logging.getLogger("audit")

ACTIONS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}
MAX_LOGGED_CHARS = 200


def _client(request: HttpRequest | None) -> str:
    if request is None:
        return "-"
    return client_address(request)


def _model_name(content_type_id: int | None) -> str:
    if content_type_id is None:
        return "object"
    return ContentType.objects.get_for_id(content_type_id).model  # cached, no query


def _printable(value) -> str:
    """One line, bounded: a hostile user name must not forge or flood log lines."""
    text = str(value)[:MAX_LOGGED_CHARS]
    return text.encode("unicode_escape").decode("ascii")


@receiver(user_login_failed, dispatch_uid="audit.sign_in_failed")
def log_failed_sign_in(sender, credentials: dict, request: HttpRequest | None = None, **kwargs):
    who = credentials.get("email") or credentials.get("username") or credentials.get("login")
    logger.warning(
        "Sign-in failed for %s from %s", _printable(who or "(no name given)"), _client(request)
    )


@receiver(user_logged_in, dispatch_uid="audit.signed_in")
def log_sign_in(sender, request: HttpRequest | None, user, **kwargs):
    logger.info("Signed in: user #%s from %s", user.pk, _client(request))


def change_summary(entry: LogEntry) -> str:
    """What changed, by field and model name: "changed title; added attendance"."""
    try:
        changes = json.loads(entry.change_message or "[]")
    except json.JSONDecodeError:
        return "-"
    parts = []
    for change in changes if isinstance(changes, list) else []:
        for action, details in change.items():
            if not isinstance(details, dict):
                continue
            if "name" in details:  # a row of an inline: its model, never its text
                parts.append(f"{action} {details['name']}")
            elif details.get("fields"):
                parts.append(f"{action} {', '.join(map(str, details['fields']))}")
            else:
                parts.append(action)
    return _printable("; ".join(parts) or "-")


@receiver(post_save, sender=LogEntry, dispatch_uid="audit.admin_change")
def log_admin_change(sender, instance: LogEntry, created: bool, raw: bool = False, **kwargs):
    if not created or raw:
        return
    logger.info(
        "Admin %s %s #%s by user #%s: %s",
        ACTIONS.get(instance.action_flag, "touched"),
        _model_name(instance.content_type_id),
        _printable(instance.object_id),
        instance.user_id,
        change_summary(instance),
    )
