"""/api/v1/cases and /api/v1/stats: the case log an organisation may switch on
(REAGEERWIJZER_CASE_LOG=true), and counts from it for the coordinator.

A case is what a walk led to: the outcome, the questions asked, the platform, the harm category,
whether the worker kept the classifier's suggestion, the model version and its confidence band.
Never the text, the link, or who the worker was: the server adds the day and the token's team.
While the log is switched off, both endpoints answer 404.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

from flask import Blueprint, current_app, request

from model import CATEGORIES

from ..auth import current_principal, requires
from ..database import get_db
from ..errors import APIError
from ..guideline.service import get_guideline
from ..storage import cases
from . import examples_validation, validation

bp = Blueprint("cases", __name__)

FIELDS = ("outcome", "path", "platform", "category", "prefill_agreed", "model_version", "score_band")
SCORE_BANDS = ("almost_certain", "likely", "uncertain")
GROUPS = ("week", "outcome", "platform", "team")
_PLATFORM = re.compile(r"[a-z0-9_]{1,32}")
# Without ?from=, the statistics cover this many days up to ?to= (today by default).
DEFAULT_DAYS = 90


def _switched_on() -> None:
    if current_app.config.get("CASE_LOG") is not True:
        raise APIError(404, "the case log is switched off on this server (REAGEERWIJZER_CASE_LOG)",
                       code="not_found")


@bp.post("/cases")
def record_case():
    _switched_on()
    case = _case(validation.json_object(request))
    case_id = cases.record(get_db(), case, team=current_principal().name, day=dt.date.today().isoformat())
    return {"id": case_id}, 201


@bp.get("/stats")
@requires("admin")
def show_stats():
    _switched_on()
    last = _day(request.args.get("to"), "to", default=dt.date.today())
    first = _day(request.args.get("from"), "from", default=last - dt.timedelta(days=DEFAULT_DAYS - 1))
    if first > last:
        raise APIError(400, f"'from' ({first}) is after 'to' ({last})", code="invalid_range")
    group = request.args.get("group") or "week"
    if group not in GROUPS:
        raise APIError(400, f"unknown group {group!r}; use one of: {', '.join(GROUPS)}", code="invalid_group")
    rows = cases.between(get_db(), first.isoformat(), last.isoformat())
    return {"from": first.isoformat(), "to": last.isoformat(), "group": group,
            **_counts(rows), "groups": _grouped(rows, group)}


def _counts(rows: list[dict]) -> dict:
    """How many cases, and of those with a suggestion, how often the worker overruled it: the
    field's best signal of the model's quality."""
    judged = [r for r in rows if r["prefill_agreed"] is not None]
    overruled = sum(1 for r in judged if r["prefill_agreed"] == 0)
    return {"cases": len(rows), "with_suggestion": len(judged), "overruled": overruled,
            "overrule_rate": round(overruled / len(judged), 4) if judged else None}


def _grouped(rows: list[dict], group: str) -> list[dict]:
    buckets: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        buckets[_key(row, group)].append(row)
    return [{"key": key, **_counts(items)} for key, items in sorted(buckets.items())]


def _key(row: dict, group: str) -> str:
    if group == "week":
        year, week, _ = dt.date.fromisoformat(row["day"]).isocalendar()
        return f"{year}-W{week:02d}"
    return row[group] or "unknown"


def _day(value: str | None, name: str, *, default: dt.date) -> dt.date:
    if value is None or value == "":
        return default
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise APIError(400, f"'{name}' must be a date as YYYY-MM-DD, not {value!r}", code=f"invalid_{name}")


def _case(body: dict) -> cases.Case:
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise APIError(400, f"unknown field(s): {', '.join(unknown)}; a case holds only "
                            f"{', '.join(FIELDS)} (never the text or the link)", code="unknown_field")
    outcome, path = body.get("outcome"), body.get("path")
    if not (isinstance(path, list) and path and all(isinstance(q, str) for q in path)):
        raise APIError(400, "'path' must be the list of question ids asked, in order", code="invalid_path")
    if not isinstance(outcome, str) or not get_guideline().leads_to(path, outcome):
        raise APIError(400, f"the questions {path!r} do not lead to the outcome {outcome!r} in this "
                            "server's guideline", code="invalid_path")
    return cases.Case(
        outcome=outcome, path=tuple(path),
        platform=_optional(body, "platform", lambda v: isinstance(v, str) and _PLATFORM.fullmatch(v),
                           "a platform id such as 'facebook'"),
        category=_optional(body, "category", lambda v: v in CATEGORIES, f"one of {', '.join(CATEGORIES)}"),
        prefill_agreed=_optional(body, "prefill_agreed", lambda v: isinstance(v, bool), "true or false"),
        model_version=_model_version(body.get("model_version")),
        score_band=_optional(body, "score_band", lambda v: v in SCORE_BANDS, f"one of {', '.join(SCORE_BANDS)}"))


def _optional(body: dict, name: str, fits, expected: str) -> Any:
    value = body.get(name)
    if value is None:
        return None
    if not fits(value):
        raise APIError(400, f"'{name}' must be {expected} or null, not {value!r}", code=f"invalid_{name}")
    return value


def _model_version(value: Any) -> str | None:
    try:
        return examples_validation.model_version(value)
    except examples_validation.InvalidExample as err:
        raise APIError(400, str(err), code="invalid_model_version") from None
