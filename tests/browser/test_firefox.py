"""End to end in a real Firefox (firefox-esr) with the extension installed, against the real server.

The selection is made on a page and the context menu opened with a real right-click; the
extension's item in Firefox's own menu is then chosen, which runs the real menus.onClicked
listener in the background script. One Firefox for the whole module (tests/browser/firefox.py).
"""
from __future__ import annotations

import re

import pytest

from tests.browser.firefox import By, firefox_fixture
from tests.browser.test_extension import GUIDELINE, HARMFUL, HARMLESS, PARTNER, PATHS, msg

pytestmark = [pytest.mark.browser, pytest.mark.firefox]

firefox_session = firefox_fixture()


@pytest.fixture
def firefox(firefox_session):
    firefox_session.reset()
    yield firefox_session
    firefox_session.close_tabs()


def test_context_menu_on_a_selection_opens_the_popup(firefox, live_server):
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    firefox.select_post(HARMFUL, "www.facebook.com", "/groups/123/posts/456")
    labels = firefox.open_context_menu()
    # The item speaks the language chosen in the options, not the browser's (English here).
    assert msg("nl", "menuAssess") in labels, labels
    firefox.choose_menu_item()
    # Firefox opened the toolbar button's popup panel for the click (no fallback window).
    assert firefox.wait(firefox.action_popup_url, message="the popup panel").endswith("/popup/popup.html")
    # The panel grows with its content: draw it once the popup has asked the server for advice.
    firefox.wait(lambda: any(p.endswith("/advice") for _, p, _ in live_server.requests), message="advice asked")
    firefox.wait(firefox.action_popup_settled, message="the panel's final size")
    assert firefox.action_popup_snapshot("firefox-nl-0-action-popup-panel"), "the panel could not be drawn"
    pending = firefox.pending()
    # The page's address travels with the post, for the follow-up list and the case file.
    assert pending["pageUrl"].endswith("www.facebook.com:" + pending["pageUrl"].split(":")[2].split("/")[0]
                                       + "/groups/123/posts/456")
    assert pending == {"text": HARMFUL, "truncated": False, "platform": "facebook",
                       "pageUrl": pending["pageUrl"], "at": pending["at"]}


def test_menu_item_follows_the_language_setting(firefox):
    firefox.configure(lang="en")
    firefox.select_post(HARMLESS)
    assert msg("en", "menuAssess") in firefox.open_context_menu()


def test_popup_is_prefilled_by_the_classifier(firefox, live_server):
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    firefox.menu_click(HARMFUL, "www.facebook.com", "/groups/123/posts/456")
    firefox.open_popup()
    firefox.wait_step("question:content")
    assert firefox.text("#post-text") == HARMFUL
    assert firefox.js("return document.querySelectorAll('#post-text mark').length") >= 1
    assert firefox.text("#platform") == "Platform: Facebook"
    assert re.search(r"Classifier: \d{1,3}%", firefox.text("#score-line"))
    assert firefox.text("#q-prefill").endswith(msg("nl", "workerDecides"))
    assert "suggested" in firefox.attr("#answer-yes", "class")
    assert "suggested" not in firefox.attr("#answer-no", "class")
    assert firefox.js("return document.activeElement.id") == "answer-yes"
    assert firefox.text("#server-state") == msg("nl", "serverOnline")
    firefox.screenshot("firefox-nl-1-question-prefilled")
    firefox.answer(True, "question:danger")
    assert "zoals de classifier voorstelde" in firefox.text("#trail")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("steps, outcome", PATHS, ids=[f"{o}-{len(s)}" for s, o in PATHS])
