"""The ``examples`` table: labelled post texts (already scrubbed), their review state and who did what.

Plain SQL over a connection; scrubbing, the dedupe key and the review rules are
``learning.examples``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .connection import Connection, now

STATES = ("new", "accepted", "rejected")

_COLUMNS = ("id, text, label, category, lang, saved_by, created_at, score, model_version, "
            "state, reviewed_by, reviewed_at")


def insert(conn: Connection, *, text: str, text_key: str, label: int, category: str | None, lang: str,
           saved_by: str, score: float | None, model_version: str | None, state: str) -> tuple[int, bool]:
    """Store one example; returns (id, created). A row with the same key returns its id."""
    row = conn.execute(
        "INSERT INTO examples (text, text_key, label, category, lang, saved_by, created_at, score,"
        " model_version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (text_key) DO NOTHING RETURNING id",
        (text, text_key, label, category, lang, saved_by, now(), score, model_version, state)).fetchone()
    if row is not None:
        return row[0], True
    existing = conn.execute("SELECT id FROM examples WHERE text_key = ?", (text_key,)).fetchone()
    return existing[0], False


def get(conn: Connection, example_id: int) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM examples WHERE id = ?", (example_id,)).fetchone()
    return dict(row) if row else None


@dataclass(frozen=True)
class Filters:
    """What a review queue shows: each field None means "any".

    ``disagreement`` keeps the examples whose label differs from the model's verdict at the time
    they were saved (their score against that version's threshold); examples saved without a
    score never disagree.
    """
    state: str | None = None
    label: int | None = None
    lang: str | None = None
    team: str | None = None
    disagreement: bool = False


def page(conn: Connection, *, state: str | None = None, page: int, per_page: int,
         filters: Filters | None = None, thresholds: dict[str, float] | None = None,
         default_threshold: float = 0.5) -> tuple[list[dict], int]:
    """One page of examples, oldest first (the review queue), and how many match in all.

    ``filters`` (or just ``state``) narrows them; ``thresholds`` maps model versions to their
    decision thresholds (for ``disagreement``), a version not in it is judged with
    ``default_threshold``.
    """
    filters = filters or Filters(state=state)
    where, params = _where(filters, thresholds or {}, default_threshold)
    total = conn.execute(f"SELECT COUNT(*) FROM examples {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {_COLUMNS} FROM examples {where} ORDER BY id LIMIT ? OFFSET ?",
                        (*params, per_page, (page - 1) * per_page)).fetchall()
    return [dict(row) for row in rows], total


def _where(filters: Filters, thresholds: dict[str, float], default_threshold: float
           ) -> tuple[str, tuple]:
    clauses: list[str] = []
    params: list = []
    for column, value in (("state", filters.state), ("label", filters.label),
                          ("lang", filters.lang), ("saved_by", filters.team)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if filters.disagreement:
        cases = " ".join("WHEN ? THEN ?" for _ in thresholds)
        threshold = f"(CASE model_version {cases} ELSE ? END)" if thresholds else "?"
        for version, value in thresholds.items():
            params += [version, float(value)]
        params.append(float(default_threshold))
        clauses.append(f"score IS NOT NULL AND (CASE WHEN score >= {threshold} THEN 1 ELSE 0 END) <> label")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def teams(conn: Connection) -> list[str]:
    """The names of the tokens that saved examples (one per team), for the queue's filter."""
    return [row[0] for row in conn.execute("SELECT DISTINCT saved_by FROM examples ORDER BY saved_by")]


def counts(conn: Connection) -> dict[str, int]:
    """How many examples are in each review state."""
    found = dict(conn.execute("SELECT state, COUNT(*) FROM examples GROUP BY state").fetchall())
    return {state: found.get(state, 0) for state in STATES}


def other_with_key(conn: Connection, text_key: str, *, besides: int) -> int | None:
    """The id of another example stored under ``text_key``, if any."""
    row = conn.execute("SELECT id FROM examples WHERE text_key = ? AND id <> ?",
                       (text_key, besides)).fetchone()
    return row[0] if row else None


def set_review(conn: Connection, example_id: int, *, label: int, category: str | None, state: str,
               lang: str, text_key: str, reviewed_by: str) -> None:
    conn.execute("UPDATE examples SET label = ?, category = ?, state = ?, lang = ?, text_key = ?,"
                 " reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                 (label, category, state, lang, text_key, reviewed_by, now(), example_id))


def with_keys(conn: Connection, text_keys: list[str]) -> list[dict]:
    """The examples stored under any of ``text_keys``, oldest first."""
    marks = ", ".join("?" for _ in text_keys)
    return [dict(row) for row in conn.execute(
        f"SELECT {_COLUMNS} FROM examples WHERE text_key IN ({marks}) ORDER BY id", text_keys)]


def remove_row(conn: Connection, example_id: int) -> bool:
    """Delete an example's row (secure_delete overwrites its bytes); the caller checkpoints the log."""
    return conn.execute("DELETE FROM examples WHERE id = ?", (example_id,)).rowcount > 0


def for_training(conn: Connection, *, states: tuple[str, ...]) -> list[dict]:
    """The examples in ``states``, oldest first, with what training needs."""
    marks = ", ".join("?" for _ in states)
    rows = conn.execute(f"SELECT id, text, label, category, lang FROM examples"
                        f" WHERE state IN ({marks}) ORDER BY id", states).fetchall()
    return [dict(row) for row in rows]


def all_rows(conn: Connection) -> list[dict]:
    return [dict(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM examples ORDER BY id")]

