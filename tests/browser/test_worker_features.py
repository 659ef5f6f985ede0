"""The worker's side in real Chromium: what a trial with the extension asked for (issue 11) and
the popup's accessibility (issue 16). Screenshots of every changed screen, in Dutch and English,
go to REAGEERWIJZER_SCREENS when set."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.browser.conftest import clipboard_text, wait_step, wait_until
from tests.browser.test_extension import FACEBOOK_POST, FORUM_POST, GUIDELINE, HARMFUL, PARTNER, msg, walk

pytestmark = pytest.mark.browser

TO_REFER = [("content", True), ("danger", True)]
TO_PRIVATE = [("content", True), ("danger", False), ("real_person", True), ("known", True), ("influence", True)]
TO_MODERATE = [("content", True), ("danger", False), ("real_person", True), ("known", False)]
TO_MONITOR = [("content", False), ("misinformation", False)]
BARBECUE = "Zaterdag barbecue bij ons in de straat, iedereen is welkom! Neem zelf wat te drinken mee."
LONG_POST = " ".join(["Jullie horen hier niet en dat weten jullie best."] * 12)


def open_walk(extension, live, lang, text=HARMFUL, url=FACEBOOK_POST, **settings):
    extension.configure(**{"serverUrl": live.url, "token": live.token, "lang": lang, **settings})
    extension.menu_click(text, url)
    return extension.open_popup()


def today(days: int = 0) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


# -- 1, 2, 3: the options page ------------------------------------------------------------------

def test_connection_test_names_each_problem(extension, live_server):
    page = extension.open_options()
    page.select_option("select[name='lang']", "nl")

    def check(url, token, result):
        page.fill("input[name='serverUrl']", url)
        page.fill("input[name='token']", token)
        page.click("#test")
        page.wait_for_selector(f"#test-status[data-result='{result}'], #test-status[data-kind='ok']")
        return page.inner_text("#test-status")

    # A token the server does not know: not "Verbonden", but the token named as the problem.
    said = check(live_server.url, "rw_not-a-real-token", "token_refused")
    assert said == msg("nl", "testFailed").replace("$1", msg("nl", "testAuth"))
    extension.screenshot(page, "nl-options-token-refused")
    assert check(live_server.url, "", "token_refused") == said
    # Something answers, but it is not our API.
    assert msg("nl", "testWrongAddress") in check(live_server.url + "/elders", live_server.token, "wrong_address")
    # A token the server knows but that may not do a worker's work (403).
    live_server.failing["/api/v1/guideline"] = 403
    assert msg("nl", "testWrongRole") in check(live_server.url, live_server.token, "wrong_role")
    live_server.failing.clear()
    # The pasted API address (with /api/v1) works as well.
    page.fill("input[name='serverUrl']", live_server.url + "/api/v1")
    page.click("#test")
    page.wait_for_selector("#test-status[data-kind='ok']")
    assert page.inner_text("#test-status").startswith("Verbonden, en de server accepteert het token.")
    live_server.stop()
    assert msg("nl", "testUnreachable") in check(live_server.url, live_server.token, "no_server")


def test_the_api_address_is_saved_without_api_v1_and_works(extension, live_server):
    page = extension.open_options()
    page.fill("input[name='serverUrl']", live_server.url + "/api/v1")
    page.fill("input[name='token']", live_server.token)
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='ok']")
    assert page.input_value("input[name='serverUrl']") == live_server.url
    assert extension.worker.evaluate("() => chrome.storage.local.get('serverUrl')") == {"serverUrl": live_server.url}
    extension.menu_click(HARMFUL, FORUM_POST)
    popup = extension.open_popup()
    wait_step(popup, "question:content")
    assert popup.locator("#notice").is_hidden()
    assert popup.locator("#q-prefill").is_visible()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_wrong_address_is_said_in_the_chosen_language(extension, live_server, lang):
    # Werkzeug answers 404 with an English page; the popup says it in the worker's language.
    page = open_walk(extension, live_server, lang, serverUrl=live_server.url + "/verkeerd")
    wait_step(page, "question:content")
    expected = msg(lang, "noticeNotOurServer").replace("$1", live_server.url + "/verkeerd")
    assert page.inner_text("#notice-text") == expected
    assert "Not Found" not in page.inner_text("body")
    extension.screenshot(page, f"{lang}-wrong-address")


def test_options_speak_the_chosen_language_in_an_english_browser(extension_in_english_browser, live_server):
    extension = extension_in_english_browser
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="nl",
                        partners=[{"name": "Antidiscriminatievoorziening Regio Utrecht-West, meldpunt voor jongeren "
                                           "en hun ouders", "phone": "030-1234567", "email": "", "note": ""}])
    page = extension.open_options()
    assert page.get_attribute("html", "lang") == "nl"
    assert page.inner_text("h1") == msg("nl", "optionsHeading")
    # The language comes first, and choosing it switches the page at once.
    assert page.locator("fieldset").first.locator("select[name='lang']").count() == 1
    assert page.inner_text("#token-hint") == msg("nl", "tokenHint")
    name = page.locator("[name='partnerName']")
    fits = name.evaluate("(e) => e.scrollHeight <= e.clientHeight + 2 && e.clientHeight > 40")
    assert fits, "the long partner name is cut off (or not wrapped onto a second line)"
    extension.screenshot(page, "nl-options-english-browser")
    page.select_option("select[name='lang']", "en")
    wait_until(page, "() => document.documentElement.lang === 'en'")
    assert page.inner_text("h1") == msg("en", "optionsHeading")
    assert page.inner_text("#token-hint") == msg("en", "tokenHint")
    extension.screenshot(page, "en-options-switched")


# -- 6: the post box, the category, the save confirmation -----------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_long_post_shows_whole_lines_and_can_be_shown_in_full(extension, live_server, lang):
    page = open_walk(extension, live_server, lang, text=LONG_POST)
    wait_step(page, "question:content")
    post = page.locator("#post-text")
    toggle = page.locator("#post-toggle")
    assert toggle.is_visible() and toggle.inner_text() == msg(lang, "postShowAll")
    lines = post.evaluate("(e) => { const s = getComputedStyle(e); const inner = e.clientHeight"
                          " - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);"
                          " return inner / parseFloat(s.lineHeight); }")
    assert abs(lines - round(lines)) < 0.05 and round(lines) == 5, f"{lines} lines: one is cut through"
    extension.screenshot(page, f"{lang}-post-folded")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and toggle.inner_text() == msg(lang, "postShowLess")
    assert post.evaluate("(e) => e.scrollHeight <= e.clientHeight + 1"), "the whole post shows"
    extension.screenshot(page, f"{lang}-post-expanded")
    toggle.click()
    walk(page, TO_REFER, "refer")
    lines = post.evaluate("(e) => { const s = getComputedStyle(e); return (e.clientHeight"
                          " - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.lineHeight); }")
    assert round(lines) == 3 and abs(lines - 3) < 0.05, lines
    assert page.locator("#post-toggle").is_visible()


def test_a_short_post_has_no_show_all(extension, live_server):
    page = open_walk(extension, live_server, "nl")
    wait_step(page, "question:content")
    assert page.locator("#post-toggle").is_hidden()


def test_the_category_is_preselected_and_chooses_the_tips(extension, live_server):
    page = open_walk(extension, live_server, "nl")
    walk(page, TO_MODERATE, "moderate_and_counter")
    preselected = page.input_value("#save-category")
    classification = live_server.app.extensions["model_store"].classify(HARMFUL)
    top = max(classification["categories"], key=classification["categories"].get)
    assert preselected == top
    # The menu is built from the server's vocabulary.
    options = page.locator("#save-category option").evaluate_all("(os) => os.map((o) => o.value)")
    assert options == ["", "discriminatory", "hurtful", "threatening"]
    influencers = GUIDELINE["nl"]["tips"]["influencers"]["title"]
    page.select_option("#save-category", "hurtful")
    wait_until(page, "(t) => !document.querySelector('#tips-list').innerText.includes(t)", arg=influencers)
    wait_step(page, "outcome:moderate_and_counter")
    assert influencers not in page.inner_text("#tips-list"), "a racism tip on a bullying post"
    page.select_option("#save-category", "discriminatory")
    wait_until(page, "(t) => document.querySelector('#tips-list').innerText.includes(t)", arg=influencers)
    extension.screenshot(page, "nl-tips-discriminatory")


# -- 7: the emergency route -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("online", [True, False], ids=["server", "offline"])
def test_a_serious_threat_shows_the_emergency_route(extension, live_server, lang, online):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[PARTNER])
    extension.menu_click(HARMFUL, FACEBOOK_POST)
    if not online:
        live_server.stop()
    page = extension.open_popup()
    walk(page, TO_REFER, "refer")
    box = page.locator("#emergency")
    assert box.is_visible()
    assert page.get_attribute("#emergency-list a[href='tel:112']", "href") == "tel:112"
    assert page.locator("#emergency-list a[href='tel:09008844']").count() == 1
    assert page.locator("#emergency-list a[href='https://www.mindmeldpunt.nl']").count() == 1
    assert page.locator("#emergency-list a[href='https://www.discriminatie.nl']").count() == 1
    assert page.inner_text("#emergency-support") == GUIDELINE[lang]["outcomes"]["refer"]["emergency"]["support"]
    # Prominent: right under the title, above the advice, within the first screen.
    title, emergency, advice = (page.locator(s).bounding_box() for s in ("#o-title", "#emergency", "#o-advice"))
    assert title["y"] < emergency["y"] < advice["y"]
    page.evaluate("window.scrollTo(0, 0)")
    extension.screenshot(page, f"{lang}-refer-emergency-{'server' if online else 'offline'}")


def test_belgian_defaults_on_a_belgian_server(extension, app_config):
    from tests.browser.conftest import build_live_server
    live = build_live_server({**app_config, "EMERGENCY_CONTACTS": "be"})
    try:
        page = open_walk(extension, live, "nl")
        walk(page, TO_REFER, "refer")
        text = page.inner_text("#emergency")
        assert "112" in text and "101" in text and "Unia" in text and "0900-8844" not in text
        assert page.locator("#emergency-list a[href='https://www.unia.be']").count() == 1
        extension.screenshot(page, "nl-refer-emergency-be")
    finally:
        live.stop()


# -- 8: a harmless post -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_harmless_post_needs_nothing_now_and_gets_no_hate_tips(extension, live_server, lang):
    page = open_walk(extension, live_server, lang, text=BARBECUE)
    wait_step(page, "question:content")
    assert "suggested" in page.get_attribute("#answer-no", "class")
    # No highlights for a "no" suggestion.
    assert page.locator("#post-text mark").count() == 0 and page.locator("#terms-line").is_hidden()
    walk(page, TO_MONITOR, "monitor")
    assert page.inner_text("#o-title") == GUIDELINE[lang]["outcomes"]["monitor"]["title"]
    assert page.locator("#tips").is_hidden() and page.locator("#donts").is_hidden()
    assert page.locator("#emergency").is_hidden() and page.locator("#drafts").is_hidden()
    extension.screenshot(page, f"{lang}-monitor")


# -- 9: reply drafts --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("steps, outcome", [(TO_PRIVATE, "private_conversation"),
                                            (TO_MODERATE, "moderate_and_counter")])
def test_reply_drafts_are_edited_and_copied_never_posted(extension, live_server, lang, steps, outcome):
    page = open_walk(extension, live_server, lang, url=FORUM_POST)
    walk(page, steps, outcome)
    expected = GUIDELINE[lang]["outcomes"][outcome]["drafts"]
    areas = page.locator("#drafts-list textarea")
    assert 2 <= areas.count() <= 4 and areas.count() == len(expected)
    assert [areas.nth(i).input_value() for i in range(areas.count())] == [d["text"] for d in expected]
    areas.nth(1).fill(expected[1]["text"] + " Groet, Sam")
    before = len(live_server.requests)
    page.locator("#drafts-list button").nth(1).click()
    page.wait_for_selector("#drafts-list li:nth-child(2) .copy-status[data-kind='ok']")
    assert clipboard_text(page) == expected[1]["text"] + " Groet, Sam"
    assert len(live_server.requests) == before, "copying a draft sends nothing anywhere"
    extension.screenshot(page, f"{lang}-drafts-{outcome}")


# -- 10: the advice for the case file -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_advice_is_copied_for_the_case_file_without_the_post_unless_ticked(extension, live_server, lang):
    page = open_walk(extension, live_server, lang)
    walk(page, TO_REFER, "refer")
    page.click("#casefile-copy")
    page.wait_for_selector("#casefile-status[data-kind='ok']")
    summary = clipboard_text(page)
    g = GUIDELINE[lang]
    for part in (msg(lang, "caseTitle"), f"{msg(lang, 'casePlatform')}: Facebook", g["questions"]["content"]["text"],
                 g["questions"]["danger"]["text"], g["outcomes"]["refer"]["title"], g["outcomes"]["refer"]["advice"],
                 "112", g["outcomes"]["refer"]["emergency"]["support"]):
        assert part in summary, part
    assert HARMFUL not in summary and "kakkerlakken" not in summary
    assert str(dt.date.today().year) in summary
    extension.screenshot(page, f"{lang}-casefile-copied")
    page.check("#casefile-text")
    page.click("#casefile-copy")
    page.wait_for_selector("#casefile-status[data-kind='ok']")
    assert HARMFUL in clipboard_text(page)


# -- 11: the follow-up list -----------------------------------------------------------------------

def follow_ups(extension) -> list:
    return extension.worker.evaluate("async () => (await chrome.storage.local.get('followUps')).followUps || []")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_follow_up_list_stays_in_the_browser_and_says_what_is_due(extension, live_server, lang):
    url = "https://www.instagram.com/p/barbecue123/"
    page = open_walk(extension, live_server, lang, text=BARBECUE, url=url, followUpDays=3)
    walk(page, TO_MONITOR, "monitor")
    assert page.locator("#followup").is_visible()
    assert page.input_value("#followup-date") == today(3)
    extension.screenshot(page, f"{lang}-followup-offer")
    page.fill("#followup-date", today())
    page.click("#followup-add")
    page.wait_for_selector("#followup-status[data-kind='ok']")
    assert [(e["url"], e["due"]) for e in follow_ups(extension)] == [(url, today())]
    # Nothing of it went to the server: no request carries the link.
    assert not any("followup" in path or "instagram" in path for _m, path, _a in live_server.requests)

    # Due today: the next popup lists it first, and "done" takes it off.
    extension.menu_click(HARMFUL, FORUM_POST)
    page = extension.open_popup()
    assert page.locator("#due").is_visible()
    assert page.get_attribute("#due-list a", "href") == url
    page.evaluate("window.scrollTo(0, 0)")
    extension.screenshot(page, f"{lang}-followup-due")
    page.click("#due-list button")
    page.wait_for_selector("#due", state="hidden")
    assert follow_ups(extension) == []


def test_follow_ups_expire_and_past_dates_are_refused(extension, live_server):
    old = {"url": "https://x.com/a/status/1", "due": today(-40), "added": today(-47), "platform": "x",
           "outcome": "monitor"}
    kept = {"url": "https://x.com/a/status/2", "due": today(-5), "added": today(-12), "platform": "x",
            "outcome": "monitor"}
    extension.worker.evaluate("(list) => chrome.storage.local.set({followUps: list})", [old, kept])
    page = open_walk(extension, live_server, "nl", text=BARBECUE, url="https://x.com/b/status/3", followUpExpiryDays=30)
    assert [e["url"] for e in follow_ups(extension)] == [kept["url"]], "40 days past its date: forgotten"
    assert page.locator("#due-list li").count() == 1
    walk(page, TO_MONITOR, "monitor")
    page.evaluate("(d) => { const i = document.getElementById('followup-date'); i.min = ''; i.value = d; }", today(-1))
    page.click("#followup-add")
    page.wait_for_selector("#followup-status[data-kind='error']")
    assert page.inner_text("#followup-status") == msg("nl", "followupBadDate")


# -- 12: the case log ---------------------------------------------------------------------------

def test_a_completed_walk_is_logged_without_text_when_switched_on(extension, live_server_with_case_log):
    live = live_server_with_case_log
    page = open_walk(extension, live, "nl")
    walk(page, TO_REFER, "refer")
    page.wait_for_selector("#caselog[data-kind='ok']")
    assert page.inner_text("#caselog") == msg("nl", "caselogDone")
    from server.database import get_db
    with live.app.app_context():
        rows = [dict(r) for r in get_db().execute("SELECT * FROM cases").fetchall()]
    assert len(rows) == 1
    row = rows[0]
    assert (row["outcome"], row["path"], row["platform"], row["team"]) == ("refer", "content>danger", "facebook",
                                                                           "browser-test-worker")
    assert row["prefill_agreed"] == 1 and row["score_band"] in ("almost_certain", "likely", "uncertain")
    assert "kakkerlak" not in json.dumps(rows) and "facebook.com" not in json.dumps(rows)
    extension.screenshot(page, "nl-caselog")
    # The same outcome again (an optional answer ticked) is not counted twice.
    page.check("#optional-list input[name='misinformation']")
    page.wait_for_selector("#o-addenda li")
    wait_step(page, "outcome:refer")
    assert sum(1 for m, p, _ in live.requests if p == "/api/v1/cases") == 1


def test_no_case_is_sent_while_the_log_is_off(extension, live_server):
    page = open_walk(extension, live_server, "nl")
    walk(page, TO_REFER, "refer")
    assert page.inner_text("#caselog") == ""
    assert not any(p == "/api/v1/cases" for _m, p, _a in live_server.requests)


# -- issue 9: the suggestion in words -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_suggestion_is_said_in_words_with_the_number_second(extension, live_server, lang):
    page = open_walk(extension, live_server, lang)
    wait_step(page, "question:content")
    band = page.get_attribute("#prefill-line .band", "data-band")
    assert band in ("almost_certain", "likely", "uncertain")
    assert page.inner_text("#prefill-line") == (msg(lang, "prefillSuggestion").replace("$1", msg(lang, "answerYes"))
                                                + " · " + msg(lang, f"confidence_{band}"))
    # The number is secondary: smaller than the words.
    words, number = (page.locator(s).evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
                     for s in ("#prefill-line", "#score-line"))
    assert number < words
    # Highlights: only terms with a positive weight (the highlight module), shown for a "yes".
    assert page.locator("#post-text mark").count() >= 1
    extension.screenshot(page, f"{lang}-suggestion-in-words")


# -- security helper's preview: the text as it will be saved -----------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_save_shows_the_scrubbed_text_editable_and_saves_the_edit(extension, live_server, lang):
    page = open_walk(extension, live_server, lang, text=HARMFUL + " Mail me: iemand@example.org of bel 06-12345678")
    walk(page, TO_REFER, "refer")
    wait_until(page, "() => document.querySelector('#save-text').value.includes('[e-mail]')")
    text = page.input_value("#save-text")
    assert "iemand@example.org" not in text and "06-12345678" not in text
    assert page.inner_text("#save-names") == msg(lang, "saveNamesNote")
    assert page.locator("#save-replaced").is_visible()
    extension.screenshot(page, f"{lang}-save-preview")
    page.fill("#save-text", text.replace("Rot op", "Ga weg"))
    page.click("#save-button")
    page.wait_for_selector("#save-status[data-kind='ok']")
    [example] = live_server.saved_examples()
    assert example["text"].startswith("Ga weg naar je eigen land")
    assert example["lang"] == "nl"


# -- issue 16: shortcuts can be switched off; hints hidden from screen readers ------------------

def test_single_key_shortcuts_can_be_switched_off(extension, live_server):
    page = open_walk(extension, live_server, "nl", shortcuts=False)
    wait_step(page, "question:content")
    assert page.locator("#answer-yes kbd").is_hidden()
    assert page.get_attribute("#answer-yes", "aria-keyshortcuts") is None
    assert page.inner_text("#keys-hint") == msg("nl", "keysHintOff")
    page.keyboard.press("j")
    page.keyboard.press("n")
    assert page.get_attribute("body", "data-step") == "question:content", "a single key answered"
    page.keyboard.press("Enter")  # Tab/Enter still work: the suggestion has the focus
    wait_step(page, "question:danger")
    extension.screenshot(page, "nl-shortcuts-off")


def test_options_switch_the_shortcuts_off(extension, live_server):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang="en")
    page = extension.open_options()
    assert page.is_checked("input[name='shortcuts']")
    page.uncheck("input[name='shortcuts']")
    page.fill("input[name='followUpDays']", "0")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='error']")
    assert page.inner_text("#status") == msg("en", "errorDays").replace("$1", "1").replace("$2", "365")
    assert page.evaluate("document.activeElement.name") == "followUpDays"
    page.fill("input[name='followUpDays']", "14")
    page.click("button[type='submit']")
    page.wait_for_selector("#status[data-kind='ok']")
    stored = extension.worker.evaluate("() => chrome.storage.local.get(['shortcuts', 'followUpDays'])")
    assert stored == {"shortcuts": False, "followUpDays": 14}
    extension.screenshot(page, "en-options-shortcuts")


def test_key_hints_are_hidden_from_screen_readers_and_the_save_status_is_a_live_region(extension, live_server):
    page = open_walk(extension, live_server, "nl")
    wait_step(page, "question:content")
    assert page.locator(".answer kbd[aria-hidden='true']").count() == 2
    # The accessible name of the Yes button is the word, not "Ja J voorstel".
    snapshot = page.locator("#answer-yes").aria_snapshot()
    assert "J" not in snapshot.replace("Ja", ""), snapshot
    walk(page, TO_REFER, "refer")
    status = page.locator("#save-status")
    # In the page (empty) before the click, so the text set afterwards is announced.
    assert status.get_attribute("role") == "status" and status.get_attribute("hidden") is None
    assert status.inner_text() == ""
    page.click("#save-button")
    page.wait_for_selector("#save-status[data-kind='ok']")
    assert status.inner_text() == msg("nl", "saveDone")


def test_restart_waits_while_an_answer_is_being_processed(extension, live_server):
    page = open_walk(extension, live_server, "nl")
    walk(page, TO_REFER, "refer")
    # Hold the next advice request, as a slow server would.
    held = []
    page.route("**/api/v1/advice", lambda route: held.append(route))
    page.click("#trail li[data-qid='danger'] button")
    page.wait_for_selector("body[data-busy='1']")
    page.click("#restart", force=True)  # ignored: the change of answer is still under way
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    wait_step(page, "question:danger")
    # Had restart run, it would have asked again (held for good) and emptied the answers.
    assert len(held) == 1
    assert page.locator("#trail li").count() == 1, "restart ran in the middle of the change"
