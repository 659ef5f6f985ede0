"""Settings IT pre-sets in Chromium: a policy file in /etc/chromium/policies/managed/ with the
`3rdparty` section for the extension, checked by Chromium against managed_schema.json.

An unpacked extension's id is derived from its folder's path, so the policy names this checkout's
extension only; other Chromium runs on the machine (other checkouts, other ids) are unaffected.
The file is removed after each test. Writing there needs root; without it these tests are skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.browser.conftest import EXTENSION_DIR, wait_step
from tests.browser.test_extension import FORUM_POST, GUIDELINE, HARMFUL, msg

pytestmark = pytest.mark.browser

POLICY_DIR = Path("/etc/chromium/policies/managed")
IT_PARTNER = {"name": "Meldpunt Discriminatie Regio", "phone": "088 123 4567", "email": "meld@adv.example", "note": ""}


def unpacked_extension_id(folder: Path) -> str:
    """Chromium's id for an extension loaded from `folder`: SHA-256 of the path, hex digits as a-p."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def policy(extension_id: str, server_url: str) -> dict:
    """The policy file as README.md shows it (without the forced installation, see there)."""
    return {"3rdparty": {"extensions": {extension_id: {
        "serverUrl": server_url, "lang": "en", "partners": [IT_PARTNER],
        "notInTheSchema": "Chromium drops what managed_schema.json does not describe"}}}}


@pytest.fixture
def policy_file(live_server):
    folder_existed = POLICY_DIR.exists()
    try:
        POLICY_DIR.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        pytest.skip(f"writing {POLICY_DIR} needs root")
    if not os.access(POLICY_DIR, os.W_OK):
        pytest.skip(f"writing {POLICY_DIR} needs root")
    path = POLICY_DIR / f"reageerwijzer-test-{os.getpid()}.json"
    path.write_text(json.dumps(policy(unpacked_extension_id(EXTENSION_DIR), live_server.url)), encoding="utf-8")
    yield path
    path.unlink(missing_ok=True)
    if not folder_existed:
        for folder in (POLICY_DIR, POLICY_DIR.parent):
            if folder.exists() and not any(folder.iterdir()):
                folder.rmdir()


@pytest.fixture
def managed_extension(policy_file, extension, live_server):
    """Chromium started after the policy was written; the worker's own settings say otherwise."""
    assert extension.id == unpacked_extension_id(EXTENSION_DIR), "the id is not the one the policy names"
    extension.configure(serverUrl="http://127.0.0.1:9", lang="nl", token=live_server.token,
                        partners=[{"name": "Eigen contact", "phone": "", "email": "", "note": ""}])
    return extension


def test_chromium_hands_the_policy_to_the_extension(managed_extension, live_server):
    managed = managed_extension.worker.evaluate("() => chrome.storage.managed.get(null)")
    assert managed == {"serverUrl": live_server.url, "lang": "en", "partners": [IT_PARTNER]}


def test_the_policy_locks_the_options_and_steers_the_popup(managed_extension, live_server):
    page = managed_extension.open_options()
    assert page.get_attribute("body", "data-managed") == "lang partners serverUrl"
    assert page.input_value("input[name='serverUrl']") == live_server.url
    assert page.is_disabled("input[name='serverUrl']") and page.is_disabled("select[name='lang']")
    assert page.is_enabled("input[name='token']")
    assert page.input_value("#partners [name='partnerName']") == IT_PARTNER["name"]
    assert page.is_hidden("#partner-add")
    assert page.locator(".managed-note").all_inner_texts() == [msg("en", "managedLocked")] * 3
    managed_extension.screenshot(page, "chromium-en-options-managed")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='ok']")
    stored = managed_extension.worker.evaluate("() => chrome.storage.local.get(['serverUrl', 'lang'])")
    assert stored == {"serverUrl": "http://127.0.0.1:9", "lang": "nl"}, "the worker's own values stay as they were"

    managed_extension.menu_click(HARMFUL, FORUM_POST)
    popup = managed_extension.open_popup()
    wait_step(popup, "question:content")
    assert popup.get_attribute("html", "lang") == "en"
    assert popup.inner_text("#server-state") == msg("en", "serverOnline")
    assert popup.inner_text("#q-text") == GUIDELINE["en"]["questions"]["content"]["text"]
    popup.click("#answer-yes")
    wait_step(popup, "question:danger")
    popup.click("#answer-yes")
    wait_step(popup, "outcome:refer")
    partners = popup.inner_text("#partners-list")
    assert IT_PARTNER["name"] in partners and "Eigen contact" not in partners


def test_without_a_policy_nothing_is_locked(extension):
    assert extension.worker.evaluate("() => chrome.storage.managed.get(null)") == {}
    page = extension.open_options()
    assert page.get_attribute("body", "data-managed") == ""
    assert page.is_enabled("input[name='serverUrl']") and page.locator(".managed-note").count() == 0