def test_every_outcome_in_firefox(firefox, live_server, lang, steps, outcome):
    on_facebook = len(steps) % 2 == 1
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[PARTNER])
    text = HARMFUL if steps[0][1] else HARMLESS
    if on_facebook:
        firefox.menu_click(text, "www.facebook.com", "/groups/123/posts/456")
    else:
        firefox.menu_click(text)
    firefox.open_popup()
    firefox.walk(steps, outcome)

    expected = GUIDELINE[lang]["outcomes"][outcome]
    assert firefox.text("#o-title") == expected["title"]
    assert firefox.text("#o-advice") == expected["advice"]
    assert firefox.attr("html", "lang") == lang
    assert firefox.js("return document.querySelectorAll('#trail li').length") == len(steps)
    assert firefox.text("#source").endswith(msg(lang, "sourceServer").split(". ")[-1])
    if expected["reporting"] and on_facebook:
        assert firefox.attr("#reporting-link", "href").startswith("https://www.facebook.com/help/")
        assert firefox.hidden("#reporting-general")
    elif expected["reporting"]:
        assert firefox.text("#reporting-general") == msg(lang, "reportingGeneral")
        assert firefox.hidden("#reporting-platform")
    else:
        assert firefox.hidden("#reporting")
    if expected["show_chain_partners"]:
        assert PARTNER["name"] in firefox.text("#partners-list")
        assert firefox.attr("#partners-list a[href^='tel:']", "href") == "tel:09008844"
    else:
        assert firefox.hidden("#partners")
    # The outcome's tips, less those written for another kind of harm than the classifier found.
    shown = firefox.js("return [...document.querySelectorAll('#tips-list strong')].map((s) => s.innerText)")
    tips = [GUIDELINE[lang]["tips"][t]["title"] for t in expected["tips"]]
    assert set(shown) <= set(tips) and (bool(shown) is bool(tips)), (shown, tips)
    # The window cannot be made as narrow as the popup; the popup's body is what must fit.
    width = firefox.js("return document.body.scrollWidth")
    assert width <= 400, f"the popup is {width}px wide in Firefox"
    firefox.screenshot(f"firefox-{lang}-outcome-{outcome}-{len(steps)}")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_server_down_is_said_and_the_guideline_still_walks(firefox, live_server, lang):
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang=lang)
    live_server.stop()
    firefox.menu_click(HARMFUL)
    firefox.open_popup()
    firefox.wait_step("question:content")
    notice = firefox.text("#notice")
    assert live_server.url in notice
    assert ("niet bereikbaar" if lang == "nl" else "cannot be reached") in notice
    assert firefox.text("#server-state") == msg(lang, "serverOffline")
    assert firefox.text("#privacy") == msg(lang, "privacyNotSent")
    assert firefox.hidden("#q-prefill")
    firefox.screenshot(f"firefox-{lang}-offline-1-question")
    firefox.walk([("content", True), ("danger", True)], "refer")
    assert firefox.text("#o-title") == GUIDELINE[lang]["outcomes"]["refer"]["title"]
    assert firefox.hidden("#save"), "saving needs the server"
    firefox.screenshot(f"firefox-{lang}-offline-2-outcome")


def test_saving_an_example_from_firefox(firefox, live_server):
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    firefox.menu_click(HARMFUL + " Mail me: iemand@example.org", "www.facebook.com", "/groups/1/posts/2")
    firefox.open_popup()
    firefox.walk([("content", True), ("danger", True)], "refer")
    assert not firefox.hidden("#save")
    assert live_server.saved_examples() == [], "nothing is stored before the click"
    firefox.js("const s = document.getElementById('save-category'); s.value = 'threatening';"
               "s.dispatchEvent(new Event('change', {bubbles: true}));")
    firefox.click("#save-button")
    firefox.wait(lambda: firefox.attr("#save-status", "data-kind"), message="save status")
    assert firefox.attr("#save-status", "data-kind") == "ok", firefox.text("#save-status")
    # Said in words the worker knows, not as a database number.
    assert firefox.text("#save-status") == msg("nl", "saveDone")
    [example] = live_server.saved_examples()
    assert example["label"] == 1 and example["lang"] == "nl" and example["category"] == "threatening"
    assert "iemand@example.org" not in example["text"]
    firefox.screenshot("firefox-nl-save-done")


