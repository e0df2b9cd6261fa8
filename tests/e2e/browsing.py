"""What a person does in the browser, shared by the journeys."""

import re
import time
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from devtools.demo.accounts import DEMO_PASSWORD


def tab_to(page: Page, selector: str, *, backwards: bool = False, max_presses: int = 60) -> None:
    """Press Tab (or Shift+Tab), as a keyboard user would, until the element matching `selector`
    has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _press in range(max_presses):
        page.keyboard.press(key)
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} was not reached with {max_presses} presses of {key}")


def assert_focus_is_visible(page: Page) -> None:
    """The focused element shows a focus ring (outline or box-shadow), not nothing."""
    style = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {outline: style.outlineStyle, shadow: style.boxShadow};
        }"""
    )
    assert style["outline"] != "none" or style["shadow"] != "none", style
    expect(page.locator(":focus")).to_be_in_viewport()


def assert_fits_the_screen(page: Page) -> None:
    """No sideways scrolling: the page reflows to the viewport's width (WCAG 1.4.10)."""
    # Measured once the stylesheets and scripts have loaded: on a busy machine the content can
    # be there before the styles that make it reflow.
    page.wait_for_load_state("load")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide on a {widths[1]} px screen"


def download(page: Page, link) -> tuple[str, bytes]:
    """Click a link that downloads a file; the file's suggested name and its bytes."""
    with page.expect_download() as download_info:
        link.click()
    downloaded = download_info.value
    return downloaded.suggested_filename, Path(downloaded.path()).read_bytes()


def expect_heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def totp_code(email: str) -> str:
    """The current code of the user's authenticator app, computed from the secret it holds."""
    from allauth.mfa import app_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    period = app_settings.TOTP_PERIOD
    # A code read in the last seconds of its period may expire before it is checked; a person
    # would wait for the next one.
    if period - time.time() % period < 3:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def sign_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in on the portal's sign-in page, with the authenticator's code when the user's role
    requires one, and land in the back office."""
    from accounts.models import User
    from accounts.two_factor import requires_two_factor

    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if requires_two_factor(User.objects.get(email=email)):
        expect(page).to_have_url(re.compile(re.escape(reverse("mfa_authenticate")) + "$"))
        page.locator("#id_code").fill(totp_code(email))
        page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("admin:index")) + "$"))


def choose(select, text: str) -> None:
    """Pick the option of a <select> whose label contains `text`, as a person reading it would."""
    option = select.locator("option", has_text=text)
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))
