"""The case log: completed walks without text. Plain SQL, no Flask; dates are ISO days."""
from __future__ import annotations

from dataclasses import dataclass

from .connection import Connection, transaction


@dataclass(frozen=True)
class Case:
    """One completed walk as the extension reports it (never the text, the link or the worker)."""

    outcome: str
    path: tuple[str, ...]
    platform: str | None
    category: str | None
    prefill_agreed: bool | None
    model_version: str | None
    score_band: str | None


def record(conn: Connection, case: Case, *, team: str, day: str) -> int:
    with transaction(conn):
        row = conn.execute(
            "INSERT INTO cases (day, team, outcome, path, platform, category, prefill_agreed,"
            " model_version, score_band) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (day, team, case.outcome, ">".join(case.path), case.platform, case.category,
             None if case.prefill_agreed is None else int(case.prefill_agreed),
             case.model_version, case.score_band)).fetchone()
        return int(row[0])


def between(conn: Connection, first_day: str, last_day: str) -> list[dict]:
    """The cases from ``first_day`` to ``last_day`` (both included), oldest first."""
    rows = conn.execute("SELECT day, team, outcome, platform, category, prefill_agreed FROM cases"
                        " WHERE day >= ? AND day <= ? ORDER BY day, id", (first_day, last_day)).fetchall()
    return [dict(row) for row in rows]