def test_options_page_in_firefox_saves_and_the_popup_uses_it(firefox, live_server):
    firefox.open_options()
    assert firefox.js("return document.querySelector(\"input[name='serverUrl']\").value") == "http://127.0.0.1:8080"
    server = firefox.m.find_element(By.CSS_SELECTOR, "input[name='serverUrl']")
    server.clear()
    server.send_keys(live_server.url + "/")
    firefox.m.find_element(By.CSS_SELECTOR, "input[name='token']").send_keys(live_server.token)
    firefox.js("const s = document.querySelector(\"select[name='lang']\"); s.value = 'en';")
    firefox.click("#partner-add")
    firefox.m.find_element(By.CSS_SELECTOR, "#partners [name='partnerName']").send_keys(PARTNER["name"])
    firefox.m.find_element(By.CSS_SELECTOR, "#partners input[name='partnerPhone']").send_keys(PARTNER["phone"])
    firefox.click("#test")
    firefox.wait(lambda: firefox.attr("#test-status", "data-kind") == "ok", message="connection test")
    firefox.click("button[type='submit']")
    firefox.wait(lambda: firefox.attr("#status", "data-kind") == "ok", message="saved")
    assert firefox.text("#status") == msg("en", "settingsSaved")
    assert firefox.text("h1") == msg("en", "optionsHeading")
    firefox.screenshot("firefox-en-options")
    stored = firefox.ext("return await chrome.storage.local.get(null);")
    assert stored["serverUrl"] == live_server.url and stored["lang"] == "en"
    assert stored["partners"][0]["name"] == PARTNER["name"]

    firefox.menu_click(HARMFUL)
    firefox.open_popup()
    firefox.wait_step("question:content")
    assert firefox.text("#q-text") == GUIDELINE["en"]["questions"]["content"]["text"]
    firefox.walk([("content", True), ("danger", True)], "refer")
    assert PARTNER["name"] in firefox.text("#partners-list")
    for _method, path, authorization in live_server.requests:
        if not path.endswith("/health"):
            assert authorization == f"Bearer {live_server.token}", path


def test_options_page_refuses_a_bad_address_in_firefox(firefox):
    firefox.open_options()
    server = firefox.m.find_element(By.CSS_SELECTOR, "input[name='serverUrl']")
    server.clear()
    server.send_keys("127.0.0.1:8080")
    firefox.click("button[type='submit']")
    firefox.wait(lambda: firefox.attr("#status", "data-kind") == "error", message="error shown")
    lang = firefox.attr("html", "lang")
    assert firefox.text("#status") == msg(lang, "errorServerUrl")
    assert firefox.js("return document.activeElement.name") == "serverUrl"
    assert firefox.ext("return await chrome.storage.local.get('serverUrl');") == {}


def test_keyboard_answers_and_the_settings_link_in_firefox(firefox, live_server):
    firefox.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    firefox.menu_click(HARMFUL)
    firefox.open_popup()
    firefox.wait_step("question:content")
    body = firefox.m.find_element(By.CSS_SELECTOR, "body")
    body.send_keys("j")
    firefox.wait_step("question:danger")
    body.send_keys("n")
    firefox.wait_step("question:real_person")
    assert firefox.js("return document.activeElement.id") == "q-text", "no suggestion: the question has the focus"
    # "Instellingen" opens the options page in a tab of its own (runtime.openOptionsPage).
    before = set(firefox.m.window_handles)
    firefox.click("#open-settings")
    new = firefox.wait(lambda: set(firefox.m.window_handles) - before, message="the options tab")
    firefox.m.switch_to_window(new.pop())
    firefox.wait(lambda: firefox.m.get_url() == firefox.url("options/options.html"), message="options page")
