"""Erasing a person on request (GDPR article 17) without breaking what meetings report."""

import json
import logging
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q

from core.erasure import person_erasure
from feedback.models import FeedbackMessage
from meetings.models import Attendance, Meeting
from meetings.report_retention import delete_reports_of_meetings
from partners.models import Contact

logger = logging.getLogger("audit")

ERASED_NAME = "[erased]"


@dataclass(frozen=True)
class ErasureResult:
    contacts_deleted: int
    attendances_anonymised: int
    meetings_affected: int
    log_entries_scrubbed: int
    feedback_messages_deleted: int = 0
    prepared_reports_deleted: int = 0
    # Rows of higher apps, erased through core.erasure: {"reminder e-mails": 2}.
    other_rows_erased: dict[str, int] = field(default_factory=dict)


def erase_person(*, email: str, dry_run: bool = False) -> ErasureResult:
    """Remove a person, found by e-mail (any letter case), from the portal's records.

    Side effects, in one transaction:
    - every Contact with that e-mail is deleted;
    - every attendance row with that e-mail or linked to those contacts keeps its meeting,
      organisation and presence (so participant totals stay right) but loses the name,
      position, e-mail and contact link, in the row and in its change history;
    - the admin's change log stops showing their name for those contacts and meetings;
    - every feedback message sent from that address is deleted;
    - every prepared meeting report (PDF) of those meetings is deleted, with its file: it
      still lists their name;
    - the erasure hooks of higher apps (core.erasure) erase their rows for that address.
    With `dry_run` nothing is changed and the counts say what would be.

    Raises ValidationError for a value that is not an e-mail address.
    """
    email = email.strip()
    validate_email(email)
    with transaction.atomic():
        contacts = list(Contact.objects.filter(email__iexact=email))
        feedback_messages = FeedbackMessage.objects.filter(email__iexact=email)
        attendances = list(
            Attendance.objects.select_for_update().filter(
                Q(email__iexact=email) | Q(contact__in=[contact.pk for contact in contacts])
            )
        )
        names = {contact.name for contact in contacts} | {row.person_name for row in attendances}
        names |= {str(contact) for contact in contacts}
        names.discard("")
        meeting_ids = {row.meeting_id for row in attendances}
        scrubbed = _scrub_log_entries(
            names=names,
            objects=[(Contact, contact.pk) for contact in contacts]
            + [(Meeting, meeting_id) for meeting_id in meeting_ids]
            + [(Attendance, row.pk) for row in attendances],
            dry_run=dry_run,
        )
        result = ErasureResult(
            contacts_deleted=len(contacts),
            attendances_anonymised=len(attendances),
            meetings_affected=len(meeting_ids),
            log_entries_scrubbed=scrubbed,
            feedback_messages_deleted=feedback_messages.count(),
            prepared_reports_deleted=delete_reports_of_meetings(meeting_ids, dry_run=dry_run),
            other_rows_erased=person_erasure.erase(email=email, dry_run=dry_run),
        )
        if dry_run:
            return result
        anonymise_attendance([row.pk for row in attendances])
        feedback_messages.delete()
        # Deleting a contact records a last version of it: its history goes after it.
        Contact.objects.filter(pk__in=[contact.pk for contact in contacts]).delete()
        contact_history = getattr(Contact, "history", None)
        if contact_history is not None:
            contact_history.filter(id__in=[contact.pk for contact in contacts]).delete()
    # The address itself is not logged: the log must not keep what was erased.
    logger.info(
        "Person erased: %d contact(s) deleted, %d attendance row(s) anonymised in %d meeting(s), "
        "%d feedback message(s) deleted, %d prepared report(s) deleted",
        result.contacts_deleted,
        result.attendances_anonymised,
        result.meetings_affected,
        result.feedback_messages_deleted,
        result.prepared_reports_deleted,
    )
    return result


ANONYMOUS_ATTENDANCE = {"person_name": ERASED_NAME, "position": "", "email": "", "contact": None}


def anonymise_attendance(attendance_ids: list[int]) -> None:
    """Take the person out of these attendance rows and their change history; the meeting,
    organisation and presence stay, so that every total still adds up."""
    Attendance.objects.filter(pk__in=attendance_ids).update(**ANONYMOUS_ATTENDANCE)
    history = getattr(Attendance, "history", None)
    if history is not None:
        history.filter(id__in=attendance_ids).update(**ANONYMOUS_ATTENDANCE)


def _scrub_log_entries(*, names: set[str], objects: list[tuple[type, int]], dry_run: bool) -> int:
    if not names or not objects:
        return 0
    content_types = ContentType.objects.get_for_models(*{model for model, _pk in objects})
    wanted = Q()
    for model, pk in objects:
        wanted |= Q(content_type=content_types[model], object_id=str(pk))
    scrubbed = 0
    for entry in LogEntry.objects.select_for_update().filter(wanted):
        object_repr = _replace_names(entry.object_repr, names)
        change_message = _scrub_change_message(entry.change_message, names)
        if (object_repr, change_message) == (entry.object_repr, entry.change_message):
            continue
        scrubbed += 1
        if not dry_run:
            LogEntry.objects.filter(pk=entry.pk).update(
                object_repr=object_repr, change_message=change_message
            )
    return scrubbed


def _replace_names(text: str, names: set[str]) -> str:
    # Longest first, so "Ana Pop (Org)" goes before "Ana Pop" leaves " (Org)" behind.
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, ERASED_NAME)
    return text


def _scrub_change_message(message: str, names: set[str]) -> str:
    try:
        parsed = json.loads(message)
    except (TypeError, ValueError):
        return _replace_names(message, names)
    scrubbed = _scrub_json(parsed, names)
    return message if scrubbed == parsed else json.dumps(scrubbed)


def _scrub_json(value, names: set[str]):
    if isinstance(value, str):
        return _replace_names(value, names)
    if isinstance(value, list):
        return [_scrub_json(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_json(item, names) for key, item in value.items()}
    return value
