"""On a machine without Chromium the browser tests skip, saying why, instead of failing."""

import pytest

from tests.e2e import conftest


def test_browser_tests_skip_when_the_named_chromium_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "chromium"))

    with pytest.raises(pytest.skip.Exception, match=r"No Chromium at .*real-browser tests skipped"):
        conftest.chromium_or_skip()


def test_browser_tests_skip_when_no_chromium_is_installed(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(conftest, "SYSTEM_CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)

    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        conftest.chromium_or_skip()


def test_an_installed_chromium_is_found(monkeypatch, tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(chromium))

    assert conftest.chromium_or_skip() == str(chromium)
