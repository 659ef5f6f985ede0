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
    """Apply a review (state), a relabel (label, category) and/or a corrected language; None when
    there is no such example."""
    with transaction(conn):
        current = example_rows.get(conn, example_id)
        if current is None:
            return None
        _apply(conn, current, changes, reviewed_by=reviewed_by)
    return example_rows.get(conn, example_id)


def _apply(conn: Connection, current: dict, changes: dict, *, reviewed_by: str) -> None:
    """Write ``changes`` to the example ``current`` (inside the caller's transaction)."""
    example_id = current["id"]
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
                            state=changes.get("state", current["state"]),
                            lang=changes.get("lang", current["lang"]), text_key=key,
                            reviewed_by=reviewed_by)


def find_by_text(conn: Connection, text: str) -> list[dict]:
    """The stored examples with this text once scrubbed (one per label, so at most two)."""
    scrubbed = scrub(text.strip())
    return example_rows.with_keys(conn, [dedupe_key(scrubbed, label) for label in LABELS])


# The fields an import may change on an example it already has.
IMPORTED_FIELDS = ("state", "label", "category", "lang")


def import_one(conn: Connection, new: NewExample, *, example_id: int | None, given: frozenset[str],
               saved_by: str) -> tuple[int, dict | None]:
    """Store a CSV row (inside the caller's transaction): a new example, or the changes to the one
    it names by ``example_id`` or, without a known id, by its text. ``given`` are the CSV's columns: a
    column that is not in the file changes nothing. Returns (id, None) for a new example, else
    (id, {field: (old, new)}), empty when nothing changed."""
    # An id this database does not have (a file exported from another server) counts for
    # nothing: the row is matched by its text, as without an id.
    current = example_rows.get(conn, example_id) if example_id is not None else None
    if current is None:
        found = find_by_text(conn, new.text)
        if not found:
            return add(conn, new, saved_by=saved_by)[0], None
        # The same text with the row's label, else the one stored with the other label.
        current = next((f for f in found if f["label"] == new.label), found[0])
    wanted = {f: getattr(new, f) for f in IMPORTED_FIELDS if f in given}
    if "label" in wanted and "category" not in wanted and wanted["label"] != current["label"]:
        wanted["category"] = None
    changes = {f: v for f, v in wanted.items() if v != current[f]}
    if changes:
        _apply(conn, current, changes, reviewed_by=saved_by)
        updated = example_rows.get(conn, current["id"])
        return current["id"], {f: (current[f], updated[f]) for f in IMPORTED_FIELDS if current[f] != updated[f]}
    return current["id"], {}


def update_many(conn: Connection, example_ids: list[int], changes: dict, *, reviewed_by: str
                ) -> dict[str, list[int]]:
    """Apply the same change to several examples (the console's bulk review), each on its own.

    Returns the ids ``updated``, ``missing`` (no such example) and ``conflicts`` (the change
    would make it equal to another example, or does not fit it); those are left as they were.
    """
    result: dict[str, list[int]] = {"updated": [], "missing": [], "conflicts": []}
    for example_id in example_ids:
        try:
            updated = update(conn, example_id, changes, reviewed_by=reviewed_by)
        except (ExampleConflict, ExampleError):
            result["conflicts"].append(example_id)
            continue
        result["updated" if updated is not None else "missing"].append(example_id)
    return result


def erase_many(conn: Connection, example_ids: list[int]) -> list[Erasure]:
    """Erase several examples (the console's bulk erase), each as ``erase``; the missing are skipped."""
    return [e for e in (erase(conn, i) for i in example_ids) if e is not None]


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
