"""Labelled examples: posts whose first answer a worker confirmed and saved on purpose.

An example is scrubbed of personal details before it is stored, and stored once per scrubbed
text and label. A coordinator reviews it (new -> accepted or rejected); retraining uses the
accepted ones. Plain functions over a database connection, used by the API and the CLI.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

import model

from ..storage import connection as db
from ..storage import model_versions
from .scrub import dedupe_key, scrub_counts

log = logging.getLogger(__name__)

STATES = ("new", "accepted", "rejected")
CATEGORIES = model.CATEGORIES
LABELS = tuple(model.LABELS)

_COLUMNS = ("id, text, label, category, lang, saved_by, created_at, score, model_version, "
            "state, reviewed_by, reviewed_at")


class ExampleError(ValueError):
    """A change that does not fit the example; the message says why."""


class ExampleConflict(ValueError):
    """A relabel would make an example equal to another one (same text and label)."""

    def __init__(self, other_id: int) -> None:
        super().__init__(f"example {other_id} already has this text and label")
        self.other_id = other_id


@dataclass(frozen=True)
class NewExample:
    """A validated example as a client or a CSV line gives it, before scrubbing."""
    text: str
    label: int
    lang: str
    category: str | None = None
    score: float | None = None
    model_version: str | None = None
    state: str = "new"


def add(conn: sqlite3.Connection, example: NewExample, *, saved_by: str) -> tuple[int, bool]:
    """Scrub and store ``example``; returns (id, created). A duplicate returns the stored id."""
    text, _counts = scrub_counts(example.text.strip())
    key = dedupe_key(text, example.label)
    row = conn.execute(
        "INSERT INTO examples (text, text_key, label, category, lang, saved_by, created_at, score,"
        " model_version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (text_key) DO NOTHING RETURNING id",
        (text, key, example.label, example.category, example.lang, saved_by, db.now(),
         example.score, example.model_version, example.state)).fetchone()
    if row is not None:
        return row[0], True
    existing = conn.execute("SELECT id FROM examples WHERE text_key = ?", (key,)).fetchone()
    return existing[0], False


def get(conn: sqlite3.Connection, example_id: int) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM examples WHERE id = ?", (example_id,)).fetchone()
    return dict(row) if row else None


def page(conn: sqlite3.Connection, *, state: str | None, page: int, per_page: int
         ) -> tuple[list[dict], int]:
    """One page of examples, oldest first (the review queue), and how many there are in all."""
    where, params = ("WHERE state = ?", (state,)) if state else ("", ())
    total = conn.execute(f"SELECT COUNT(*) FROM examples {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {_COLUMNS} FROM examples {where} ORDER BY id LIMIT ? OFFSET ?",
                        (*params, per_page, (page - 1) * per_page)).fetchall()
    return [dict(row) for row in rows], total


def update(conn: sqlite3.Connection, example_id: int, changes: dict, *, reviewed_by: str
           ) -> dict | None:
    """Apply a review (state) and/or a relabel (label, category); None when there is no such example."""
    with db.transaction(conn):
        current = get(conn, example_id)
        if current is None:
            return None
        label = changes.get("label", current["label"])
        category = changes.get("category", current["category"] if label == current["label"] else None)
        if label == 0:
            if changes.get("category"):
                raise ExampleError(f"example {example_id} has label 0 (not harmful): a category "
                                   "fits only label 1")
            category = None
        state = changes.get("state", current["state"])
        key = dedupe_key(current["text"], label)
        clash = conn.execute("SELECT id FROM examples WHERE text_key = ? AND id <> ?",
                             (key, example_id)).fetchone()
        if clash is not None:
            raise ExampleConflict(clash[0])
        conn.execute("UPDATE examples SET label = ?, category = ?, state = ?, text_key = ?,"
                     " reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                     (label, category, state, key, reviewed_by, db.now(), example_id))
    return get(conn, example_id)


@dataclass(frozen=True)
class Erasure:
    """What erasing an example did, and what still holds it."""
    example_id: int
    log_emptied: bool  # the write-ahead log was checkpointed: no copy of the row is left in it
    versions_carrying: list[str]  # model versions trained on it (their vocabularies hold its words)

    def as_dict(self) -> dict:
        message = f"example {self.example_id} erased from the database"
        if not self.log_emptied:
            message += ("; the write-ahead log could not be emptied yet (another reader holds an "
                        "old snapshot), so its bytes remain there until the next checkpoint")
        if self.versions_carrying:
            message += (f"; {len(self.versions_carrying)} model version(s) were trained on it and "
                        "still carry its words: retrain without it and delete them "
                        f"('reageerwijzer examples erase {self.example_id} --purge' does both)")
        return {"id": self.example_id, "erased": True, "log_emptied": self.log_emptied,
                "versions_carrying": self.versions_carrying, "message": message}


def erase(conn: sqlite3.Connection, example_id: int) -> Erasure | None:
    """Erase an example for good: the row, and (secure_delete, checkpoint) its bytes on disk.

    None when there is no such example. The checkpoint is retried; when it keeps failing the
    erasure still stands and ``log_emptied`` says so (and it is logged).
    """
    removed = conn.execute("DELETE FROM examples WHERE id = ?", (example_id,)).rowcount > 0
    if not removed:
        return None
    try:
        db.checkpoint(conn)
        emptied = True
    except db.CheckpointError as err:
        log.error("example %s erased, but %s", example_id, err)
        emptied = False
    return Erasure(example_id, emptied, model_versions.carrying(conn, example_id))


def delete(conn: sqlite3.Connection, example_id: int) -> bool:
    """Erase an example (see ``erase``); False when there is none."""
    return erase(conn, example_id) is not None


def for_training(conn: sqlite3.Connection, *, include_unreviewed: bool) -> list[dict]:
    """The examples retraining learns from: accepted ones, and new ones when so configured."""
    states = ("accepted", "new") if include_unreviewed else ("accepted",)
    marks = ", ".join("?" for _ in states)
    rows = conn.execute(f"SELECT id, text, label, category, lang FROM examples"
                        f" WHERE state IN ({marks}) ORDER BY id", states).fetchall()
    return [dict(row) for row in rows]


def all_rows(conn: sqlite3.Connection) -> list[dict]:
    return [dict(row) for row in conn.execute(f"SELECT {_COLUMNS} FROM examples ORDER BY id")]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    found = dict(conn.execute("SELECT state, COUNT(*) FROM examples GROUP BY state").fetchall())
    return {state: found.get(state, 0) for state in STATES}
