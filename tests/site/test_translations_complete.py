"""Every interface string has a Romanian and a Bulgarian translation."""

from pathlib import Path

import pytest
from django.conf import settings


def _entries(po_file: Path) -> list[dict]:
    entries, current, field = [], None, None
    for raw in po_file.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if current:
                entries.append(current)
            current, field = None, None
            continue
        current = current or {"flags": "", "msgid": "", "msgstr": "", "obsolete": False}
        if line.startswith("#~"):
            current["obsolete"] = True
        elif line.startswith("#,"):
            current["flags"] += line
        elif line.startswith("msgid "):
            field = "msgid"
            current[field] = line[len("msgid ") :].strip('"')
        elif line.startswith("msgid_plural"):
            field = None
        elif line.startswith("msgstr"):
            field = "msgstr"
            current["msgstr"] += line.split(" ", 1)[1].strip('"')
        elif line.startswith('"') and field:
            current[field] += line.strip('"')
    if current:
        entries.append(current)
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


@pytest.mark.parametrize("language", ["ro", "bg"])
def test_every_string_is_translated(language):
    po_file = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = _entries(po_file)

    untranslated = [e["msgid"] for e in entries if not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]

    assert len(entries) > 100
    assert untranslated == []
    assert fuzzy == []
