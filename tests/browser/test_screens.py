"""The popup at each step, in Dutch and English, at popup size: screenshots for a person to look
at (REAGEERWIJZER_SCREENS=/tmp/screens keeps them) and checks a person would make by eye."""
from __future__ import annotations

import pytest

from tests.browser.conftest import POPUP_SIZE, answer, wait_step
from tests.browser.test_extension import HARMFUL, PARTNER

pytestmark = pytest.mark.browser

STEPS = [("content", True), ("danger", False), ("real_person", True), ("known", True), ("influence", True)]


def assert_fits_popup(page) -> None:
    """Nothing sticks out sideways at popup width (no horizontal scrolling)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= POPUP_SIZE["width"], f"the popup is {width}px wide"


def assert_question_in_view(page) -> None:
    """At a question, both answer buttons are within the first screen of a 600px popup."""
    for button in ("#answer-yes", "#answer-no"):
        box = page.locator(button).bounding_box()
        assert box["y"] + box["height"] <= POPUP_SIZE["height"], f"{button} is below the fold: {box}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_popup_at_each_step(extension, live_server, lang):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[PARTNER])
    extension.menu_click(HARMFUL, "https://www.instagram.com/p/abc/")
    page = extension.open_popup()
    for i, (qid, value) in enumerate(STEPS, start=1):
        wait_step(page, f"question:{qid}")
        assert_fits_popup(page)
        assert_question_in_view(page)
        page.evaluate("window.scrollTo(0, 0)")
        extension.screenshot(page, f"{lang}-step{i}-{qid}")
        nxt = f"question:{STEPS[i][0]}" if i < len(STEPS) else "outcome:private_conversation"
        answer(page, value, nxt)
    assert_fits_popup(page)
    extension.screenshot(page, f"{lang}-step6-outcome-full")
    # What the worker sees first in a 600px popup: the focus has brought the advice into view.
    page.screenshot(path=str(extension.screens / f"{lang}-step6-outcome-view.png"))
    box = page.locator("#o-title").bounding_box()
    scroll = page.evaluate("window.scrollY")
    assert 0 <= box["y"] - 0 <= POPUP_SIZE["height"], (box, scroll)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_refer_with_partners_and_offline(extension, live_server, lang):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[
        PARTNER, {"name": "Antidiscriminatievoorziening", "phone": "", "email": "meld@adv.example", "note": ""}])
    extension.menu_click(HARMFUL, "https://x.com/someone/status/1")
    live_server.stop()
    page = extension.open_popup()
    wait_step(page, "question:content")
    assert_fits_popup(page)
    assert_question_in_view(page)
    extension.screenshot(page, f"{lang}-offline-question")
    answer(page, True, "question:danger")
    answer(page, True, "outcome:refer")
    assert_fits_popup(page)
    extension.screenshot(page, f"{lang}-offline-refer")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_options_page(extension, live_server, lang):
    extension.configure(serverUrl=live_server.url, token=live_server.token, lang=lang, partners=[PARTNER])
    page = extension.open_options()
    page.click("#test")
    page.wait_for_selector("#test-status[data-kind='ok']")
    extension.screenshot(page, f"{lang}-options")
