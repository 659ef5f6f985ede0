"""The coordinator's console in a real Chromium: sign in and out, review one by one with the
keyboard and in bulk, erase, retrain and follow the progress bar to the report, roll back and
delete a version, make, copy and revoke a token, see the plots, and do without JavaScript."""
from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Error as PlaywrightError

from server.console.field import PLATFORM_NAMES
from tests.browser.conftest import wait_until

from .console_fixtures import VIEWPORT, ready, second_version, sign_in

pytestmark = pytest.mark.browser


def api_status(console, path: str, token: str) -> int:
    request = urllib.request.Request(console.url + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def first_ids(console, n: int, where: str = "1 = 1") -> list[int]:
    return [r["id"] for r in console.db(f"SELECT id FROM examples WHERE {where} ORDER BY id LIMIT {n}")]


def test_sign_in_with_the_keyboard_refuses_a_worker_token_and_signs_out(page, console):
    page.goto("/console/examples")  # not signed in: the sign-in page, coming back here after
    ready(page)
    assert "/console/signin" in page.url
    assert page.evaluate("document.activeElement.id") == "token"
    page.keyboard.type(console.worker)
    page.keyboard.press("Enter")
    ready(page)
    assert "werker" in page.inner_text("[role=alert]")
    page.focus("#token")
    page.keyboard.type(console.admin)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-page=review]")
    assert page.url.endswith("/console/examples")

    cookie = next(c for c in page.context.cookies() if c["name"] == "rw_console")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/console"
    assert not cookie["secure"]  # plain http on loopback; Secure behind TLS (test_console_pages)

    # The first Tab from the top reaches the skip link, and it leads to the content.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"

    page.focus("form.signout button")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-page=signin]")
    assert "uitgelogd" in page.inner_text("main")
    # The old cookie is worth nothing now: the server forgot the session.
    page.context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path")}])
    page.goto("/console/models")
    ready(page)
    assert "/console/signin" in page.url


def test_review_one_at_a_time_with_shortcuts(page, console):
    ids = first_ids(console, 5)
    sign_in(page, console)
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"row-{ids[0]}"
    page.keyboard.press("a")  # accept the first
    page.wait_for_url(f"**#row-{ids[1]}")
    ready(page)
    assert console.example(ids[0])["state"] == "accepted"
    assert console.example(ids[0])["reviewed_by"] == "coordinator"
    # The page came back on the next example, which the queue now shows first.
    assert page.evaluate("document.activeElement.id") == f"row-{ids[1]}"
    assert console.example(ids[1])["label"] == 0
    page.keyboard.press("1")  # relabel harmful ...
    page.keyboard.press("s")  # ... and save without a verdict
    ready(page)
    wait_until(page, f"() => document.activeElement.id === 'row-{ids[2]}'")
    changed = console.example(ids[1])
    assert (changed["label"], changed["state"]) == (1, "new")
    page.keyboard.press("r")  # reject the third
    ready(page)
    assert console.example(ids[2])["state"] == "rejected"

    # Category and language by the form's own fields (the fifth is harmful: it may have a category).
    assert console.example(ids[4])["label"] == 1
    row = page.locator(f"#row-{ids[4]}")
    row.locator("select[name=category]").select_option("threatening")
    row.locator("select[name=language]").select_option("en")
    row.locator("[data-action=save]").click()
    ready(page)
    changed = console.example(ids[4])
    assert (changed["category"], changed["lang"]) == ("threatening", "en")


def test_review_in_bulk_with_filters_and_erase(page, console):
    sign_in(page, console)
    page.check("#f-disagreement")
    page.select_option("#f-language", "nl")
    page.click("form.filters button")
    ready(page)
    shown = [int(v) for v in page.locator("[data-example]").evaluate_all("els => els.map(e => e.dataset.example)")]
    # Every fifth seeded example was saved with a score on the other side of the threshold.
    disagreeing = console.db("SELECT id FROM examples WHERE lang = 'nl' AND "
                             "((label = 1 AND score < 0.5) OR (label = 0 AND score > 0.5)) ORDER BY id")
    assert shown == [r["id"] for r in disagreeing] and shown
    for example_id in shown[:3]:
        page.check(f"#tick-{example_id}")
    assert page.inner_text("[data-ticked]") == "3"
    page.select_option("#bulk-action", "reject")
    page.click("#bulk button[type=submit]")
    ready(page)
    assert [console.example(i)["state"] for i in shown[:3]] == ["rejected"] * 3
    assert "3" in page.inner_text(".notice")

    # Bulk erase asks first, and names what erasing does not remove.
    page.goto("/console/examples")
    ready(page)
    doomed = first_ids(console, 2, "state = 'new'")
    page.focus(f"#row-{doomed[0]}")
    page.keyboard.press("x")
    page.check(f"#tick-{doomed[1]}")
    page.select_option("#bulk-action", "erase")
    page.click("#bulk button[type=submit]")
    page.wait_for_selector("[data-page=erase]")
    assert "woordenlijst" in page.inner_text("main")
    assert console.example(doomed[0]) is not None  # nothing erased yet
    page.click("form.confirm button")
    ready(page)
    assert console.example(doomed[0]) is None and console.example(doomed[1]) is None


