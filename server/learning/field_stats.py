"""Field statistics: counts from the case log (storage/cases), shared by GET /api/v1/stats and
the console's field page, so both count the same way.

A case says where a walk led, on which platform, for which team, and whether the worker kept the
classifier's suggestion (``prefill_agreed``). How often workers overruled it is the field's best
signal of a model's quality. No function here sees a text: the table holds none.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from ..storage import cases

# Without a first day, the statistics cover this many days up to the last (today by default).
DEFAULT_DAYS = 90
GROUPS = ("week", "outcome", "platform", "team", "model_version")
UNKNOWN = "unknown"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class RangeError(ValueError):
    """A date or a range that cannot be used; ``field`` is "from", "to", "range" or "length"."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def day(value: str | None, name: str, *, default: dt.date) -> dt.date:
    """``value`` as a date (YYYY-MM-DD); ``default`` when it is missing or empty."""
    if value is None or value == "":
        return default
    try:
        if _DAY.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise RangeError(name, f"'{name}' must be a date as YYYY-MM-DD, not {value!r}")


def date_range(first: str | None, last: str | None, *, today: dt.date,
               max_days: int | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day asked for: by default the last DEFAULT_DAYS days up to today."""
    last_day = day(last, "to", default=today)
    first_day = day(first, "from", default=_minus(last_day, DEFAULT_DAYS - 1))
    if first_day > last_day:
        raise RangeError("range", f"'from' ({first_day}) is after 'to' ({last_day})")
    if max_days is not None and (last_day - first_day).days + 1 > max_days:
        raise RangeError("length", f"the range from {first_day} to {last_day} is longer than {max_days} days")
    return first_day, last_day


def _minus(date: dt.date, days: int) -> dt.date:
    try:
        return date - dt.timedelta(days=days)
    except OverflowError:  # a 'to' in the first days of year 1
        return dt.date.min


def rows_between(conn, first: dt.date, last: dt.date) -> list[dict]:
    return cases.between(conn, first.isoformat(), last.isoformat())


def counts(rows: list[dict]) -> dict:
    """How many cases, and of those with a suggestion, how often the worker overruled it."""
    judged = [r for r in rows if r["prefill_agreed"] is not None]
    overruled = sum(1 for r in judged if r["prefill_agreed"] == 0)
    return {"cases": len(rows), "with_suggestion": len(judged), "overruled": overruled,
            "overrule_rate": round(overruled / len(judged), 4) if judged else None}


def grouped(rows: list[dict], group: str) -> list[dict]:
    """``counts`` per value of ``group`` (a missing value counts as "unknown"), sorted by key."""
    buckets: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        buckets[key(row, group)].append(row)
    return [{"key": k, **counts(items)} for k, items in sorted(buckets.items())]


def key(row: dict, group: str) -> str:
    if group == "week":
        return week(dt.date.fromisoformat(row["day"]))
    return row[group] or UNKNOWN


def week(date: dt.date) -> str:
    """The ISO week of ``date``: 2026-W49."""
    year, number, _ = date.isocalendar()
    return f"{year}-W{number:02d}"


def weeks(first: dt.date, last: dt.date) -> list[str]:
    """Every ISO week that has a day from ``first`` to ``last``, in order (empty weeks too)."""
    # 0001-01-01 was a Monday, so going back to a Monday never leaves the calendar.
    out, monday = [], first - dt.timedelta(days=first.weekday())
    while monday <= last:
        out.append(week(monday))
        try:
            monday += dt.timedelta(days=7)
        except OverflowError:
            break
    return out


def outcomes_per_week(rows: list[dict], first: dt.date, last: dt.date) -> dict:
    """The number of cases per outcome in every week of the range: {"weeks", "outcomes",
    "counts": {outcome: [per week]}, "totals": [per week]}; outcomes by how often they occur."""
    labels = weeks(first, last)
    where = {w: i for i, w in enumerate(labels)}
    per: dict[str, list[int]] = {}
    for row in rows:
        series = per.setdefault(row["outcome"], [0] * len(labels))
        series[where[key(row, "week")]] += 1
    order = sorted(per, key=lambda o: (-sum(per[o]), o))
    return {"weeks": labels, "outcomes": order, "counts": {o: per[o] for o in order},
            "totals": [sum(per[o][i] for o in order) for i in range(len(labels))]}
