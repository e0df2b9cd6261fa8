"""A visitor reading a project in Romanian reports a barrier through the link in the footer:
the form knows the page they came from, shows the mistake in their e-mail address next to the
field, keeps what they wrote, and confirms the message once it is sent; on a 375 px phone and
on a desktop.

Interface labels are found by their place on the page, since their Romanian translations arrive
with the translation pass.
"""

import pytest
from playwright.sync_api import expect

from feedback.models import FeedbackKind, FeedbackMessage
from tests.e2e.browsing import assert_fits_the_screen
from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e

PROJECT_PATH = "/ro/projects/integrare-plus/"
MESSAGE = "Tabelul cu partenerii nu poate fi citit cu cititorul meu de ecran."


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone-375px", "desktop"])
def visitor(request, new_context):
    return new_context(locale="ro-RO", **request.param).new_page()


def test_visitor_reports_a_barrier_from_the_footer_and_sees_it_received(visitor, mailoutbox):
    page = visitor
    page.goto(PROJECT_PATH)
    page.locator(".site-footer a[href^='/ro/feedback/']").click()

    expect(page).to_have_url("/ro/feedback/?page=%2Fro%2Fprojects%2Fintegrare-plus%2F")
    assert_fits_the_screen(page)
    form = page.locator("form.feedback-form")
    expect(form.locator("input[name='page']")).to_have_value(PROJECT_PATH)
    expect(form.locator("input[name='website']")).to_be_hidden()

    form.locator(f"input[name='kind'][value='{FeedbackKind.BARRIER}']").check()
    form.locator("input[name='name']").fill("Ana Pop")
    form.locator("input[name='email']").fill("ana.pop@")
    form.locator("textarea[name='message']").fill(MESSAGE)
    form.locator("button[type='submit']").click()

    # The mistake is shown next to its field, and nothing typed is lost.
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    email = form.locator("input[name='email']")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(form.locator("#id_email_errors")).to_be_visible()
    expect(form.locator("textarea[name='message']")).to_have_value(MESSAGE)
    expect(form.locator(f"input[name='kind'][value='{FeedbackKind.BARRIER}']")).to_be_checked()
    assert_fits_the_screen(page)

    email.fill("ana.pop@example.org")
    form.locator("button[type='submit']").click()

    expect(page).to_have_url("/ro/feedback/sent/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_fits_the_screen(page)
    feedback = FeedbackMessage.objects.get()
    assert (feedback.email, feedback.page, feedback.message, feedback.language) == (
        "ana.pop@example.org",
        PROJECT_PATH,
        MESSAGE,
        "ro",
    )
    assert [mail.to for mail in mailoutbox] == [["ana.pop@example.org"]]
