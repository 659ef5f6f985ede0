"""The review queue: examples with what the worker and the model said; accept, reject, relabel,
change category or language, one at a time or in bulk; erase with a confirmation."""
from __future__ import annotations

import logging
from urllib.parse import urlencode

from flask import abort, redirect, render_template, request, url_for

from ..database import get_db
from ..learning import examples
from ..learning.model_store import get_store
from ..storage import examples as example_rows
from ..storage import model_versions
from . import bp, forms
from .sessions import current

log = logging.getLogger(__name__)

NOTICES = ("reviewed", "bulk", "erased", "conflict", "missing")


def _parsed(parse, *args):
    try:
        return parse(*args)
    except forms.FormError as err:
        abort(400, description=f"field:{err.field}")


def _queue_args(args) -> dict:
    """The filters and page of a queue URL, to come back to after an action."""
    keep = ("state", "label", "language", "team", "disagreement", "page")
    return {k: args[k] for k in keep if args.get(k)}


@bp.get("/examples")
def review_queue():
    filters = _parsed(forms.filters, request.args)
    page = _parsed(forms.page_number, request.args)
    store = get_store()
    conn = get_db()
    thresholds = store.thresholds()
    rows, total = example_rows.page(conn, page=page, per_page=forms.PER_PAGE, filters=filters,
                                    thresholds=thresholds, default_threshold=store.model.threshold)
    for row in rows:
        threshold = thresholds.get(row["model_version"], store.model.threshold)
        row["model_label"] = None if row["score"] is None else int(row["score"] >= threshold)
    pages = max(1, -(-total // forms.PER_PAGE))
    args = _queue_args(request.args)
    return render_template(
        "console/review.html", rows=rows, total=total, page=page, pages=pages, filters=filters,
        teams=example_rows.teams(conn), counts=example_rows.counts(conn), args=args,
        back=url_for("console.review_queue", **args),
        page_url=lambda n: url_for("console.review_queue", **{**args, "page": n}),
        notice=request.args.get("notice") if request.args.get("notice") in NOTICES else None,
        notice_count=_count(request.args.get("n")), notice_versions=_count(request.args.get("v")),
        notice_log=request.args.get("w") == "1")


def _count(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 7 else 0


def _back(notice: str, count: int = 1, *, anchor: str | None = None, extra: dict | None = None) -> str:
    target = forms.local_path(request.form.get("back"), default=url_for("console.review_queue"))
    sep = "&" if "?" in target else "?"
    target += sep + urlencode({"notice": notice, "n": count, **(extra or {})})
    return target + (f"#{anchor}" if anchor else "")


@bp.post("/examples/<example_id>")
def review_example(example_id: str):
    example_id = _parsed(forms.example_id, example_id)
    _action, changes = _parsed(forms.review, request.form)
    name = current().name
    conn = get_db()
    if not changes:
        return redirect(_back("reviewed", 0), 303)
    try:
        updated = examples.update(conn, example_id, changes, reviewed_by=name)
    except (examples.ExampleConflict, examples.ExampleError):
        return redirect(_back("conflict"), 303)
    if updated is None:
        return redirect(_back("missing"), 303)
    log.info("example %s changed in the console by %s: %s", example_id, name, ", ".join(sorted(changes)))
    following = request.form.get("next_row", "")
    return redirect(_back("reviewed", anchor=following if following.startswith("row-") and
                          following[4:].isdigit() else None), 303)


@bp.post("/examples/bulk")
def review_bulk():
    action = _parsed(forms.bulk_action, request.form)
    ids = _parsed(forms.example_ids, request.form)
    if action == "erase":
        return _confirm_erase(ids)
    result = examples.update_many(get_db(), ids, forms.bulk_changes(action), reviewed_by=current().name)
    log.info("%d example(s) changed in bulk in the console by %s (%s); %d conflict(s), %d missing",
             len(result["updated"]), current().name, action, len(result["conflicts"]),
             len(result["missing"]))
    if result["conflicts"]:
        return redirect(_back("conflict", len(result["conflicts"])), 303)
    return redirect(_back("bulk", len(result["updated"])), 303)


@bp.get("/examples/<example_id>/erase")
def erase_form(example_id: str):
    return _confirm_erase([_parsed(forms.example_id, example_id)])


def _confirm_erase(ids: list[int]):
    conn = get_db()
    found = [e for e in (example_rows.get(conn, i) for i in ids) if e is not None]
    if not found:
        abort(404, description="example")
    store = get_store()
    active = store.active_version
    carrying = sorted({v for e in found for v in model_versions.carrying(conn, e["id"])})
    back = forms.local_path(request.values.get("back"), default=url_for("console.review_queue"))
    return render_template("console/erase.html", examples=found, carrying=carrying, active=active,
                           back=back)


@bp.post("/examples/erase")
def erase_examples():
    ids = _parsed(forms.example_ids, request.form)
    erasures = examples.erase_many(get_db(), ids)
    # What the erasure itself reports: the versions that still carry the words, and whether the
    # write-ahead log could be emptied (both are said on the queue it goes back to).
    carrying = sorted({v for e in erasures for v in e.versions_carrying})
    log_left = not all(e.log_emptied for e in erasures)
    log.info("%d example(s) erased in the console by %s; %d model version(s) carry them",
             len(erasures), current().name, len(carrying))
    return redirect(_back("erased", len(erasures), extra={"v": len(carrying), "w": int(log_left)}), 303)
