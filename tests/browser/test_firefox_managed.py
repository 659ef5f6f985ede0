"""Settings IT pre-sets in Firefox: the `3rdparty` section of policies.json, as an organisation
deploys it, and the per-user managed-storage manifest. Firefox reads both once, at start-up.

policies.json lives in /etc/firefox/policies/ (where Firefox on Linux looks): the test writes it
just before its Firefox starts and removes it as soon as that Firefox is up, so other Firefox
runs on the machine never see it. Writing there needs root; without it this module is skipped.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import build_live_server
from tests.browser.firefox import GECKO_ID, SERVER_HOST, By, start_firefox
from tests.browser.test_extension import GUIDELINE, HARMFUL, msg
from tests.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.firefox]

POLICY_FILE = Path("/etc/firefox/policies/policies.json")
IT_PARTNER = {"name": "Meldpunt Discriminatie Regio", "phone": "088 123 4567", "email": "meld@adv.example", "note": ""}
# IT's own emergency route replaces the guideline's default numbers wherever `refer` shows them.
IT_EMERGENCY = [{"text": "Crisisdienst jeugd regio", "phone": "088 765 4321"},
                {"text": "Meldpunt van de regio", "url": "https://meldpunt.example.org/melden"}]


@pytest.fixture(scope="module")
def module_server(tmp_path_factory, small_models_dir):
    data = tmp_path_factory.mktemp("managed-data")
    shutil.copytree(small_models_dir, data / "models")
    live = build_live_server({"TESTING": True, "DATA_DIR": str(data),
                              "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
                              "REGRESSION_SET": str(FIXTURES / "retrain" / "regression.csv"),
                              # An organisation names its server's host (see the README's Security).
                              "ALLOWED_HOSTS": f"127.0.0.1,localhost,{SERVER_HOST}"})
    yield live
    live.stop()


def it_server_url(live) -> str:
    """The test server under a host name the manifest grants no access to, as an organisation's
    server is: the extension reaches it because the server admits extension origins (CORS)."""
    return live.url.replace("127.0.0.1", SERVER_HOST)


def policies(server_url: str) -> dict:
    """policies.json as README.md shows it, pointed at the test's server."""
    return {"policies": {"3rdparty": {"Extensions": {GECKO_ID: {
        "serverUrl": server_url, "lang": "en", "partners": [IT_PARTNER],
        "emergencyContacts": IT_EMERGENCY}}}}}


def screens_dir(home: Path) -> Path:
    screens = Path(os.environ.get("REAGEERWIJZER_SCREENS") or home / "screens")
    screens.mkdir(parents=True, exist_ok=True)
    return screens


@pytest.fixture(scope="module")
def firefox_with_policy(module_server):
    if POLICY_FILE.exists():
        pytest.fail(f"{POLICY_FILE} already exists; the test will not overwrite a real policy", pytrace=False)
    if not os.access(POLICY_FILE.parent if POLICY_FILE.parent.exists() else Path("/etc"), os.W_OK):
        pytest.skip(f"writing {POLICY_FILE} needs root")
    created = [p for p in (POLICY_FILE.parent.parent, POLICY_FILE.parent) if not p.exists()]

    def write_policy():
        POLICY_FILE.parent.mkdir(parents=True, exist_ok=True)
        POLICY_FILE.write_text(json.dumps(policies(it_server_url(module_server))), encoding="utf-8")

        def remove_policy():
            POLICY_FILE.unlink(missing_ok=True)
            for folder in reversed(created):
                folder.rmdir()
        return remove_policy

    home = Path(tempfile.mkdtemp(prefix="rw-firefox-policy-"))
    firefox = start_firefox(home, screens_dir(home), before_start=write_policy)
    try:
        assert not POLICY_FILE.exists(), "the policy file is removed once Firefox has read it"
        yield firefox
    finally:
        firefox.quit()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def firefox(firefox_with_policy, module_server):
    firefox_with_policy.reset()
    module_server.requests.clear()
    # The worker's own earlier choices, which the policy overrides.
    firefox_with_policy.configure(serverUrl="http://127.0.0.1:9", lang="nl", token=module_server.token,
                                  partners=[{"name": "Eigen contact", "phone": "", "email": "", "note": ""}])
    yield firefox_with_policy
    firefox_with_policy.close_tabs()


def test_firefox_reads_the_3rdparty_policy(firefox):
    with firefox.m.using_context("chrome"):
        policy = firefox.m.execute_script("return Services.policies.getExtensionPolicy(arguments[0]);",
                                          script_args=[GECKO_ID])
    assert policy["lang"] == "en" and policy["partners"] == [IT_PARTNER]
    assert policy["emergencyContacts"] == IT_EMERGENCY


