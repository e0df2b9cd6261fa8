"""The pages a public body's site must have: about, contact, privacy notice and accessibility
statement, each linked from every page's footer."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.e2e.public_pages import LANGUAGES, NOT_FOUND, PAGE_NAMES, page_path

pytestmark = pytest.mark.django_db

OPERATOR_PAGES = ["about", "contact", "privacy-notice", "accessibility-statement"]


def _url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


def _footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.DOTALL).group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_footer_links_the_operator_pages(client, demo, language):
    missing = {}
    for name in PAGE_NAMES:
        response = client.get(page_path(name, language))
        assert response.status_code == (404 if name == NOT_FOUND else 200), name
        footer = _footer(response.content.decode())
        links = [_url(page, language) for page in OPERATOR_PAGES]
        if absent := [link for link in links if f'href="{link}"' not in footer]:
            missing[name] = absent

    assert missing == {}


def test_the_footer_offers_to_report_a_problem_with_the_page_being_read(client, demo):
    footer = _footer(client.get("/en/projects/?region=region-2").content.decode())

    assert 'href="/en/feedback/?page=%2Fen%2Fprojects%2F%3Fregion%3Dregion-2"' in footer


@pytest.mark.parametrize("name", OPERATOR_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_operator_pages_are_served_in_every_language(client, name, language):
    response = client.get(_url(name, language))

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_accessibility_statement_states_what_the_eu_model_requires(client, settings):
    settings.ACCESSIBILITY_STATEMENT_PREPARED_ON = datetime.date(2026, 12, 2)
    settings.ACCESSIBILITY_STATEMENT_REVIEWED_ON = datetime.date(2027, 3, 15)
    settings.PORTAL_CONTACT_EMAIL = "accessibility@portal.example"

    page = client.get(_url("accessibility-statement")).content.decode()

    # Compliance status, against the standard and the guidelines.
    assert "<strong>partially compliant</strong>" in page
    assert "EN 301 549" in page
    assert "WCAG) 2.1 at level AA" in page
    # The content that is not accessible, and why.
    assert "Non-accessible content" in page
    assert "Files attached to meetings" in page
    assert "uploaded by the partner organisations" in page
    assert "published before 23 September 2018" in page
    # How and when the statement was prepared.
    assert '<time datetime="2026-12-02">' in page
    assert '<time datetime="2027-03-15">' in page
    assert "axe-core and the Nu Html Checker" in page
    # The feedback mechanism and the contact address.
    assert f'href="{reverse("feedback:feedback-form")}"' in page
    assert 'href="mailto:accessibility@portal.example"' in page
    # The enforcement procedure and its national body.
    assert "Enforcement procedure" in page
    assert "Autoritatea pentru Digitalizarea României (ADR)" in page
    assert 'href="https://www.adr.gov.ro/"' in page
    assert "Ordonanța de urgență a Guvernului nr. 112/2018" in page


def test_accessibility_statement_names_the_enforcement_body_the_settings_give(client, settings):
    settings.ACCESSIBILITY_ENFORCEMENT_BODY = "Държавна агенция „Електронно управление“"
    settings.ACCESSIBILITY_ENFORCEMENT_URL = "https://e-gov.bg/"

    page = client.get(_url("accessibility-statement", "bg")).content.decode()

    assert "Държавна агенция „Електронно управление“" in page
    assert 'href="https://e-gov.bg/"' in page


def test_about_and_contact_name_the_operator_from_the_settings(client, settings):
    settings.PORTAL_OPERATOR_NAME = "Asociația Rețeaua de Integrare"
    settings.PORTAL_OPERATOR_ADDRESS = "Strada Exemplu 1\nGalați"
    settings.PORTAL_CONTACT_EMAIL = "contact@retea.example"
    settings.PORTAL_CONTACT_PHONE = "+40 236 000 000"

    about = client.get(_url("about")).content.decode()
    contact = client.get(_url("contact")).content.decode()

    for page in (about, contact):
        assert "Asociația Rețeaua de Integrare" in page
        assert "Strada Exemplu 1<br>Galați" in page
        assert 'href="mailto:contact@retea.example"' in page
    assert "+40 236 000 000" in contact
    assert f'href="{reverse("feedback:feedback-form")}"' in contact


def test_privacy_notice_says_what_is_kept_who_sees_it_and_for_how_long(client, settings):
    settings.ATTENDANCE_RETENTION_YEARS = 7
    settings.FEEDBACK_RETENTION_YEARS = 2
    settings.SIGN_IN_LOG_RETENTION_DAYS = 90
    settings.PORTAL_CONTACT_EMAIL = "privacy@portal.example"

    page = client.get(_url("privacy-notice")).content.decode()

    for kept in ("Attendance lists", "Contacts of organisations", "User accounts", "Feedback"):
        assert kept in page
    assert "The public never sees attendance lists" in page
    assert "the coordinators of the meeting's projects" in page.replace("&#x27;", "'")
    assert "7 years after the end of the year of the meeting" in page
    assert "Feedback messages: 2 years after they arrive" in page
    assert "Sign-in records: 90 days." in page
    assert 'href="mailto:privacy@portal.example"' in page
    assert "only the number of people who" in page
