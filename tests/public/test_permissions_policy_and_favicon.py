"""Every response denies the browser features the portal never uses; /favicon.ico exists."""

import pytest

from integration_portal.middleware import permissions_policy_header

pytestmark = pytest.mark.django_db

DENIED = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


@pytest.mark.parametrize(
    "path",
    ["/en/", "/ro/projects/", "/en/meetings/feed/", "/robots.txt", "/en/no-such-page/", "/healthz"],
)
def test_every_response_sends_a_permissions_policy(client, path):
    response = client.get(path)

    policy = response["Permissions-Policy"]
    assert all(feature in policy.split(", ") for feature in DENIED), policy


def test_permissions_policy_header_writes_structured_field_lists():
    header = permissions_policy_header(
        {"camera": [], "fullscreen": ["self"], "autoplay": ["self", "https://video.example"]}
    )

    assert header == 'camera=(), fullscreen=(self), autoplay=(self "https://video.example")'


def test_favicon_ico_is_served_from_the_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content.startswith(b"\x00\x00\x01\x00")  # an ICO file
    assert "max-age=86400" in response["Cache-Control"]
    assert client.head("/favicon.ico").status_code == 200


def test_pages_link_their_icons(client):
    html = client.get("/en/").content.decode()

    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in html
    assert 'rel="apple-touch-icon" href="/static/apple-touch-icon.png"' in html
