"""Every console page in Dutch and English, as screenshots for a person to look at
(REAGEERWIJZER_SCREENS=/tmp/screens keeps them), with the checks a person would make by eye:
the text contrast meets WCAG AA, nothing sticks out sideways, no English on a Dutch page's
visible text and the other way round (the catalogue's words), and no page needs a CDN or font."""
from __future__ import annotations

import re

import pytest

from .console_fixtures import ready, second_version, sign_in

pytestmark = pytest.mark.browser

# Per text element: its colour against the first opaque background behind it; returns those
# below WCAG AA (4.5:1, or 3:1 for large text: 24px, or 18.66px bold).
CONTRAST = """() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const fg = parse(style.color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) bad.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return bad;
}"""

# Words of one language that must not show on a page in the other (the catalogue's own).
FOREIGN = {"nl": re.compile(r"\b(Review|Retrain|Sign out|Accept|Reject|Erase|Delete|Threshold|Tokens made)\b"),
           "en": re.compile(r"\b(Beoordelen|Uitloggen|Goedkeuren|Afwijzen|Wissen|Verwijderen|Drempel|Voorbeeld)\b")}


def check_page(page, lang: str, requests: list[str], base: str) -> None:
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"], "sideways scroll"
    assert page.evaluate(CONTRAST) == []
    visible = page.inner_text("main") + page.inner_text("header")
    assert not FOREIGN[lang].search(visible), FOREIGN[lang].search(visible).group(0)
    outside = [url for url in requests if not url.startswith(base + "/")]
    assert not outside, f"requests outside the server: {outside}"


def shoot(page, screens, lang: str, name: str, requests: list[str]) -> None:
    ready(page)
    check_page(page, lang, requests, page.url.split("/console")[0])
    page.screenshot(path=str(screens / f"console-{lang}-{name}.png"), full_page=True)
    # What a coordinator sees first, at the size of a laptop screen.
    page.screenshot(path=str(screens / f"console-{lang}-{name}-view.png"))


def test_every_page_in_both_languages(page, console, screens):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    other = second_version(console.app)
    with console.app.app_context():
        first_id = console.db("SELECT MIN(id) AS id FROM examples")[0]["id"]

    for lang in ("nl", "en"):
        page.goto(f"/console/signin?lang={lang}")
        shoot(page, screens, lang, "01-signin", requests)
        page.fill("#token", console.worker)
        page.click("button[type=submit]")
        shoot(page, screens, lang, "02-signin-worker-refused", requests)

    sign_in(page, console, lang="nl")
    # Accept the first page's examples in bulk, so the retraining learns from them and the
    # erase page can name the versions that carry one.
    page.goto("/console/examples")
    page.check("#tick-all")
    page.select_option("#bulk-action", "accept")
    page.click("#bulk button[type=submit]")
    ready(page)
    page.goto("/console/retrain")
    page.click("#start-retrain")
    page.wait_for_selector("[data-job-status]")
    shoot(page, screens, "nl", "07-retrain-progress", requests)
    page.wait_for_selector("#report", timeout=180_000)
    job_url = page.url.split("#")[0]

    for lang in ("nl", "en"):
        pages = [
            ("03-review", f"/console/examples?lang={lang}"),
            ("04-review-disagreement", f"/console/examples?lang={lang}&state=all&disagreement=1"),
            ("05-erase-confirm", f"/console/examples/{first_id}/erase?lang={lang}"),
            ("05-review-accepted", f"/console/examples?lang={lang}&state=accepted"),
            ("06-retrain", f"/console/retrain?lang={lang}"),
            ("08-retrain-report", f"{job_url}?lang={lang}"),
            ("09-models", f"/console/models?lang={lang}"),
            ("10-model", f"/console/models/{console.store.active_version}?lang={lang}"),
            ("11-activate-confirm", f"/console/models/{other}/activate?lang={lang}"),
            ("12-delete-confirm", f"/console/models/{other}/delete?lang={lang}"),
            ("13-tokens", f"/console/tokens?lang={lang}"),
            ("15-revoke-confirm", f"/console/tokens/buurtteam-noord/revoke?lang={lang}"),
            ("16-not-found", f"/console/models/20990101T000000Z-00000000?lang={lang}"),
        ]
        for name, url in pages:
            page.goto(url)
            shoot(page, screens, lang, name, requests)
        page.goto(f"/console/tokens?lang={lang}")
        page.fill("#token-name", f"team-{lang}")
        page.click("form.inline-form button[type=submit]")
        shoot(page, screens, lang, "14-token-created", requests)

    # Erase the first example (the new model was trained on it): the queue says which versions
    # still carry its words.
    page.goto(f"/console/examples/{first_id}/erase?lang=nl")
    page.click("form.confirm button[type=submit]")
    ready(page)
    assert "modelversie(s) zijn erop getraind" in page.inner_text("p.notice")
    erased = page.url
    shoot(page, screens, "nl", "17-erased", requests)
    page.goto(erased + "&lang=en")
    assert "model version(s) were trained on them" in page.inner_text("p.notice")
    shoot(page, screens, "en", "17-erased", requests)
