"""Every page a role can reach answers without a server error and keeps private facts private."""

import re
from urllib.parse import quote

import pytest

from tests.security.conftest import MARKERS, ROLES
from tests.security.crawler import crawl

PUBLIC_STARTS = [
    "/en/",
    "/sitemap.xml",
    "/robots.txt",
    "/en/meetings/feed/",
    "/en/meetings/feed/rss/",
    "/en/meetings/calendar.ics",
    # The JSON API: its root links every list, whose rows link their resources.
    "/api/",
    "/api/docs/",
]
# What each role must at least reach, so a crawl that stopped early cannot pass unnoticed.
EXPECTED_SIGHTINGS = {
    "staff": [
        "marker.attendee.a@example.org",
        "Marker draft meeting of B",
        "marker.contact.a@example.org",
        "Marker follow-up of B",
    ],
    "administrator": [
        "marker.attendee.b@example.org",
        "Marker draft meeting of A",
        "marker.contact.a@example.org",
        "Marker follow-up of B",
    ],
    "coordinator_a": [
        "marker.attendee.a@example.org",
        "Marker draft meeting of A",
        "marker.contact.a@example.org",
    ],
    "coordinator_b": [
        "marker.attendee.b@example.org",
        "Marker draft meeting of B",
        "Marker follow-up of B",
    ],
}


# Parts of the markers: a search for them must not bring up the whole private fact. (Searching
# for a whole marker would find it echoed in the search box.)
SEARCH_TERMS = [
    "marker.attendee",
    "799 123",
    "Marker private",
    "Marker draft",
    "marker.contact",
    "Marker follow-up",
]


def _searches() -> list[str]:
    return [f"/en/search/?q={quote(term)}" for term in SEARCH_TERMS] + [
        f"{list_url}?q={quote(term)}"
        for list_url in ["/en/meetings/", "/api/meetings/", "/api/projects/"]
        for term in SEARCH_TERMS
    ]


def _api_urls(world) -> list[str]:
    """Each planted meeting's API resource, drafts included: each must check what it shows."""
    return [f"/api/meetings/{meeting.slug}/" for meeting in world.meetings]


@pytest.mark.parametrize("role", ROLES)
def test_every_reachable_page_answers_and_hides_what_the_role_may_not_see(
    client, planted_world, role, role_user
):
    starts = PUBLIC_STARTS + planted_world.direct_urls() + _api_urls(planted_world) + _searches()
    if role_user is not None:
        client.force_login(role_user)
        starts.insert(0, "/en/admin/")

    result = crawl(client, starts)

    print(f"{role}: {len(result.pages)} pages, {result.skipped_by_cap} more of the same kinds")
    assert not result.truncated
    assert result.server_errors() == []
    leaks = {
        marker: result.containing(marker)
        for marker, entitled in MARKERS.items()
        if role not in entitled and result.containing(marker)
    }
    assert leaks == {}
    for marker in EXPECTED_SIGHTINGS.get(role, []):
        assert result.containing(marker), f"{role} never reached a page showing {marker!r}"
    assert len(result.pages) > 30
    # Reached only by following the API's JSON links, from its root to a list to a resource.
    assert any(re.fullmatch(r"/api/projects/[\w-]+/", page.url) for page in result.pages)
