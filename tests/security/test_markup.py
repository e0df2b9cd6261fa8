import pytest
from django.template import Context, Template

from tests.factories import MeetingFactory, ProjectFactory


def _render(minutes: str, filter_name: str = "sanitised_markup") -> str:
    template = Template("{% load sanitise %}{{ minutes|" + filter_name + " }}")
    return template.render(Context({"minutes": minutes}))


@pytest.mark.parametrize(
    ("minutes", "forbidden"),
    [
        ("<script>alert(1)</script>Agreed.", "<script"),
        ('<img src=x onerror="alert(1)">Agreed.', "onerror"),
        ('<a href="javascript:alert(1)">the plan</a>', "javascript:"),
        ('<p style="background:url(x)">Agreed.</p>', "style="),
        ('<iframe src="https://example.org"></iframe>Agreed.', "<iframe"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ("<!-- <script>alert(1)</script> -->Agreed.", "<!--"),
        ('<form action="/"><input name="x"></form>', "<form"),
        ("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>", "javascript:"),
    ],
)
def test_minutes_markup_loses_everything_that_could_run(minutes, forbidden):
    rendered = _render(minutes)

    assert forbidden not in rendered
    assert "alert(1)</" not in rendered


def test_minutes_keep_the_formatting_coordinators_use():
    minutes = (
        "<h3>Decisions</h3><ul><li><strong>Map</strong> the services</li></ul>"
        '<p>See <a href="https://example.org/plan">the plan</a>.</p>'
    )

    rendered = _render(minutes)

    assert "<h3>Decisions</h3>" in rendered
    assert "<li><strong>Map</strong> the services</li>" in rendered
    assert 'href="https://example.org/plan"' in rendered
    assert 'rel="noopener noreferrer nofollow"' in rendered


def test_plain_minutes_get_paragraphs_and_their_symbols_escaped():
    rendered = _render("Budget < 10,000 lei & agreed.\n\nNext meeting in Q4.")

    assert rendered == "<p>Budget &lt; 10,000 lei &amp; agreed.</p>\n\n<p>Next meeting in Q4.</p>"


@pytest.mark.django_db
def test_the_public_meeting_page_shows_minutes_formatted_and_sanitised(client):
    meeting = MeetingFactory(
        projects=[ProjectFactory()],
        minutes_en="<h3>Decisions</h3><ul><li>Map the services</li></ul><script>alert(1)</script>",
    )

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "<h3>Decisions</h3>" in page
    assert "&lt;h3&gt;" not in page
    assert "<script>alert(1)" not in page