def test_retrain_and_follow_the_progress_to_the_report(page, console):
    before = console.store.active_version
    sign_in(page, console, lang="en")
    page.goto("/console/retrain")
    page.click("#start-retrain")
    page.wait_for_selector("[data-job-status]")
    seen_values, seen_stages = [], []
    while page.locator("#report").count() == 0:
        try:
            state = page.evaluate("""() => { const p = document.querySelector('#job-progress');
                const s = document.querySelector('[data-stage]');
                return p ? [p.value, s.textContent] : null; }""")
        except PlaywrightError as err:
            # The page moves on to the report by itself when the job ends, possibly mid-poll.
            if "Execution context was destroyed" not in str(err):
                raise
            page.wait_for_load_state()
            continue
        if state:
            seen_values.append(state[0])
            if not seen_stages or seen_stages[-1] != state[1]:
                seen_stages.append(state[1])
        page.wait_for_timeout(150)
        assert len(seen_values) < 2000, "the training did not end within 5 minutes"
    ready(page)
    assert seen_values == sorted(seen_values), seen_values
    assert any(0 < v < 100 for v in seen_values), seen_values
    assert len(seen_stages) >= 3, seen_stages  # e.g. starting, loading data, fold 1 of 2, ...
    report = page.inner_text("#report")
    job = console.db("SELECT report FROM jobs")[0]
    decision = json.loads(job["report"])["decision"]
    assert ("has been put to use" in report) == decision["promoted"]
    assert page.locator("tr[data-model=candidate]").count() == 1
    assert page.locator("tr[data-model=active]").count() == 1
    candidate = json.loads(job["report"])["candidate_version"]
    assert console.store.active_version == (candidate if decision["promoted"] else before)


def test_roll_back_and_delete_a_version(page, console):
    before = console.store.active_version
    other = second_version(console.app)
    sign_in(page, console)
    page.goto("/console/models")
    page.click(f"[data-activate='{other}']")
    page.wait_for_selector("[data-page=confirm-activate]")
    assert console.store.active_version == before  # nothing happens before confirming
    page.click("#confirm")
    ready(page)
    assert console.store.active_version == other
    assert page.locator(f"tr[data-version='{other}'] .badge.active").count() == 1
    with urllib.request.urlopen(console.url + "/api/v1/health") as response:
        assert json.load(response)["model_version"] == other

    page.click(f"[data-delete='{before}']")
    page.wait_for_selector("[data-page=confirm-delete]")
    page.click("#confirm")
    ready(page)
    assert page.locator(f"tr[data-version='{before}']").count() == 0
    assert not (console.store.models_dir / before).exists()
    # The active version has no delete link, and asking anyway is refused.
    assert page.locator(f"[data-delete='{other}']").count() == 0
    page.goto(f"/console/models/{other}/delete")
    assert "actieve model" in page.inner_text("main")