def test_options_page_shows_the_policy_values_locked(firefox, module_server):
    firefox.open_options()
    assert firefox.attr("body", "data-managed") == "emergencyContacts lang partners serverUrl"
    server_url = firefox.js("return document.querySelector(\"input[name='serverUrl']\").value")
    assert server_url == it_server_url(module_server)
    assert firefox.js("return document.querySelector(\"input[name='serverUrl']\").disabled") is True
    assert firefox.js("return document.querySelector(\"select[name='lang']\").disabled") is True
    # The token is the worker's own: still editable.
    assert firefox.js("return document.querySelector(\"input[name='token']\").disabled") is False
    fields = "[...document.querySelectorAll('#partners input, #partners textarea')]"
    assert firefox.js(f"return {fields}.map((i) => i.value).filter(Boolean)") == [
        IT_PARTNER["name"], IT_PARTNER["phone"], IT_PARTNER["email"]]
    assert firefox.js(f"return {fields}.every((i) => i.disabled)")
    assert firefox.hidden("#partner-add")
    notes = firefox.js("return [...document.querySelectorAll('.managed-note')].map((n) => n.innerText)")
    assert notes == [msg("en", "managedLocked")] * 3
    firefox.screenshot("firefox-en-options-managed")

    # Saving keeps the worker's own values of the managed keys as they were, and saves the rest.
    token = firefox.m.find_element(By.CSS_SELECTOR, "input[name='token']")
    token.clear()
    token.send_keys("rw_new_token")
    firefox.click("button[type='submit']")
    firefox.wait(lambda: firefox.attr("#status", "data-kind") == "ok", message="saved")
    stored = firefox.ext("return await chrome.storage.local.get(null);")
    assert stored["token"] == "rw_new_token"
    assert stored["serverUrl"] == "http://127.0.0.1:9" and stored["lang"] == "nl"
    assert firefox.attr("body", "data-managed") == "emergencyContacts lang partners serverUrl", \
        "still locked after saving"


def test_popup_follows_the_policy(firefox, module_server):
    firefox.menu_click(HARMFUL)
    firefox.open_popup()
    firefox.wait_step("question:content")
    # English and the policy's server, although the worker chose Dutch and another address; the
    # server is outside the manifest's host permissions and nobody granted more.
    assert firefox.attr("html", "lang") == "en"
    assert firefox.text("#q-text") == GUIDELINE["en"]["questions"]["content"]["text"]
    assert firefox.text("#server-state") == msg("en", "serverOnline")
    assert ("POST", "/api/v1/classify") in {(m, p) for m, p, _ in module_server.requests}
    firefox.walk([("content", True), ("danger", True)], "refer")
    partners = firefox.text("#partners-list")
    assert IT_PARTNER["name"] in partners and "Eigen contact" not in partners
    # The emergency route is the organisation's, in the policy's order, and the guideline's
    # default numbers are gone; the line on supporting the targeted person stays.
    assert not firefox.hidden("#emergency")
    contacts = firefox.js("return [...document.querySelectorAll('#emergency-list li')].map((li) => li.innerText)")
    assert len(contacts) == 2 and IT_EMERGENCY[0]["text"] in contacts[0] and IT_EMERGENCY[0]["phone"] in contacts[0]
    assert "meldpunt.example.org" in contacts[1]
    assert "0900-8844" not in firefox.text("#emergency-list")
    assert firefox.text("#emergency-support")
    assert it_server_url(module_server) in firefox.text("#privacy")
    firefox.screenshot("firefox-en-refer-managed")


def test_a_managed_storage_manifest_works_too(module_server):
    """The per-user way (~/.mozilla/managed-storage/<id>.json), for a single machine."""
    home = Path(tempfile.mkdtemp(prefix="rw-firefox-manifest-"))
    firefox = start_firefox(home, screens_dir(home), managed_storage={"serverUrl": module_server.url + "/",
                                                                      "lang": "nl"})
    try:
        firefox.configure(serverUrl="http://127.0.0.1:9", lang="en")
        firefox.open_options()
        assert firefox.attr("body", "data-managed") == "lang serverUrl"
        assert firefox.js("return document.querySelector(\"input[name='serverUrl']\").value") == module_server.url
        assert firefox.attr("html", "lang") == "nl"
        assert firefox.js("return document.querySelector('.managed-note').innerText") == msg("nl", "managedLocked")
    finally:
        firefox.quit()
        shutil.rmtree(home, ignore_errors=True)
