"""The coordinator's console in a real Firefox (firefox-esr): sign in with the keyboard, review
with the shortcuts, follow a retrain's progress bar to the report, the plots, sign out.

Coordinators use whatever browser their organisation has; the console's scripts (shortcuts,
the progress poll, the plots drawn as SVG) are plain DOM code, and this is where Firefox
proves it. The Chromium suite (test_console.py) covers every page; this covers the scripted
ones. One Firefox for the module (tests/browser/firefox.py); the extension it carries is idle.
"""
from __future__ import annotations

import json
import time

import pytest

from tests.browser.firefox import By, MarionetteException, firefox_fixture

from .console_fixtures import VIEWPORT, second_version

pytestmark = [pytest.mark.browser, pytest.mark.firefox]

firefox_session = firefox_fixture()


@pytest.fixture
def firefox(firefox_session):
    firefox_session.reset()
    firefox_session.m.set_window_rect(width=VIEWPORT["width"], height=VIEWPORT["height"])
    yield firefox_session
    firefox_session.close_tabs()


def go(firefox, console, path: str) -> None:
    firefox.m.navigate(console.url + path)
    firefox.wait_ready("the console page ready")


def press(firefox, key: str) -> None:
    """A real key press, to whatever has the focus."""
    firefox.m.actions.sequence("key", "keyboard").key_down(key).key_up(key).perform()


def type_token(firefox, token: str) -> None:
    field = firefox.m.find_element(By.CSS_SELECTOR, "#token")
    field.clear()
    field.send_keys(token + "\ue007")  # and Enter


def focused(firefox) -> str:
    return firefox.js("return document.activeElement ? document.activeElement.id : ''")


def sign_in(firefox, console, lang: str = "nl") -> None:
    go(firefox, console, f"/console/signin?lang={lang}&next=/console/examples")
    type_token(firefox, console.admin)
    firefox.wait_for("[data-page=review]", "the review queue")
    firefox.wait_ready()


def test_sign_in_review_with_shortcuts_and_sign_out_in_firefox(firefox, console):
    ids = [r["id"] for r in console.db("SELECT id FROM examples ORDER BY id LIMIT 3")]
    go(firefox, console, "/console/examples")  # not signed in: the sign-in page
    assert "/console/signin" in firefox.m.get_url()
    assert focused(firefox) == "token"
    type_token(firefox, console.worker)
    firefox.wait(lambda: firefox.text("[role=alert]"), message="the refusal")
    assert "werker" in firefox.text("[role=alert]")
    type_token(firefox, console.admin)
    firefox.wait_for("[data-page=review]", "the review queue")
    firefox.wait_ready()
    assert firefox.m.get_url().endswith("/console/examples")

    firefox.js("document.activeElement.blur()")
    press(firefox, "j")
    assert focused(firefox) == f"row-{ids[0]}"
    press(firefox, "a")  # accept the first; the page comes back on the next one
    firefox.wait(lambda: firefox.m.get_url().endswith(f"#row-{ids[1]}"), message="the next example")
    firefox.wait_ready()
    firefox.wait(lambda: focused(firefox) == f"row-{ids[1]}", message="the focus on the next example")
    assert console.example(ids[0])["state"] == "accepted"
    press(firefox, "r")  # reject the second
    firefox.wait(lambda: console.example(ids[1])["state"] == "rejected", message="the rejection stored")
    firefox.wait_ready()
    firefox.screenshot("firefox-console-nl-review")

    firefox.m.find_element(By.CSS_SELECTOR, "form.signout button").click()
    firefox.wait_for("[data-page=signin]", "the signed-out page")
    assert "uitgelogd" in firefox.text("main")
    go(firefox, console, "/console/models")
    assert "/console/signin" in firefox.m.get_url()


def test_retrain_progress_bar_to_the_report_in_firefox(firefox, console):
    before = console.store.active_version
    sign_in(firefox, console, lang="en")
    go(firefox, console, "/console/retrain")
    firefox.m.find_element(By.CSS_SELECTOR, "#start-retrain").click()
    firefox.wait_for("[data-job-status]", "the job's status")
    values, stages = [], []
    deadline = time.monotonic() + 300
    while True:
        try:
            state = firefox.js("""const p = document.querySelector('#job-progress');
                const s = document.querySelector('[data-stage]');
                return {done: !!document.querySelector('#report'),
                        progress: p ? [p.value, s ? s.textContent : ''] : null};""")
        except MarionetteException:
            continue  # the page moved on to the report by itself, mid-script
        if state["done"]:
            break
        if state["progress"]:
            values.append(state["progress"][0])
            if not stages or stages[-1] != state["progress"][1]:
                stages.append(state["progress"][1])
        assert time.monotonic() < deadline, "the training did not end within 5 minutes"
        time.sleep(0.15)
    firefox.wait_ready()
    assert values == sorted(values), values
    assert any(0 < v < 100 for v in values), values
    assert len(stages) >= 3, stages
    report = json.loads(console.db("SELECT report FROM jobs")[0]["report"])
    promoted = report["decision"]["promoted"]
    assert ("has been put to use" in firefox.text("#report")) == promoted
    assert console.store.active_version == (report["candidate_version"] if promoted else before)
    firefox.screenshot("firefox-console-en-retrain-report")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_plots_are_drawn_in_firefox(firefox, console, lang):
    version = second_version(console.app)
    sign_in(firefox, console, lang=lang)
    go(firefox, console, f"/console/models/{version}")
    metrics = next(v for v in console.store.list_versions() if v["version"] == version)["metrics"]["regression"]
    cells = firefox.js("return [...document.querySelectorAll('svg[data-plot=confusion] rect.cell')]"
                       ".map(e => [+e.dataset.row, +e.dataset.col, +e.dataset.value]);")
    assert {(r, c): v for r, c, v in cells} == {(r, c): metrics["confusion_matrix"][r][c]
                                               for r in range(2) for c in range(2)}
    assert firefox.js("return document.querySelectorAll('svg[data-plot=reliability] circle.point').length") \
        == len(metrics["reliability"])
    for plot in ("confusion", "histogram", "reliability"):
        box = firefox.js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                         " return [r.width, r.height];", f"svg[data-plot={plot}]")
        assert box[0] > 200 and box[1] > 150, (plot, box)
    firefox.screenshot(f"firefox-console-{lang}-model")
