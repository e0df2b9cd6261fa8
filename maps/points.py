"""The places a map shows: public centres, reviewed organisations and published meetings' venues.

A point carries its coordinates only when its record gives them; none are guessed or geocoded.
Points without them are still listed beside the map, marked as having no location.
"""

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.db.models import F, Model, QuerySet
from django.db.models.expressions import Combinable
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.detail_urls import slug_url
from core.translated_columns import in_page_language, read_as_named
from core.views import first_rows
from meetings.enums import MeetingFormat
from meetings.models import Meeting
from partners.models import IntegrationCentre, Organisation, Region

# Per kind of place: the map and its list stay readable and the page light at national scale;
# beyond it the page asks to narrow the filters.
POINT_LIMIT = 500
# Per kind of place on a region's, project's or organisation's page, where the map is an
# overview beside the page's own lists; beyond it the section links to the map page.
SECTION_POINT_LIMIT = 20

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
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


def _coordinate(value) -> float | None:
    return None if value is None else float(value)


# --- Public rows


def public_centres() -> QuerySet:
    """Centres that receive people; closed ones are not places to go to."""
    return IntegrationCentre.objects.active()


def public_organisations() -> QuerySet:
    return Organisation.objects.reviewed()


def public_meetings() -> QuerySet:
    """Published meetings held somewhere: an online meeting has no venue."""
    return Meeting.objects.published().exclude(format=MeetingFormat.ONLINE)


# --- Points of rows
#
# A queryset's rows are read as plain values: only the columns a point shows, the translated
# ones in the page's language, and no model instance per row. The map page's 1,500 places at
# national scale took 57 ms to read as instances, and their points 33 ms more.


def _place_columns(model: type[Model]) -> dict[str, Combinable]:
    """What the point of a centre or an organisation shows of its row."""
    return {
        "name": in_page_language(model, "name"),
        "slug": F("slug"),
        "address": F("address"),
        "city": in_page_language(Region, "name", through="city"),
        "latitude": F("latitude"),
        "longitude": F("longitude"),
    }


def _place_values(place: IntegrationCentre | Organisation) -> dict:
    """The same values of a centre or an organisation already read."""
    return {
        "name": place.name,
        "slug": place.slug,
        "address": place.address,
        "city": place.city.name if place.city_id else "",
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def centre_point(row: dict) -> MapPoint:
    return MapPoint(
        kind="centre",
        name=row["name"],
        url=slug_url("partners:centre-detail", row["slug"]),
        address=_joined(row["address"], row["city"]),
        latitude=_coordinate(row["latitude"]),
        longitude=_coordinate(row["longitude"]),
    )


def _organisation_columns() -> dict[str, Combinable]:
    country = in_page_language(Region, "name", through="country")
    return {**_place_columns(Organisation), "country": country}


def _organisation_values(organisation: Organisation) -> dict:
    country = organisation.country.name if organisation.country_id else ""
    return {**_place_values(organisation), "country": country}


def organisation_point(row: dict) -> MapPoint:
    return MapPoint(
        kind="organisation",
        name=row["name"],
        url=slug_url("partners:organisation-detail", row["slug"]),
        address=_joined(row["address"], row["city"], row["country"]),
        latitude=_coordinate(row["latitude"]),
        longitude=_coordinate(row["longitude"]),
    )


def _meeting_columns() -> dict[str, Combinable]:
    return {
        "title": in_page_language(Meeting, "title"),
        "slug": F("slug"),
        "venue": in_page_language(Meeting, "venue"),
        "address": F("address"),
        "city": in_page_language(Region, "name", through="city"),
        "latitude": F("latitude"),
        "longitude": F("longitude"),
        "starts_at": F("starts_at"),
        "timezone": F("timezone"),
    }


def meeting_point(row: dict) -> MapPoint:
    local_start = timezone.localtime(row["starts_at"], zoneinfo.ZoneInfo(row["timezone"]))
    return MapPoint(
        kind="meeting",
        name=row["title"],
        url=slug_url("meetings:meeting-detail", row["slug"]),
        address=_joined(row["venue"], row["address"], row["city"]),
        latitude=_coordinate(row["latitude"]),
        longitude=_coordinate(row["longitude"]),
        when=date_format(local_start.date(), "DATE_FORMAT"),
    )


@dataclass(frozen=True)
class PointKind:
    """How a kind of place becomes points: the columns read of its rows, the point made of
    them, and for rows already read (a project's centres and partners) the same values."""

    columns: Callable[[], dict[str, Combinable]]
    point: Callable[[dict], MapPoint]
    values_of: Callable[[Model], dict] | None = None


POINT_KINDS = {
    "centre": PointKind(partial(_place_columns, IntegrationCentre), centre_point, _place_values),
    "organisation": PointKind(_organisation_columns, organisation_point, _organisation_values),
    "meeting": PointKind(_meeting_columns, meeting_point),
}


def points_of(kind: str, rows: QuerySet | list, limit: int) -> tuple[list[MapPoint], bool]:
    """The points of the first `limit` of `rows` of `kind`, and whether there are more."""
    point_kind = POINT_KINDS[kind]
    if isinstance(rows, QuerySet):
        columns = point_kind.columns()
        values, more = first_rows(read_as_named(rows).values_list(*columns.values()), limit)
        values = [dict(zip(columns, row, strict=True)) for row in values]
    else:
        rows, more = first_rows(rows, limit)
        values = [point_kind.values_of(row) for row in rows]
    return [point_kind.point(row) for row in values], more


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
    for kind, rows in querysets.items():
        kind_points, has_more = points_of(kind, rows, limit)
        points += kind_points
        if has_more:
            more.append(kind)
    return PointSet(points, more, limit)
