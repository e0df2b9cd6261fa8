"""Feeds of published meetings, newest first, in the language of the URL."""

from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.site_address import site_url
from meetings.models import Meeting

FEED_SIZE = 30


class MeetingRssFeed(Feed):
    """Links name the portal's configured address (``SITE_DOMAIN``), never the request's host.

    The feed's "object" is the request, whose path is the feed's own address. Readers keep
    entries by their links: the same meeting under two hosts would be two entries.
    """

    title = _("Meetings of the integration network")
    description = _(
        "Coordination meetings, conferences and public events of the regional migrant "
        "integration network."
    )
    # RFC 4287 wants an author on the feed when its entries have none: the portal itself.
    author_name = _("Integration Portal")

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        return request

    def author_link(self) -> str:
        return site_url(reverse("home"))

    def link(self, request: HttpRequest) -> str:
        return site_url(reverse("meetings:meeting-list"))

    def feed_url(self, request: HttpRequest) -> str:
        return site_url(request.get_full_path())

    def items(self, request: HttpRequest) -> list[Meeting]:
        return list(
            Meeting.objects.published()
            .with_places()
            .with_ordinal()
            .alias(listed_at=Coalesce("published_at", "starts_at"))
            .order_by("-listed_at", "-pk")[:FEED_SIZE]
        )

    def item_link(self, item: Meeting) -> str:
        return site_url(item.get_absolute_url())

    def item_title(self, item: Meeting) -> str:
        return item.title

    def item_description(self, item: Meeting) -> str:
        when = date_format(
            item.local_starts_at, "DATE_FORMAT" if item.all_day else "DATETIME_FORMAT"
        )
        place = ", ".join(str(part) for part in (item.venue, item.city) if part)
        header = " · ".join(part for part in (item.kind_label, when, place) if part)
        # Readers treat the description as HTML: the meeting's own text is escaped into it.
        summary = mark_safe(linebreaks(item.summary, autoescape=True))
        return format_html("<p>{}</p>{}", header, summary)

    def item_pubdate(self, item: Meeting):
        return item.published_at or item.starts_at

    def item_updateddate(self, item: Meeting):
        return item.published_at or item.starts_at

    def item_categories(self, item: Meeting) -> list[str]:
        return [str(item.get_kind_display())]


class MeetingAtomFeed(MeetingRssFeed):
    feed_type = Atom1Feed
    subtitle = MeetingRssFeed.description
