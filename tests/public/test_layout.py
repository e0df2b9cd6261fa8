"""The base layout: landmarks, titles, the language switcher and the error pages."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import path
from django.utils import translation

from integration_portal.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/projects/",
    "/{lang}/projects/integrare-plus/",
    "/{lang}/organisations/",
    "/{lang}/organisations/novapolis/",
    "/{lang}/regions/",
    "/{lang}/regions/region-2/",
    "/{lang}/centres/",
    "/{lang}/centres/working-point-vaslui/",
    "/{lang}/meetings/",
    "/{lang}/meetings/connection-first-partner-meeting-2020/",
    "/{lang}/search/?q=constanta",
]


@pytest.mark.parametrize("language", ["en", "ro", "bg"])
def test_every_page_type_has_landmarks_one_heading_title_and_description(client, demo, language):
    for page in PAGE_TYPES:
        html = client.get(page.format(lang=language)).content.decode()

        assert f'<html lang="{language}">' in html, page
        assert re.search(r"<title>[^<]+ · [^<]+</title>", html), page
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), page
        assert len(re.findall(r"<h1[ >]", html)) == 1, page
        assert '<main id="main"' in html, page
        assert 'href="#main"' in html, page  # skip link
        assert "<footer" in html, page
        assert "Asylum, Migration and Integration Fund" in html or language != "en", page


def test_footer_acknowledges_eu_funding(client, db):
    html = client.get("/en/").content.decode()

    assert "co-financed by the European Union" in html
    assert 'alt="Flag of the European Union"' in html


def test_language_switcher_points_each_language_at_the_same_page(client, demo, settings):
    settings.SITE_SCHEME, settings.SITE_DOMAIN = "https", "portal.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "other-host.example.net"]
    html = client.get(
        "/en/projects/integrare-plus/?tab=1", HTTP_HOST="other-host.example.net"
    ).content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert 'name="next" value="/ro/projects/integrare-plus/?tab=1"' in html
    assert 'name="next" value="/bg/projects/integrare-plus/?tab=1"' in html
    assert '<span class="language-switcher__current" lang="en" aria-current="true">' in html
    # The alternate versions name the portal's own address, whatever host the request used.
    assert (
        'hreflang="ro" href="https://portal.example.org/ro/projects/integrare-plus/?tab=1"' in html
    )
    assert "other-host.example.net" not in html


def test_choosing_a_language_keeps_the_page(client, demo):
    response = client.post(
        "/i18n/setlang/", {"language": "ro", "next": "/ro/projects/integrare-plus/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/ro/projects/integrare-plus/"
    assert client.cookies["django_language"].value == "ro"


def test_root_redirects_to_the_visitors_language(client, db):
    response = client.get("/", headers={"accept-language": "bg,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/bg/"


def test_root_redirects_to_english_by_default(client, db):
    assert client.get("/")["Location"] == "/en/"


def test_navigation_marks_the_current_section(client, db):
    html = client.get("/en/centres/").content.decode()

    assert '<a href="/en/centres/" aria-current="page">' in html


def test_unknown_page_gets_the_404_page_in_the_layout(client, db):
    response = client.get("/ro/projects/nowhere/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ro">' in html
    assert 'href="/ro/projects/"' in html
    # The switcher still offers this address in the other languages.
    assert 'value="/en/projects/nowhere/"' in html


def test_server_error_page_renders_without_a_request():
    with translation.override("en"):
        html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert 'href="/en/"' in html
    assert 'href="/ro/"' in html  # language links, as no form can be posted without a token


def _raise_error(request):
    raise RuntimeError("boom")


urlpatterns = [path("en/boom/", _raise_error), *site_urlpatterns]


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_answers_with_the_500_page(client):
    client.raise_request_exception = False

    response = client.get("/en/boom/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


@pytest.mark.parametrize(
    ("template", "text"),
    [("400.html", "Bad request"), ("403.html", "Access denied"), ("404.html", "Page not found")],
)
def test_other_error_pages_render_in_the_layout(rf, template, text):
    request = rf.get("/en/")
    with translation.override("en"):
        html = render_to_string(template, request=request)

    assert f"<h1>{text}</h1>" in html
    assert '<main id="main"' in html


def test_stylesheet_is_served_from_the_site_and_uses_no_web_fonts():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")

    assert "@import" not in css
    assert "url(http" not in css
    assert ":focus-visible" in css
    assert "system-ui" in css


@pytest.mark.parametrize("page", ["projects", "organisations", "centres", "meetings"])
def test_every_filter_control_has_a_label(client, db, page):
    html = client.get(f"/en/{page}/").content.decode()

    control_ids = re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', html)
    assert len(control_ids) >= 3
    for control_id in control_ids:
        assert f'<label for="{control_id}">' in html, control_id
