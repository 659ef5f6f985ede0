"""Labelled examples: posts whose first answer a worker confirmed and saved on purpose.

An example is scrubbed of personal details before it is stored, and stored once per scrubbed
text and label. A coordinator reviews it (new -> accepted or rejected); retraining uses the
accepted ones. The rules live here; the rows are ``storage.examples``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import model

from ..storage import connection as db
from ..storage import examples as example_rows
from ..storage import model_versions
from ..storage.connection import Connection, transaction
from .scrub import dedupe_key, scrub

log = logging.getLogger(__name__)

STATES = example_rows.STATES
CATEGORIES = model.CATEGORIES
LABELS = tuple(model.LABELS)


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


def add(conn: Connection, example: NewExample, *, saved_by: str) -> tuple[int, bool]:
    """Scrub and store ``example``; returns (id, created). A duplicate returns the stored id."""
    text = scrub(example.text.strip())
    return example_rows.insert(conn, text=text, text_key=dedupe_key(text, example.label),
                               label=example.label, category=example.category, lang=example.lang,
                               saved_by=saved_by, score=example.score,
                               model_version=example.model_version, state=example.state)


def update(conn: Connection, example_id: int, changes: dict, *, reviewed_by: str) -> dict | None:
    """Apply a review (state) and/or a relabel (label, category); None when there is no such example."""
    with transaction(conn):
        current = example_rows.get(conn, example_id)
        if current is None:
            return None
        label = changes.get("label", current["label"])
        category = changes.get("category", current["category"] if label == current["label"] else None)
        if label == 0:
            if changes.get("category"):
                raise ExampleError(f"example {example_id} has label 0 (not harmful): a category "
                                   "fits only label 1")
            category = None
        key = dedupe_key(current["text"], label)
        clash = example_rows.other_with_key(conn, key, besides=example_id)
        if clash is not None:
            raise ExampleConflict(clash)
        example_rows.set_review(conn, example_id, label=label, category=category,
                                state=changes.get("state", current["state"]), text_key=key,
                                reviewed_by=reviewed_by)
    return example_rows.get(conn, example_id)


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


def erase(conn: Connection, example_id: int) -> Erasure | None:
    """Erase an example for good: the row, and (secure_delete, checkpoint) its bytes on disk.

    None when there is no such example. The checkpoint is retried; when it keeps failing the
    erasure still stands and ``log_emptied`` says so (and it is logged).
    """
    if not example_rows.remove_row(conn, example_id):
        return None
    try:
        db.checkpoint(conn)
        emptied = True
    except db.CheckpointError as err:
        log.error("example %s erased, but %s", example_id, err)
        emptied = False
    return Erasure(example_id, emptied, model_versions.carrying(conn, example_id))


def delete(conn: Connection, example_id: int) -> bool:
    """Erase an example (see ``erase``); False when there is none."""
    return erase(conn, example_id) is not None


def for_training(conn: Connection, *, include_unreviewed: bool) -> list[dict]:
    """The examples retraining learns from: accepted ones, and new ones when so configured."""
    return example_rows.for_training(conn, states=training_states(include_unreviewed))


def training_states(include_unreviewed: bool) -> tuple[str, ...]:
    return ("accepted", "new") if include_unreviewed else ("accepted",)
