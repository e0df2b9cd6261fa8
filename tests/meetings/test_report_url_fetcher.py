from pathlib import Path

import pytest
from django.template import engines

from meetings.reports.fetcher import ProjectFilesURLFetcher, RefusedURL, resolve_project_file
from meetings.reports.rendering import BASE_URL, ReportRenderError, layout_html, write_pdf


def test_fetcher_serves_the_shipped_font_from_static():
    response = ProjectFilesURLFetcher().fetch("file:///static/fonts/DejaVuSans.ttf")

    assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    assert response.content_type == "font/ttf"


def test_fetcher_serves_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "ngo.svg").write_text("<svg/>")

    assert resolve_project_file("file:///media/logos/ngo.svg") == tmp_path / "logos" / "ngo.svg"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/tracker.png",
        "https://example.com/static/fonts/DejaVuSans.ttf",
        "ftp://example.com/x",
        "data:image/png;base64,iVBORw0KGgo=",
        "file:///etc/passwd",
        "file:///static/../../etc/passwd",
        "file:///static/%2e%2e/%2e%2e/etc/passwd",
        "file:///media/../integration_portal/settings.py",
        "file://evil.example/static/fonts/DejaVuSans.ttf",
        "file:///static/no-such-file.png",
    ],
)
def test_fetcher_refuses_everything_but_project_files(url):
    with pytest.raises(RefusedURL):
        ProjectFilesURLFetcher().fetch(url)


def test_report_html_resolves_static_urls_against_the_local_base():
    fetcher = ProjectFilesURLFetcher()
    html = (
        engines["django"]
        .from_string(
            '{% load static %}<html lang="en"><title>t</title>'
            '<img src="{% static "img/eu-emblem.svg" %}" alt="EU"></html>'
        )
        .render({})
    )

    write_pdf([layout_html(html, url_fetcher=fetcher)])

    assert fetcher.requested == [BASE_URL + "static/img/eu-emblem.svg"]


def test_a_refused_resource_is_left_out_and_the_document_still_renders():
    fetcher = ProjectFilesURLFetcher()
    html = '<html lang="en"><title>t</title><img src="http://example.com/x.png" alt="x"></html>'

    pdf = write_pdf([layout_html(html, url_fetcher=fetcher)])

    assert pdf.startswith(b"%PDF-")
    assert fetcher.requested == ["http://example.com/x.png"]


def test_nothing_to_write_is_a_clear_error():
    with pytest.raises(ReportRenderError, match="nothing to put"):
        write_pdf([])


def test_shipped_fonts_come_with_their_licence():
    fonts = Path(__file__).resolve().parents[2] / "static" / "fonts"

    assert (fonts / "LICENSE-DejaVu.txt").read_text().count("Bitstream") > 1
