"""The map in Chromium: markers and country outlines drawn from the portal alone, usable by
keyboard, within the strict Content Security Policy, and passing axe with places on it."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from partners.models import IntegrationCentre
from tests.e2e.test_accessibility import _blocking_violations

pytestmark = pytest.mark.e2e

# Where the demo's centres are: the map shows only what the records give.
CENTRE_PLACES = {
    "regional-integration-centre-galati": (Decimal("45.435"), Decimal("28.008")),
    "regional-integration-centre-constanta": (Decimal("44.173"), Decimal("28.638")),
}


def test_map_draws_markers_and_outlines_without_the_network(page, site):
    for slug, (latitude, longitude) in CENTRE_PLACES.items():
        IntegrationCentre.objects.filter(slug=slug).update(latitude=latitude, longitude=longitude)
    elsewhere, refused = [], []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site)
            else (elsewhere.append(route.request.url), route.abort())
        ),
    )
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    page.goto("/en/map/?show=centres")
    # Outlines out of sight are drawn as an empty "M0 0"; Romania's is in sight. (A locator,
    # not wait_for_function, whose polling would need the eval that the policy forbids.)
    page.locator('.leaflet-overlay-pane path:not([d="M0 0"])').first.wait_for(state="attached")
    markers = page.locator(".leaflet-marker-icon.map-marker")

    assert markers.count() == 2
    assert page.locator(".leaflet-overlay-pane path").count() > 10  # the countries
    assert page.locator(".map-list__item").count() == 3  # Vaslui's point has no location
    assert elsewhere == []
    assert refused == []

    markers.first.focus()
    page.keyboard.press("Enter")
    popup_link = page.locator(".leaflet-popup-content a")
    popup_link.wait_for()
    assert popup_link.inner_text() in page.locator(".map-list").inner_text()
    # The popup fades in: its colours are checked once it is fully drawn.
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")

    from axe_playwright_python.sync_playwright import Axe

    assert _blocking_violations(Axe(), page) == []
