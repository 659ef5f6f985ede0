"""Model versions: their metrics and plots, which one is active, activate (rollback) and delete."""
from __future__ import annotations

import logging

from flask import abort, redirect, render_template, request, url_for

import model as classifier

from ..learning import model_store
from ..learning.model_store import get_store
from . import bp, plots
from .i18n import number, translate
from .sessions import current

log = logging.getLogger(__name__)

LANGS = ("nl", "en")
CATEGORIES = tuple(classifier.CATEGORIES)


def evaluation(entry: dict) -> tuple[str | None, dict | None]:
    """The metrics a version's plots are drawn from: the regression set when it was evaluated on
    it (every retrained version, and a first version since the console), else the out-of-fold
    predictions of its own training. (source, metrics) or (None, None)."""
    metrics = entry.get("metrics") or {}
    for source in ("regression", "out_of_fold"):
        if isinstance(metrics.get(source), dict) and "confusion_matrix" in metrics[source]:
            return source, metrics[source]
    return None, None


def across_versions(versions: list[dict]) -> dict:
    """Per version (oldest first) its regression macro-F1 per language and F1 per category."""
    evaluated = [v for v in versions if isinstance((v.get("metrics") or {}).get("regression"), dict)]
    regression = [v["metrics"]["regression"] for v in evaluated]
    return {
        "versions": [v["version"] for v in evaluated],
        "by_lang": {lang: [_get(r, "macro_f1_by_lang", lang, "macro_f1") for r in regression] for lang in LANGS},
        "by_category": {cat: [_get(r, "f1_by_category", cat, "f1") for r in regression] for cat in CATEGORIES},
        "overall": [r.get("macro_f1") for r in regression],
    }


def _get(data: dict, *keys):
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def short(version: str) -> str:
    """20261201T223500Z-1a2b3c4d -> 12-01 22:35 (what fits under a plot's axis)."""
    return f"{version[4:6]}-{version[6:8]} {version[9:11]}:{version[11:13]}" if len(version) > 13 else version


def trend_plots(trend: dict) -> dict:
    labels = [short(v) for v in trend["versions"]]
    common = {"x_label": translate("plot.versions"), "fmt": lambda v: number(v, 1), "y_range": None}
    lang_series = [plots.Series(translate(f"lang.{lang}"), trend["by_lang"][lang]) for lang in LANGS]
    cat_series = [plots.Series(translate(f"category.{cat}"), trend["by_category"][cat]) for cat in CATEGORIES]
    return {
        "by_lang": plots.line_chart(labels, lang_series, title=translate("plot.by_lang.title"),
                                    desc=translate("plot.by_lang.desc"), y_label=translate("plot.macro_f1"),
                                    **common),
        "by_category": plots.line_chart(labels, cat_series, title=translate("plot.by_category.title"),
                                        desc=translate("plot.by_category.desc"), y_label=translate("plot.f1"),
                                        **common),
    }


def version_plots(metrics: dict, threshold: float | None) -> dict:
    labels = [translate("label.0.short"), translate("label.1.short")]
    hist = metrics.get("score_histogram")
    out = {"confusion": plots.confusion_matrix(
        metrics["confusion_matrix"], labels=labels, title=translate("plot.confusion.title"),
        desc=translate("plot.confusion.desc"), true_label=translate("plot.true"),
        predicted_label=translate("plot.predicted"))}
    if hist:
        out["histogram"] = plots.histogram(
            hist["edges"], [plots.Series(translate("label.1.short"), hist["harmful"]),
                            plots.Series(translate("label.0.short"), hist["harmless"])],
            threshold=threshold, title=translate("plot.histogram.title"),
            desc=translate("plot.histogram.desc"), x_label=translate("plot.score"),
            y_label=translate("plot.posts"),
            threshold_label=translate("plot.threshold", value=number(threshold, 2)) if threshold is not None else "",
            fmt=lambda v: number(v, 1))
    if metrics.get("reliability"):
        out["reliability"] = plots.reliability(
            metrics["reliability"], title=translate("plot.reliability.title"),
            desc=translate("plot.reliability.desc"), x_label=translate("plot.mean_score"),
            y_label=translate("plot.harmful_share"), ideal_label=translate("plot.ideal"),
            fmt=lambda v: number(v, 1))
    return out


def _entry(version: str) -> dict:
    for entry in get_store().list_versions():
        if entry["version"] == version:
            return entry
    abort(404, description="version")


@bp.get("/models")
def models_page():
    versions = get_store().list_versions()
    trend = across_versions(versions)
    notice = request.args.get("notice")
    return render_template("console/models.html", versions=list(reversed(versions)), trend=trend,
                           plots=trend_plots(trend) if trend["versions"] else {},
                           short=short, notice=notice if notice in ("activated", "deleted") else None,
                           notice_version=request.args.get("version", "")[:40])


@bp.get("/models/<version>")
def model_page(version: str):
    entry = _entry(version)
    source, metrics = evaluation(entry)
    return render_template("console/model.html", entry=entry, source=source, metrics=metrics,
                           plots=version_plots(metrics, entry.get("threshold")) if metrics else {},
                           categories=CATEGORIES, langs=LANGS)


@bp.route("/models/<version>/activate", methods=["GET", "POST"])
def activate_model(version: str):
    entry = _entry(version)
    store = get_store()
    if request.method == "GET":
        return render_template("console/confirm_model.html", entry=entry, action="activate",
                               active=store.active_version)
    previous = store.active_version
    try:
        store.activate(version)
    except model_store.UnknownVersionError:
        abort(404, description="version")
    except classifier.ModelFileError:
        abort(409, description="unusable")
    log.info("model version %s activated in the console by %s (was %s)", version, current().name, previous)
    return redirect(url_for("console.models_page", notice="activated", version=version), 303)


@bp.route("/models/<version>/delete", methods=["GET", "POST"])
def delete_model(version: str):
    entry = _entry(version)
    store = get_store()
    if entry["active"] or version == store.active_version:
        abort(409, description="active")
    if request.method == "GET":
        return render_template("console/confirm_model.html", entry=entry, action="delete",
                               active=store.active_version)
    try:
        store.delete(version)
    except model_store.ActiveVersionError:
        abort(409, description="active")
    except model_store.UnknownVersionError:
        abort(404, description="version")
    log.info("model version %s deleted in the console by %s", version, current().name)
    return redirect(url_for("console.models_page", notice="deleted", version=version), 303)