def test_make_copy_and_revoke_a_token(page, console):
    sign_in(page, console, lang="en")
    page.goto("/console/tokens")
    page.fill("#token-name", "bad name!")
    page.evaluate("document.querySelector('#token-name').removeAttribute('pattern')")
    page.click("form.inline-form button[type=submit]")
    ready(page)
    assert "will not do" in page.inner_text("#token-error")

    page.fill("#token-name", "team-zuid")
    page.select_option("#token-role", "worker")
    page.click("form.inline-form button[type=submit]")
    page.wait_for_selector("[data-page=token-created]")
    secret = page.input_value("[data-secret]")
    page.click("[data-copy]")
    wait_until(page, "() => document.querySelector('[data-copy-status]').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == secret
    assert api_status(console, "/api/v1/guideline", secret) == 200

    page.goto("/console/tokens")
    page.click("[data-revoke='team-zuid']")
    page.wait_for_selector("[data-page=confirm-revoke]")
    page.click("#confirm")
    ready(page)
    assert "revoked" in page.inner_text("tr[data-token='team-zuid']")
    assert api_status(console, "/api/v1/guideline", secret) == 401


def test_the_plots_show_the_models_numbers(page, console):
    version = second_version(console.app)
    sign_in(page, console)
    page.goto(f"/console/models/{version}")
    ready(page)
    metrics = next(v for v in console.store.list_versions() if v["version"] == version)["metrics"]["regression"]
    cells = page.locator("svg[data-plot=confusion] rect.cell").evaluate_all(
        "els => els.map(e => [+e.dataset.row, +e.dataset.col, +e.dataset.value])")
    assert {(r, c): v for r, c, v in cells} == {(r, c): metrics["confusion_matrix"][r][c]
                                               for r in range(2) for c in range(2)}
    bars = page.locator("svg[data-plot=histogram] rect.bar").evaluate_all(
        "els => els.map(e => [e.dataset.series, +e.dataset.value])")
    assert sum(v for s, v in bars if s == "Schadelijk") == sum(metrics["score_histogram"]["harmful"])
    assert sum(v for s, v in bars if s == "Niet schadelijk") == sum(metrics["score_histogram"]["harmless"])
    assert page.locator("svg[data-plot=histogram] line.threshold").count() == 1
    assert page.locator("svg[data-plot=reliability] circle.point").count() == len(metrics["reliability"])
    for plot in ("confusion", "histogram", "reliability"):
        box = page.locator(f"svg[data-plot={plot}]").bounding_box()
        assert box["width"] > 200 and box["height"] > 150, (plot, box)

    page.goto("/console/models")
    ready(page)
    points = page.locator("#plot-by-lang circle.point, #plot-by-lang rect.point, #plot-by-lang path.point")
    assert points.count() >= 2  # one per language for the evaluated version at least


def test_the_pages_work_without_javascript(chromium_browser, console):
    context = chromium_browser.new_context(viewport=VIEWPORT, base_url=console.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/console/signin")
        page.fill("#token", console.admin)
        page.click("button[type=submit]")
        page.wait_for_selector("[data-page=review]")
        first = first_ids(console, 1)[0]
        page.locator(f"#row-{first} [data-action=accept]").click()
        page.wait_for_selector("[data-page=review]")
        assert console.example(first)["state"] == "accepted"
        page.goto("/console/retrain")
        page.click("#start-retrain")
        page.wait_for_selector("[data-page=job]")
        # Without the script the page reloads itself until the job has ended.
        assert page.locator("noscript").count() == 1 or page.locator("#report").count() == 1
        page.wait_for_selector("#report", timeout=300_000)
    finally:
        context.close()


def test_the_field_page_charts_the_case_log(page, console):
    """With cases seeded: the menu leads to the field page, its charts and tables draw the
    counts of the last 90 days, the range is chosen with the keyboard, a bad one says why."""
    import datetime as dt
    from collections import Counter
    sign_in(page, console, lang="en")
    page.click("nav >> text=In practice")
    page.wait_for_selector("[data-page=field]")
    assert page.locator("nav a[aria-current=page]").inner_text() == "In practice"
    rows = console.db("SELECT day, team, outcome, platform, prefill_agreed, model_version FROM cases")
    first = (dt.date.today() - dt.timedelta(days=89)).isoformat()
    shown = [r for r in rows if r["day"] >= first]
    assert page.inner_text("[data-total=cases]") == str(len(shown)) and len(shown) > 50

    stacked = page.locator("#plot-weeks rect.bar").evaluate_all(
        "els => els.map(e => [e.dataset.series, +e.dataset.value])")
    titles = {o: t["title"]["en"] for o, t in console.app.extensions["guideline"].outcomes.items()}
    per_outcome = Counter()
    for series, value in stacked:
        per_outcome[series] += value
    assert per_outcome == Counter({titles[o]: n for o, n in Counter(r["outcome"] for r in shown).items()})
    teams = dict(page.locator("#plot-teams rect.bar").evaluate_all(
        "els => els.map(e => [e.dataset.x, +e.dataset.value])"))
    assert teams == dict(Counter(r["team"] for r in shown))
    platforms = dict(page.locator("#plot-platforms rect.bar").evaluate_all(
        "els => els.map(e => [e.dataset.x, +e.dataset.value])"))
    # The bars name a platform as the worker knows it (Facebook), not by the popup's id.
    assert platforms == dict(Counter(PLATFORM_NAMES.get(r["platform"], "unknown") for r in shown))
    rates = page.locator("#plot-versions rect.bar").evaluate_all("els => els.map(e => +e.dataset.value)")
    judged = [r for r in shown if r["prefill_agreed"] is not None]
    expected = {}
    for version in sorted({r["model_version"] for r in judged}):
        mine = [r for r in judged if r["model_version"] == version]
        expected[version] = round(sum(1 for r in mine if not r["prefill_agreed"]) / len(mine), 4)
    assert rates == list(expected.values()) and len(rates) == 2
    for plot in ("weeks", "platforms", "teams", "versions"):
        box = page.locator(f"#plot-{plot} svg").bounding_box()
        assert box["width"] > 300 and box["height"] > 100, (plot, box)

    # The numbers behind a chart open with the keyboard; the table names its columns.
    page.focus("#plot-teams + details > summary")
    page.keyboard.press("Enter")
    table = page.locator("#table-teams")
    assert table.is_visible()
    assert table.locator("thead th").all_inner_texts()[:2] == ["Team", "Cases"]
    assert {r.locator("th").inner_text(): int(r.locator("td").first.inner_text())
            for r in table.locator("tbody tr").all()} == teams

    # A range typed with the keyboard: one day, the first of the seeded ones.
    day = min(r["day"] for r in shown)
    for field in ("#field-from", "#field-to"):
        page.focus(field)
        page.evaluate("(sel) => { document.querySelector(sel).value = ''; }", field)
        page.fill(field, day)
    page.focus("#field-range button")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-page=field]")
    ready(page)
    assert f"from={day}" in page.url
    assert page.inner_text("[data-total=cases]") == str(sum(1 for r in rows if r["day"] == day))

    page.goto("/console/field?from=2026-12-02&to=2026-11-01&lang=nl")
    ready(page)
    assert "ligt na de datum" in page.inner_text("[role=alert]")
