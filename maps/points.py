"""The places a map shows: public centres, reviewed organisations and published meetings' venues.

A point carries its coordinates only when its record gives them; none are guessed or geocoded.
Points without them are still listed beside the map, marked as having no location.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.views import first_rows
from meetings.enums import MeetingFormat
from meetings.models import Meeting
from partners.models import IntegrationCentre, Organisation

# Per kind of place: the map and its list stay readable and the page light at national scale;
# beyond it the page asks to narrow the filters.
POINT_LIMIT = 500
# Per kind of place on a region's, project's or organisation's page, where the map is an
# overview beside the page's own lists; beyond it the section links to the map page.
SECTION_POINT_LIMIT = 20

# What the point of a centre or an organisation reads of its row (see `public_centres`).
POINT_COLUMNS = ("name", "slug", "address", "latitude", "longitude", "city")

KIND_LABELS = {
    "centre": _("Integration centre"),
    "organisation": _("Organisation"),
    "meeting": _("Meeting venue"),
}


@dataclass(frozen=True)
class MapPoint:
    kind: str
    name: str
    url: str
    address: str
    latitude: float | None = None
    longitude: float | None = None
    when: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


def _coordinate(value) -> float | None:
    return None if value is None else float(value)


# --- Public rows


# A point reads a row's name, address and coordinates: only those columns are read (a tenth
# less time for a map page's 500 points of each kind than leaving out the long texts alone).


def public_centres() -> QuerySet:
    """Centres that receive people; closed ones are not places to go to."""
    return (
        IntegrationCentre.objects.active().select_related("city").only(*POINT_COLUMNS, "city__name")
    )


def public_organisations() -> QuerySet:
    return (
        Organisation.objects.reviewed()
        .with_places()
        .only(*POINT_COLUMNS, "city__name", "country", "country__name")
    )


def public_meetings() -> QuerySet:
    """Published meetings held somewhere: an online meeting has no venue."""
    return (
        Meeting.objects.published()
        .exclude(format=MeetingFormat.ONLINE)
        .select_related("city")
        .only("title", "slug", "venue", "address", "latitude", "longitude", "city",
              "city__name", "starts_at", "timezone")
    )  # fmt: skip


# --- Points of rows


def centre_point(centre: IntegrationCentre) -> MapPoint:
    return MapPoint(
        kind="centre",
        name=centre.name,
        url=centre.get_absolute_url(),
        address=_joined(centre.address, centre.city.name),
        latitude=_coordinate(centre.latitude),
        longitude=_coordinate(centre.longitude),
    )


def organisation_point(organisation: Organisation) -> MapPoint:
    return MapPoint(
        kind="organisation",
        name=organisation.name,
        url=organisation.get_absolute_url(),
        address=_joined(
            organisation.address,
            organisation.city.name if organisation.city_id else "",
            organisation.country.name if organisation.country_id else "",
        ),
        latitude=_coordinate(organisation.latitude),
        longitude=_coordinate(organisation.longitude),
    )


def meeting_point(meeting: Meeting) -> MapPoint:
    return MapPoint(
        kind="meeting",
        name=meeting.title,
        url=meeting.get_absolute_url(),
        address=_joined(
            meeting.venue, meeting.address, meeting.city.name if meeting.city_id else ""
        ),
        latitude=_coordinate(meeting.latitude),
        longitude=_coordinate(meeting.longitude),
        when=date_format(meeting.local_starts_at.date(), "DATE_FORMAT"),
    )


POINT_OF_KIND = {
    "centre": centre_point,
    "organisation": organisation_point,
    "meeting": meeting_point,
}


@dataclass
class PointSet:
    """The points of one map, and the kinds that had more rows than it shows."""

    points: list[MapPoint]
    more: list[str] = field(default_factory=list)
    limit: int = POINT_LIMIT

    @property
    def truncated(self) -> bool:
        return bool(self.more)

    @property
    def located(self) -> list[MapPoint]:
        return [point for point in self.points if point.has_location]

    def __bool__(self) -> bool:
        return bool(self.points)


def point_set(*, limit: int = POINT_LIMIT, **querysets: QuerySet | list) -> PointSet:
    """Points of each kind's first `limit` rows (`centre=…, organisation=…, meeting=…`, each a
    queryset or rows already read), in that order."""
    points: list[MapPoint] = []
    more: list[str] = []
    for kind, queryset in querysets.items():
        rows, has_more = first_rows(queryset, limit)
        points += [POINT_OF_KIND[kind](row) for row in rows]
        if has_more:
            more.append(kind)
    return PointSet(points, more, limit)
