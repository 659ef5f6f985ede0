"""Field statistics (*Praktijk*): what the case log says about the walks of the last weeks.

Only while the case log is on (REAGEERWIJZER_CASE_LOG=true); otherwise the page answers 404
with a page that says so, and the menu does not show it. The counts are the API's
(``learning.field_stats``, as GET /api/v1/stats); a case holds no text, so neither does this page.
"""
from __future__ import annotations

import datetime as dt

from flask import abort, current_app, render_template, request

from ..database import get_db
from ..guideline.service import get_guideline
from ..learning import field_stats
from . import bp, plots
from .i18n import current_lang, number, translate
from .versions import short

# The console shows at most two years at once: a bar per week must stay a bar.
MAX_DAYS = 731
TOP_BARS = 15
# The popup sends a platform's id (extension/lib/platforms.js); the coordinator reads its name.
# tests/test_console_pages.py checks that both lists hold the same platforms.
PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "x": "X (Twitter)",
                  "tiktok": "TikTok", "youtube": "YouTube", "reddit": "Reddit"}


def switched_on() -> bool:
    return current_app.config.get("CASE_LOG") is True


@bp.context_processor
def field_helpers() -> dict:
    return {"field_statistics": switched_on()}


@bp.get("/field")
def field_page():
    if not switched_on():
        abort(404, description="case_log_off")
    asked = {"from": request.args.get("from", "")[:40], "to": request.args.get("to", "")[:40]}
    try:
        first, last = field_stats.date_range(request.args.get("from"), request.args.get("to"),
                                             today=dt.date.today(), max_days=MAX_DAYS)
    except field_stats.RangeError as err:
        message = translate(f"field.error.{err.field}", value=asked.get(err.field, ""), days=MAX_DAYS)
        return render_template("console/field.html", error=message, asked=asked, stats=None,
                               max_days=MAX_DAYS), 400
    rows = field_stats.rows_between(get_db(), first, last)
    stats = _stats(rows, first, last)
    return render_template("console/field.html", error=None, asked={"from": first.isoformat(),
                                                                   "to": last.isoformat()},
                           stats=stats, plots=_plots(stats) if rows else None,
                           first=first, last=last, rate=rate_text, outcome_title=outcome_title,
                           named=_named, max_days=MAX_DAYS, top_bars=TOP_BARS)


def outcome_title(outcome: str) -> str:
    outcomes = get_guideline().outcomes
    if outcome in outcomes:
        return outcomes[outcome]["title"].get(current_lang(), outcome)
    return outcome


def _named(key: str, group: str = "") -> str:
    """How a group's key reads: "onbekend" for a missing value, a platform by its name."""
    if key == field_stats.UNKNOWN:
        return translate("field.unknown")
    return PLATFORM_NAMES.get(key, key) if group == "platforms" else key


def _stats(rows: list[dict], first: dt.date, last: dt.date) -> dict:
    judged = [r for r in rows if r["prefill_agreed"] is not None]
    return {"total": field_stats.counts(rows),
            "weeks": field_stats.outcomes_per_week(rows, first, last),
            "outcomes": field_stats.grouped(rows, "outcome"),
            "platforms": _by_count(field_stats.grouped(rows, "platform")),
            "teams": _by_count(field_stats.grouped(rows, "team")),
            "versions": field_stats.grouped(judged, "model_version")}


def _by_count(groups: list[dict]) -> list[dict]:
    return sorted(groups, key=lambda g: (-g["cases"], g["key"]))


def rate_text(group: dict) -> str:
    """33% (1 van 3) / 33% (1 of 3)."""
    if group["overrule_rate"] is None:
        return "–"
    return translate("field.rate_of", rate=number(group["overrule_rate"] * 100, 0),
                     overruled=group["overruled"], judged=group["with_suggestion"])


def _plots(stats: dict) -> dict:
    weeks = stats["weeks"]
    ticks = [translate("field.week_tick", week=w.split("-W")[1]) for w in weeks["weeks"]]
    years = sorted({w[:4] for w in weeks["weeks"]})
    per_week = plots.stacked_bars(
        ticks, [plots.Series(outcome_title(o), weeks["counts"][o]) for o in weeks["outcomes"]],
        plot_id="weeks", title=translate("field.plot.weeks.title"), desc=translate("field.plot.weeks.desc"),
        x_label=translate("field.plot.week_axis", years="–".join(dict.fromkeys([years[0], years[-1]]))),
        y_label=translate("field.plot.cases"), width=960)
    out = {"weeks": per_week}
    for name in ("platforms", "teams"):
        groups = stats[name][:TOP_BARS]
        out[name] = plots.horizontal_bars(
            [_named(g["key"], name) for g in groups], [g["cases"] for g in groups],
            title=translate(f"field.plot.{name}.title"), desc=translate(f"field.plot.{name}.desc"),
            value_label=translate("field.plot.cases"))
    versions = stats["versions"][-TOP_BARS:]  # the newest
    if versions:
        out["versions"] = plots.horizontal_bars(
            [short(g["key"]) if g["key"] != field_stats.UNKNOWN else _named(g["key"]) for g in versions],
            [g["overrule_rate"] for g in versions], top=1.0, texts=[rate_text(g) for g in versions],
            fmt=lambda v: translate("field.percent", value=number(v * 100, 0)),
            title=translate("field.plot.versions.title"), desc=translate("field.plot.versions.desc"),
            value_label=translate("field.plot.rate"), width=640)
    return out
