"""The ``examples`` table: labelled post texts (already scrubbed), their review state and who did what.

Plain SQL over a connection; scrubbing, the dedupe key and the review rules are
``learning.examples``.
"""
from __future__ import annotations

from .connection import Connection, checkpoint, now

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


def page(conn: Connection, *, state: str | None, page: int, per_page: int) -> tuple[list[dict], int]:
    """One page of examples, oldest first (the review queue), and how many there are in all."""
    where, params = ("WHERE state = ?", (state,)) if state else ("", ())
    total = conn.execute(f"SELECT COUNT(*) FROM examples {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {_COLUMNS} FROM examples {where} ORDER BY id LIMIT ? OFFSET ?",
                        (*params, per_page, (page - 1) * per_page)).fetchall()
    return [dict(row) for row in rows], total


def other_with_key(conn: Connection, text_key: str, *, besides: int) -> int | None:
    """The id of another example stored under ``text_key``, if any."""
    row = conn.execute("SELECT id FROM examples WHERE text_key = ? AND id <> ?",
                       (text_key, besides)).fetchone()
    return row[0] if row else None


def set_review(conn: Connection, example_id: int, *, label: int, category: str | None, state: str,
               text_key: str, reviewed_by: str) -> None:
    conn.execute("UPDATE examples SET label = ?, category = ?, state = ?, text_key = ?,"
                 " reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                 (label, category, state, text_key, reviewed_by, now(), example_id))


def remove_row(conn: Connection, example_id: int) -> bool:
    """Delete the row only; ``learning.examples.erase`` then empties the log (checkpoint)."""
    return conn.execute("DELETE FROM examples WHERE id = ?", (example_id,)).rowcount > 0


def delete(conn: Connection, example_id: int) -> bool:
    """Erase an example for good: the row, and (secure_delete, checkpoint) its bytes on disk."""
    removed = remove_row(conn, example_id)
    if removed:
        checkpoint(conn)
    return removed


def for_training(conn: Connection, *, states: tuple[str, ...]) -> list[dict]:
    """The examples in ``states``, oldest first, with what training needs."""
    marks = ", ".join("?" for _ in states)
    rows = conn.execute(f"SELECT id, text, label, category, lang FROM examples"
                        f" WHERE state IN ({marks}) ORDER BY id", states).fetchall()
    return [dict(row) for row in rows]


def all_rows(conn: Connection) -> list[dict]:
    return [dict(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM examples ORDER BY id")]

