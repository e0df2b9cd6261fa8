"""axe-core in Chromium on every public page type, the sign-in page and the 404 page."""

import pytest

from tests.e2e.public_pages import LANGUAGES, NOT_FOUND, PAGE_NAMES, page_path

pytestmark = pytest.mark.e2e

BLOCKING_IMPACTS = {"serious", "critical"}


def _blocking_violations(axe, page) -> list[str]:
    results = axe.run(page).response
    assert results["passes"], f"axe-core checked nothing on {page.url}"
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        found.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_serious_accessibility_violations(page, language):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for name in PAGE_NAMES:
        response = page.goto(page_path(name, language))
        assert response.status == (404 if name == NOT_FOUND else 200), name
        assert page.locator("html").get_attribute("lang") == language, name
        problems += [f"{name}: {violation}" for violation in _blocking_violations(axe, page)]

    assert not problems, "\n".join(problems)
