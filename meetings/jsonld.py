"""Meetings as schema.org `Event`s (see core.jsonld). Only what the public page shows: no
attendees, contacts or e-mail addresses."""

from django.utils import translation

from core.jsonld import SCHEMA_ORG, json_ld_builders, without_empty
from core.site_address import site_url
from meetings.enums import MeetingFormat, MeetingStatus, OrganisationRoleInMeeting
from meetings.models import Meeting
from partners.jsonld import geo_coordinates, organisation_reference, postal_address

ATTENDANCE_MODES = {
    MeetingFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    MeetingFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    MeetingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# A held meeting happened as scheduled; the portal knows no postponement, only cancellation.
EVENT_STATUSES = {
    MeetingStatus.PLANNED: "https://schema.org/EventScheduled",
    MeetingStatus.HELD: "https://schema.org/EventScheduled",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def _moment(meeting: Meeting, local) -> str | None:
    """ISO 8601 in the venue's zone with its offset ("2024-03-14T11:30:00+01:00"), or the
    date alone while the time is not announced."""
    if local is None:
        return None
    return local.date().isoformat() if meeting.all_day else local.isoformat()


def _place(meeting: Meeting) -> dict | None:
    # Without the country: the city's would cost the page a query, and the locality says enough.
    address = postal_address(street=meeting.address, city=meeting.city, country=None)
    name = meeting.venue or (meeting.city.name if meeting.city else "")
    geo = geo_coordinates(meeting.latitude, meeting.longitude)
    if not name and len(address) == 1 and not geo:
        return None
    return without_empty(
        {
            "@type": "Place",
            "name": name,
            "address": address if len(address) > 1 else None,
            "geo": geo,
        }
    )


def _virtual_location(meeting: Meeting) -> dict:
    # The portal keeps no link to join a meeting: the meeting's page is where to learn more.
    return {"@type": "VirtualLocation", "url": site_url(meeting.get_absolute_url())}


def _location(meeting: Meeting) -> dict | list | None:
    if meeting.format == MeetingFormat.ONLINE:
        return _virtual_location(meeting)
    place = _place(meeting)
    if meeting.format == MeetingFormat.HYBRID:
        return [location for location in (place, _virtual_location(meeting)) if location]
    return place


def _organisers(meeting: Meeting) -> list[dict]:
    """The organisations organising it, else its host. Reads the `organisation_links`
    for_detail prefetches, when present."""
    links = getattr(meeting, "organisation_links", None)
    if links is None:
        links = meeting.meeting_organisations.select_related("organisation")
    organisers = [
        link.organisation for link in links if link.role == OrganisationRoleInMeeting.ORGANISER
    ]
    if not organisers and meeting.host:
        organisers = [meeting.host]
    return [organisation_reference(organisation) for organisation in organisers]


@json_ld_builders.register(Meeting)
def meeting_json_ld(meeting: Meeting) -> dict | None:
    if not meeting.is_published or meeting.status == MeetingStatus.DRAFT:
        return None
    url = site_url(meeting.get_absolute_url())
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Event",
            "@id": url,
            "name": meeting.title,
            "description": meeting.summary,
            "url": url,
            "inLanguage": translation.get_language(),
            "startDate": _moment(meeting, meeting.local_starts_at),
            "endDate": _moment(meeting, meeting.local_ends_at),
            "eventAttendanceMode": ATTENDANCE_MODES.get(meeting.format),
            "eventStatus": EVENT_STATUSES.get(meeting.status),
            "location": _location(meeting),
            "organizer": _organisers(meeting),
        }
    )
