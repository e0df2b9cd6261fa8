import xml.etree.ElementTree as ET

import pytest

from tests.factories import MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site_address(settings):
    settings.SITE_DOMAIN = "portal.example.org"
    settings.SITE_SCHEME = "https"


def test_atom_feed_is_valid_xml_with_published_meetings(client, demo, site_address):
    response = client.get("/en/meetings/feed/")

    root = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert root.tag == f"{ATOM}feed"
    assert "Quarterly coordination meeting of Region 2 in Constanța" in titles
    assert "First quarterly coordination meeting of Region 2" not in titles
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert (
        "https://portal.example.org/en/meetings/integrare-plus-quarterly-meeting-constanta-2016/"
        in links
    )


@pytest.mark.parametrize("path", ["/en/meetings/feed/", "/ro/meetings/feed/"])
def test_atom_feed_names_the_portal_as_its_author(client, site_address, path):
    MeetingFactory()

    root = ET.fromstring(client.get(path).content)

    [author] = root.findall(f"{ATOM}author")
    assert author.findtext(f"{ATOM}name")
    assert author.findtext(f"{ATOM}uri").startswith("https://portal.example.org/")


def test_feed_follows_the_language_of_its_url(client, demo):
    root = ET.fromstring(client.get("/ro/meetings/feed/").content)

    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța" in titles


def test_rss_feed_is_valid_xml(client, demo):
    root = ET.fromstring(client.get("/en/meetings/feed/rss/").content)

    assert root.tag == "rss"
    assert root.find("channel/item/title") is not None


def test_feed_escapes_markup_in_meeting_text(client):
    MeetingFactory(title="<b>Bold</b> title", summary="<script>alert(1)</script>")

    response = client.get("/en/meetings/feed/")

    root = ET.fromstring(response.content)
    [entry] = root.iter(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "<b>Bold</b> title"
    # The summary is HTML for the reader: the meeting's text arrives escaped inside it.
    assert "&lt;script&gt;" in entry.findtext(f"{ATOM}summary")


def test_sitemap_index_lists_every_section(client, demo, site_address):
    root = ET.fromstring(client.get("/sitemap.xml").content)

    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert "https://portal.example.org/sitemap-projects.xml" in locations
    assert "https://portal.example.org/sitemap-meetings.xml" in locations


def test_sitemap_lists_public_pages_in_every_language(client, demo, site_address):
    ProjectFactory(slug="hidden-project", is_published=False)
    MeetingFactory(slug="hidden-meeting", is_published=False)

    locations = []
    for section in ("pages", "projects", "organisations", "regions", "centres", "meetings"):
        response = client.get(f"/sitemap-{section}.xml")
        root = ET.fromstring(response.content)
        locations += [loc.text for loc in root.iter(f"{SITEMAP}loc")]

    for language in ("en", "ro", "bg"):
        assert f"https://portal.example.org/{language}/projects/integrare-plus/" in locations
        assert f"https://portal.example.org/{language}/centres/working-point-vaslui/" in locations
    assert "https://portal.example.org/en/" in locations
    assert not [loc for loc in locations if "hidden" in loc]
    assert not [loc for loc in locations if "integrare-plus-quarterly-meeting-1" in loc]


def test_unknown_sitemap_section_is_not_found(client):
    assert client.get("/sitemap-secrets.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, site_address):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: https://portal.example.org/sitemap.xml" in response.content.decode()
    assert "Disallow: /*/admin/" in response.content.decode()
