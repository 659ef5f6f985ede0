"""End to end: Chromium with the extension loaded, against the real server started by the test.

Each test gets a fresh browser profile and a fresh server (temporary data folder, small model,
a worker token). Pages set body[data-ready="1"] when initialised and body[data-step] after each
step; the tests wait for those, never for time.
"""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.bundle_guideline import BUNDLE_DIR
from tests.browser.conftest import answer, wait_step

pytestmark = pytest.mark.browser

HARMFUL = "Rot op naar je eigen land, vuile kakkerlakken. We weten waar je woont."
HARMLESS = "Wat een mooie dag vandaag in het park!"
FACEBOOK_POST = "https://www.facebook.com/groups/123/posts/456"
FORUM_POST = "https://forum.example.org/t/1"

GUIDELINE = {lang: json.loads((BUNDLE_DIR / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("nl", "en")}
MESSAGES = {lang: json.loads((BUNDLE_DIR.parent / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))
            for lang in ("nl", "en")}

# The seven root-to-outcome paths (tests/guideline_paths.py), in the order the popup asks.
PATHS = [
    ([("content", False), ("misinformation", True)], "correct_or_report"),
    ([("content", False), ("misinformation", False)], "monitor"),
    ([("content", True), ("danger", True)], "refer"),
    ([("content", True), ("danger", False), ("real_person", False)], "ignore_or_report"),
    ([("content", True), ("danger", False), ("real_person", True), ("known", False)], "moderate_and_counter"),
    ([("content", True), ("danger", False), ("real_person", True), ("known", True), ("influence", True)],
     "private_conversation"),
    ([("content", True), ("danger", False), ("real_person", True), ("known", True), ("influence", False)],
     "moderate_and_counter"),
]

PARTNER = {"name": "Wijkagent Jansen", "phone": "0900-8844", "email": "wijkagent@politie.example",
           "note": "werkdagen 9-17 uur"}


def msg(lang: str, key: str) -> str:
    return MESSAGES[lang][key]["message"]


def walk(page, steps, outcome: str) -> None:
    """Answer each (question, answer) in turn, checking the popup asks exactly that question."""
    for i, (qid, value) in enumerate(steps):
        wait_step(page, f"question:{qid}")
        nxt = f"question:{steps[i + 1][0]}" if i + 1 < len(steps) else f"outcome:{outcome}"
        answer(page, value, nxt)


def classify_calls(live) -> int:
    return sum(1 for method, path, _ in live.requests if method == "POST" and path.endswith("/classify"))


# -- the menu -----------------------------------------------------------------------------------

def test_menu_item_is_registered_on_selections(extension):
    assert extension.menu_registered(), "the context-menu item was not created"
    # The check is real: an id that was never created is refused.
    assert not extension.worker.evaluate(
        "async () => { try { await chrome.contextMenus.update('no-such-item', {}); return true; }"
        " catch (e) { return false; } }")


def test_menu_click_opens_the_popup_with_the_prefilled_answer(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    pending = extension.menu_click(HARMFUL, FACEBOOK_POST)
    assert pending == {"text": HARMFUL, "truncated": False, "platform": "facebook", "pageUrl": FACEBOOK_POST,
                       "at": pending["at"]}
    # The click opened the action popup (or, failing that, a small extension window).
    opened = extension.worker.evaluate(
        """async () => {
            for (let i = 0; i < 200; i++) {
                const contexts = await chrome.runtime.getContexts({});
                const popup = contexts.find((c) => c.contextType === "POPUP"
                    || (c.documentUrl || "").includes("popup.html?window=1"));
                if (popup) return popup.contextType;
                await new Promise((r) => setTimeout(r, 25));
            }
            return null;
        }""")
    assert opened in ("POPUP", "TAB"), "the menu click opened no popup"

    page = extension.open_popup()
    wait_step(page, "question:content")
    assert page.inner_text("#post-text") == HARMFUL
    assert page.locator("#post-text mark").count() >= 1, "no explanation term is highlighted"
    assert "http://127.0.0.1:" in page.inner_text("#privacy")
    assert page.inner_text("#platform") == "Platform: Facebook"
    score = page.inner_text("#score-line")
    assert re.search(r"Classifier: \d{1,3}%", score), score
    assert page.inner_text("#q-prefill").endswith(msg("nl", "workerDecides"))
    # The classifier says "harmful": Yes is the suggestion, focused so that Enter confirms it.
    assert "suggested" in page.get_attribute("#answer-yes", "class")
    assert "suggested" not in page.get_attribute("#answer-no", "class")
    assert page.evaluate("document.activeElement.id") == "answer-yes"
    assert page.inner_text("#server-state") == msg("nl", "serverOnline")
    extension.screenshot(page, "nl-1-question-prefilled")
    page.keyboard.press("Enter")
    wait_step(page, "question:danger")
    assert "zoals de classifier voorstelde" in page.inner_text("#trail")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("steps, outcome", PATHS, ids=[f"{o}-{len(s)}" for s, o in PATHS])
def test_every_outcome_is_reached(extension, live_server, lang, steps, outcome):
    on_facebook = len(steps) % 2 == 1  # half the paths on a known platform, half elsewhere
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[PARTNER])
    extension.menu_click(HARMFUL if steps[0][1] else HARMLESS, FACEBOOK_POST if on_facebook else FORUM_POST)
    page = extension.open_popup()
    walk(page, steps, outcome)

    expected = GUIDELINE[lang]["outcomes"][outcome]
    assert page.inner_text("#o-title") == expected["title"]
    assert page.inner_text("#o-advice") == expected["advice"]
    assert page.get_attribute("html", "lang") == lang
    # Every answer is listed, and the server (not the offline copy) gave the advice.
    assert page.locator("#trail li").count() == len(steps)
    assert page.inner_text("#source").endswith(msg(lang, "sourceServer").split(". ")[-1])

    reporting = page.locator("#reporting")
    if expected["reporting"]:
        if on_facebook:
            link = page.locator("#reporting-link")
            assert link.get_attribute("href").startswith("https://www.facebook.com/help/")
            assert "Facebook" in link.inner_text()
            assert page.locator("#reporting-general").is_hidden()
        else:
            assert page.inner_text("#reporting-general") == msg(lang, "reportingGeneral")
            assert page.locator("#reporting-platform").is_hidden()
    else:
        assert reporting.is_hidden()

    if expected["show_chain_partners"]:
        partners = page.inner_text("#partners-list")
        assert PARTNER["name"] in partners and PARTNER["note"] in partners
        assert page.get_attribute("#partners-list a[href^='tel:']", "href") == "tel:09008844"
        assert page.get_attribute("#partners-list a[href^='mailto:']", "href") == f"mailto:{PARTNER['email']}"
    else:
        assert page.locator("#partners").is_hidden()

    # The outcome's tips, less those written for another kind of harm than the classifier found.
    shown = page.locator("#tips-list strong").all_inner_texts()
    tips = [GUIDELINE[lang]["tips"][t]["title"] for t in expected["tips"]]
    assert set(shown) <= set(tips) and (bool(shown) is bool(tips)), (shown, tips)
    extension.screenshot(page, f"{lang}-outcome-{outcome}-{len(steps)}")


def test_keyboard_answers_with_j_n_y_and_tab_enter(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    wait_step(page, "question:content")
    page.keyboard.press("j")
    wait_step(page, "question:danger")
    page.keyboard.press("n")
    wait_step(page, "question:real_person")
    page.keyboard.press("y")  # Y works too, whatever the language
    wait_step(page, "question:known")
    # No suggestion here: the question has the focus, not an answer; Tab reaches Yes, then No.
    assert page.evaluate("document.activeElement.id") == "q-text"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "answer-yes"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "answer-no"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "the focused answer shows no focus ring"
    page.keyboard.press("Enter")
    wait_step(page, "outcome:moderate_and_counter")
    # The advice takes the focus, so it is read and in view.
    assert page.evaluate("document.activeElement.id") == "o-title"
    # Focus is visible on the controls of the advice too.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("INPUT", "BUTTON", "A", "SUMMARY")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline


def test_a_prefilled_answer_can_be_overruled_and_changed_back(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="en")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    wait_step(page, "question:content")
    assert "suggested" in page.get_attribute("#answer-yes", "class")
    answer(page, False, "question:misinformation")
    trail = page.inner_text("#trail")
    assert "No" in trail and msg("en", "trailOverruled") in trail
    extension.screenshot(page, "en-2-overruled")
    answer(page, False, "outcome:monitor")

    # Change the first answer: back to the first question, the later answer forgotten.
    page.click("#trail li[data-qid='content'] button")
    wait_step(page, "question:content")
    assert page.locator("#trail li").count() == 0
    answer(page, True, "question:danger")
    assert msg("en", "trailConfirmed") in page.inner_text("#trail")


def test_harmful_and_wrong_information_adds_the_correction(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL, FACEBOOK_POST)
    page = extension.open_popup()
    walk(page, [("content", True), ("danger", False), ("real_person", False)], "ignore_or_report")
    assert page.locator("#o-addenda").is_hidden()
    checkbox = page.locator("#optional-list input[name='misinformation']")
    assert checkbox.is_visible() and not checkbox.is_checked()
    checkbox.check()
    page.wait_for_selector("#o-addenda li")
    wait_step(page, "outcome:ignore_or_report")
    addendum = GUIDELINE["nl"]["addenda"][0]["text"]
    assert page.inner_text("#o-addenda") == addendum
    assert page.locator("#optional-list input[name='misinformation']").is_checked()
    extension.screenshot(page, "nl-outcome-with-addendum")


# -- without the server -------------------------------------------------------------------------

def test_server_down_says_so_and_manual_answers_still_give_advice(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    live_server.stop()
    extension.menu_click(HARMFUL, FACEBOOK_POST)
    page = extension.open_popup()
    wait_step(page, "question:content")
    notice = page.inner_text("#notice")
    assert "niet bereikbaar" in notice and live_server.url in notice
    assert page.inner_text("#server-state") == msg("nl", "serverOffline")
    assert page.inner_text("#privacy") == msg("nl", "privacyNotSent")
    # No classifier: no suggestion, the worker answers everything.
    assert page.locator("#q-prefill").is_hidden()
    assert "suggested" not in (page.get_attribute("#answer-yes", "class") or "")
    extension.screenshot(page, "nl-offline-1-question")
    walk(page, [("content", True), ("danger", False), ("real_person", True), ("known", True), ("influence", True)],
         "private_conversation")
    assert page.inner_text("#o-title") == GUIDELINE["nl"]["outcomes"]["private_conversation"]["title"]
    assert page.inner_text("#source").startswith("Richtlijn: ")
    assert "versie in de extensie" in page.inner_text("#source")
    # Saving an example needs the server: not offered.
    assert page.locator("#save").is_hidden()
    extension.screenshot(page, "nl-offline-2-outcome")


def test_offline_uses_the_last_guideline_received(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="en")
    extension.menu_click(HARMLESS, FORUM_POST)
    extension.open_popup().close()  # the server is up: its guideline is kept
    live_server.stop()
    page = extension.open_popup()
    assert "cannot be reached" in page.inner_text("#notice")
    walk(page, [("content", False), ("misinformation", True)], "correct_or_report")
    assert page.inner_text("#o-title") == GUIDELINE["en"]["outcomes"]["correct_or_report"]["title"]
    assert "last version received" in page.inner_text("#source")
    extension.screenshot(page, "en-offline-outcome")


def test_server_stopping_mid_way_falls_back_to_the_guideline_here(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    answer(page, True, "question:danger")
    live_server.stop()
    answer(page, True, "outcome:refer")
    assert "niet bereikbaar" in page.inner_text("#notice")
    assert page.inner_text("#server-state") == msg("nl", "serverOffline")


def test_missing_token_is_reported_plainly_and_questions_still_work(extension, live_server):
    extension.configure(serverUrl=live_server.url, token="", lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    wait_step(page, "question:content")
    assert page.inner_text("#notice-text") == msg("nl", "noticeAuth")
    assert page.locator("#notice-settings").is_visible()
    walk(page, [("content", True), ("danger", True)], "refer")
    assert page.locator("#save").is_hidden(), "no save button for a token the server refused"
    extension.screenshot(page, "nl-token-missing")


# -- options ------------------------------------------------------------------------------------

def test_options_page_saves_and_its_values_are_used(extension, live_server):
    page = extension.open_options()
    assert page.input_value("input[name='serverUrl']") == "http://127.0.0.1:8080"
    page.fill("input[name='serverUrl']", live_server.url + "/")
    page.fill("input[name='token']", live_server.token)
    page.select_option("select[name='lang']", "en")
    page.click("#partner-add")
    row = page.locator("#partners .partner").nth(0)
    row.locator("[name='partnerName']").fill(PARTNER["name"])
    row.locator("input[name='partnerPhone']").fill(PARTNER["phone"])
    row.locator("input[name='partnerEmail']").fill(PARTNER["email"])
    row.locator("[name='partnerNote']").fill(PARTNER["note"])
    page.click("#test")
    page.wait_for_selector("#test-status[data-kind='ok']")
    model_version = live_server.app.extensions["model_store"].active_version
    assert model_version and model_version in page.inner_text("#test-status")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='ok']")
    # Saved in English now, so the page speaks English.
    assert page.inner_text("#status") == msg("en", "settingsSaved")
    assert page.inner_text("h1") == msg("en", "optionsHeading")
    extension.screenshot(page, "en-options")

    # The values survive a reload.
    page.reload()
    page.wait_for_selector('body[data-ready="1"]')
    assert page.input_value("input[name='serverUrl']") == live_server.url
    assert page.input_value("input[name='token']") == live_server.token
    assert page.input_value("select[name='lang']") == "en"
    assert page.input_value("#partners [name='partnerName']") == PARTNER["name"]

    # ... and the popup uses them: that server, English, the token, the partner with `refer`.
    live_server.requests.clear()
    extension.menu_click(HARMFUL, FORUM_POST)
    popup = extension.open_popup()
    wait_step(popup, "question:content")
    assert popup.inner_text("#q-text") == GUIDELINE["en"]["questions"]["content"]["text"]
    walk(popup, [("content", True), ("danger", True)], "refer")
    assert PARTNER["name"] in popup.inner_text("#partners-list")
    calls = {(m, p) for m, p, _ in live_server.requests}
    assert ("POST", "/api/v1/classify") in calls and ("POST", "/api/v1/advice") in calls
    for method, path, authorization in live_server.requests:
        if not path.endswith("/health"):
            assert authorization == f"Bearer {live_server.token}", (method, path)


def test_options_page_refuses_bad_values_with_a_visible_message(extension):
    page = extension.open_options()
    page.select_option("select[name='lang']", "nl")
    page.fill("input[name='serverUrl']", "127.0.0.1:8080")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='error']")
    lang = page.get_attribute("html", "lang")  # the page speaks the saved (here: the browser's) language
    assert page.inner_text("#status") == msg(lang, "errorServerUrl")
    assert page.evaluate("document.activeElement.name") == "serverUrl"
    page.fill("input[name='serverUrl']", "http://127.0.0.1:8080")
    page.click("#partner-add")
    page.locator("#partners input[name='partnerPhone']").fill("112")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='error']")
    assert page.inner_text("#status") == msg(lang, "errorPartnerName").replace("$1", "1")
    stored = extension.worker.evaluate("() => chrome.storage.local.get('serverUrl')")
    assert stored == {}, "nothing is saved while a value is wrong"
    extension.screenshot(page, "nl-options-error")


# -- saving a labelled example ------------------------------------------------------------------

def test_saving_an_example_needs_a_click_and_says_what_is_stored(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL + " Mail me: iemand@example.org", FACEBOOK_POST)
    page = extension.open_popup()
    walk(page, [("content", True), ("danger", True)], "refer")
    save = page.locator("#save")
    assert save.is_visible()
    what = page.inner_text("#save-what")
    for part in ("(Ja)", "taal van het bericht", "%)"):
        assert part in what, part
    assert msg("nl", "saveNamesNote") in page.inner_text("#save")
    assert live_server.saved_examples() == [], "nothing is stored before the click"
    page.select_option("#save-category", "threatening")
    extension.screenshot(page, "nl-save-before")
    page.click("#save-button")
    page.wait_for_selector("#save-status:not([hidden])")
    assert page.get_attribute("#save-status", "data-kind") == "ok", page.inner_text("#save-status")
    # No database number: it means nothing to a worker.
    assert page.inner_text("#save-status") == msg("nl", "saveDone")
    [example] = live_server.saved_examples()
    assert example["label"] == 1 and example["lang"] == "nl" and example["category"] == "threatening"
    assert 0 <= example["score"] <= 1 and example["model_version"]
    assert "iemand@example.org" not in example["text"], "the server scrubs e-mail addresses"
    extension.screenshot(page, "nl-save-done")


def test_saving_an_overruled_answer_stores_label_0(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="en")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    walk(page, [("content", False), ("misinformation", False)], "monitor")
    assert "(No)" in page.inner_text("#save-what")
    assert page.locator("#save-category-label").is_hidden()
    page.click("#save-button")
    page.wait_for_selector("#save-status[data-kind='ok']")
    [example] = live_server.saved_examples()
    # A Dutch post saved from the English screen is stored as Dutch: the server recognises it.
    assert example["label"] == 0 and example["lang"] == "nl" and example["category"] is None


def test_saving_with_a_rejected_token_points_to_the_settings(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    walk(page, [("content", True), ("danger", True)], "refer")
    live_server.revoke_token("browser-test-worker")
    page.click("#save-button")
    page.wait_for_selector("#save-status[data-kind='error']")
    assert page.inner_text("#save-status") == msg("nl", "saveAuth")
    assert page.locator("#save-settings").is_visible()
    assert live_server.saved_examples() == []
    extension.screenshot(page, "nl-save-rejected")


def test_no_save_button_on_a_server_without_the_feature(extension, live_server_without_features):
    live = live_server_without_features
    extension.configure(serverUrl=live.url, token=live.token, lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    walk(page, [("content", True), ("danger", True)], "refer")
    assert page.locator("#save").is_hidden()
    assert page.locator("#save-button").count() == 1  # in the page, but not shown


def test_popup_without_a_selection_still_walks_the_guideline(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="en")
    page = extension.open_popup()
    wait_step(page, "question:content")
    assert page.inner_text("#post-empty") == msg("en", "postEmpty")
    assert page.locator("#privacy").is_hidden()
    assert classify_calls(live_server) == 0, "no text, nothing to classify"
    walk(page, [("content", True), ("danger", False), ("real_person", False)], "ignore_or_report")
    assert page.locator("#save").is_hidden()



def test_server_errors_are_said_plainly_and_the_walk_goes_on(extension, live_server):
    live_server.failing["/api/v1/classify"] = 503
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl")
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    wait_step(page, "question:content")
    # The classifier failed, the rest of the server works: say so at the first question.
    # In the worker's language: the status, never the server's English message.
    assert page.inner_text("#classify-failed") == msg("nl", "classifyFailed").replace("$1", "503")
    assert page.locator("#q-prefill").is_hidden()
    assert page.inner_text("#server-state") == msg("nl", "serverOnline")
    extension.screenshot(page, "nl-classifier-failed")
    answer(page, True, "question:danger")
    # Now the advice endpoint fails too: the popup says so and walks the guideline itself.
    live_server.failing["/api/v1/advice"] = 500
    answer(page, False, "question:real_person")
    assert page.inner_text("#notice-text") == msg("nl", "noticeServerError").replace("$1", "500")
    walk(page, [("real_person", False)], "ignore_or_report")
    assert page.inner_text("#o-title") == GUIDELINE["nl"]["outcomes"]["ignore_or_report"]["title"]
