"""Every interface string has a Romanian and a Bulgarian translation."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["ro", "bg"])
def test_every_string_is_translated(language):
    po_file = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"

    # GNU msgfmt, which compilemessages needs anyway, checks the format strings and counts.
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    translated = re.match(r"(\d+) translated messages\.$", result.stderr.strip())
    assert translated, f"untranslated or fuzzy entries: {result.stderr.strip()}"
    assert int(translated.group(1)) > 100
