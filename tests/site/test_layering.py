"""The layers hold where import-linter cannot look: URL names, templates and get_model().

import-linter (`make lint`) checks the imports; a lower app could still reach a higher one by
name, through `reverse("meetings:…")`, `{% url 'meetings:…' %}` or `apps.get_model("meetings",
…)`. Such a page belongs to the layer that sees both apps, or gets its part through
core.sections.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Lowest first, as in pyproject.toml's layers contract.
APPS = ["core", "accounts", "partners", "projects", "meetings"]
SITE = "integration_portal"


def _sources(app: str) -> list[Path]:
    code = [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]
    return code + sorted((ROOT / "templates" / app).rglob("*.html"))


def _references(text: str, names: list[str]) -> list[str]:
    alternatives = "|".join(names)
    patterns = [
        rf"""reverse(?:_lazy)?\(\s*["'](?:{alternatives}):""",
        rf"""{{%\s*url\s+["'](?:{alternatives}):""",
        rf"""get_model\(\s*["'](?:{alternatives})["']""",
        rf"""get_model\(\s*["'](?:{alternatives})\.""",
    ]
    return [match.group(0) for pattern in patterns for match in re.finditer(pattern, text)]


@pytest.mark.parametrize("app", APPS[:-1])
def test_lower_app_names_no_higher_app(app):
    higher = APPS[APPS.index(app) + 1 :]
    found = {
        str(path.relative_to(ROOT)): refs
        for path in _sources(app)
        if (refs := _references(path.read_text(encoding="utf-8"), higher))
    }

    assert found == {}


@pytest.mark.parametrize("app", APPS)
def test_no_app_names_the_site_package(app):
    found = [
        str(path.relative_to(ROOT))
        for path in _sources(app)
        if re.search(rf"\b{SITE}\.(?!settings\b)", path.read_text(encoding="utf-8"))
    ]

    assert found == []


def test_the_check_sees_a_reference_to_a_higher_app():
    assert _references("""reverse("meetings:meeting-list")""", ["meetings"])
    assert _references("""{% url 'meetings:meeting-list' %}""", ["meetings"])
    assert _references("""apps.get_model("meetings", "Meeting")""", ["meetings"])
    assert not _references("""reverse("partners:region-list")""", ["meetings"])
