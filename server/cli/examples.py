"""``reageerwijzer examples export|import FILE`` and ``examples erase ID [--purge]``.

Export and import: labelled examples to and from CSV. A cell that a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return) is written with a leading ``'``,
and an import takes that ``'`` off again, so a round trip changes nothing.

The CSV has the columns id,text,label,category,lang,state. An import scrubs every text like the
API does and stores each scrubbed text and label once. A row naming an example already stored
(by its id, or without one by its text) changes that example's state, label, category and
language to the row's: export, review in a spreadsheet, import. The import says what it changed,
and is all or nothing: a bad line stops it, with the line named, before anything is stored.
"""
from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

from .. import configured_app
from ..api import examples_validation as check
from ..learning import examples
from ..storage import connection as db
from ..storage import examples as example_rows
from .common import CommandError, command_with_actions, database

COLUMNS = ("id", "text", "label", "category", "lang", "state")
# Changes listed one by one after an import; more are counted.
SHOWN_CHANGES = 20


def register(subparsers) -> None:
    sub = command_with_actions(
        subparsers, "examples", help="export or import labelled examples as CSV",
        description="Labelled examples saved by workers, as CSV with the columns "
                    f"{','.join(COLUMNS)}.")

    export = sub.add_parser("export", help="write the examples to a CSV file")
    export.add_argument("file", type=Path, help="the CSV file to write (readable by you only)")
    export.add_argument("--state", choices=examples.STATES, help="only examples in this review state")
    export.set_defaults(func=export_examples)

    imp = sub.add_parser("import", help="add the examples of a CSV file (scrubbed, without duplicates), "
                                        "and update the state and label of those already stored")
    imp.add_argument("file", type=Path, help="the CSV file to read")
    imp.add_argument("--saved-by", default="import", help="recorded as who saved them (default: %(default)s)")
    imp.set_defaults(func=import_examples)

    erase = sub.add_parser("erase", help="erase an example for good; --purge also retrains without "
                                         "it and deletes the model versions trained on it")
    erase.add_argument("id", type=int, help="the example's id")
    erase.add_argument("--purge", action="store_true",
                       help="retrain without the example (promoting the new model even if the gate "
                            "would not) and delete every model version that was trained on it")
    erase.set_defaults(func=erase_example)


def export_examples(args: argparse.Namespace) -> int:
    with database() as conn:
        rows = [r for r in example_rows.all_rows(conn) if args.state in (None, r["state"])]
    try:
        # The texts are posts people wrote: the file is made readable by its owner only.
        fd = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            for row in rows:
                writer.writerow([row["id"], escape_formula(row["text"]), row["label"], row["category"] or "",
                                 row["lang"], row["state"]])
    except OSError as err:
        raise CommandError(f"cannot write {args.file}: {err.strerror}") from None
    print(f"Exported {len(rows)} example(s) to {args.file}.")
    return 0


def import_examples(args: argparse.Namespace) -> int:
    rows = read_csv(args.file, max_chars=configured_app().config["MAX_TEXT_CHARS"])
    created, unchanged, changed = 0, 0, []
    with database() as conn, db.transaction(conn):
        for line, example_id, new, given in rows:
            try:
                stored_id, changes = examples.import_one(conn, new, example_id=example_id, given=given,
                                                         saved_by=args.saved_by)
            except (examples.ExampleError, examples.ExampleConflict) as err:
                # Raising inside the transaction rolls the whole import back.
                raise CommandError(f"nothing imported; {args.file} line {line}: {err}") from None
            if changes is None:
                created += 1
            elif changes:
                changed.append((stored_id, changes))
            else:
                unchanged += 1
    print(f"Imported {args.file}: {len(rows)} row(s), {created} new example(s), {len(changed)} updated, "
          f"{unchanged} already stored unchanged.")
    for stored_id, changes in changed[:SHOWN_CHANGES]:
        said = "; ".join(f"{field} {_shown(old)} -> {_shown(new)}" for field, (old, new) in changes.items())
        print(f"  example {stored_id}: {said}")
    if len(changed) > SHOWN_CHANGES:
        print(f"  ... and {len(changed) - SHOWN_CHANGES} more updated")
    return 0


def _shown(value) -> str:
    return "none" if value is None else str(value)


def read_csv(path: Path, *, max_chars: int) -> list[tuple[int, int | None, examples.NewExample, frozenset]]:
    """Every row of ``path`` validated, as (line, id or None, example, the fields the row sets);
    CommandError naming each bad line (all of them)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("text", "label", "lang") if c not in (reader.fieldnames or ())]
            if missing:
                raise CommandError(f"{path} line 1: missing column(s) {', '.join(missing)}; "
                                   f"expected {','.join(COLUMNS)}")
            rows, errors = [], []
            for record in reader:
                line = reader.line_num
                try:
                    rows.append((line, _example_id(record), _row(record, max_chars=max_chars),
                                 _given(record)))
                except check.InvalidExample as err:
                    errors.append(f"{path} line {line}: {err}")
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist") from None
    except UnicodeDecodeError as err:
        raise CommandError(f"{path} is not UTF-8 ({err.reason} at byte {err.start})") from None
    except csv.Error as err:
        raise CommandError(f"{path} line {reader.line_num}: {err}") from None
    except OSError as err:
        raise CommandError(f"cannot read {path}: {err.strerror}") from None
    if errors:
        shown = "\n".join(errors[:20]) + (f"\n... and {len(errors) - 20} more" if len(errors) > 20 else "")
        raise CommandError(f"nothing imported; {len(errors)} bad line(s):\n{shown}")
    return rows


def _given(record: dict) -> frozenset:
    """The fields a row sets on an example already stored: its columns, but an empty state keeps
    the stored one (the label, category and language cells always count)."""
    fields = {c for c in ("label", "category", "lang") if c in record}
    if (record.get("state") or "").strip():
        fields.add("state")
    return frozenset(fields)


def _example_id(record: dict) -> int | None:
    value = (record.get("id") or "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise check.InvalidExample("id", f"'id' must be the number of a stored example, not {value!r}")
    return int(value)


def _row(record: dict, *, max_chars: int) -> examples.NewExample:
    if None in record:
        raise check.InvalidExample("text", "more fields than the header has")
    label = (record.get("label") or "").strip()
    category = (record.get("category") or "").strip()
    body = {"text": unescape_formula(record.get("text")),
            "label": int(label) if label in ("0", "1") else label,
            "category": None if category in ("", "none") else category,
            "lang": (record.get("lang") or "").strip()}
    state = check.state((record.get("state") or "").strip() or "new")
    return check.example(body, max_chars=max_chars, state=state)


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula (or when it
    starts with ``'`` already, so unescaping gives back exactly what was exported)."""
    return "'" + value if value.startswith(FORMULA_STARTS) or value.startswith("'") else value


def unescape_formula(value: str | None) -> str | None:
    """The text ``escape_formula`` escaped."""
    if value and value.startswith("'") and (value[1:].startswith(FORMULA_STARTS)
                                            or value[1:].startswith("'")):
        return value[1:]
    return value


def erase_example(args: argparse.Namespace) -> int:
    with database() as conn:
        erasure = examples.erase(conn, args.id)
    if erasure is None:
        raise CommandError(f"there is no example {args.id}")
    print(erasure.as_dict()["message"] + ".")
    for version in erasure.versions_carrying:
        print(f"  still carries it: model version {version}")
    if not args.purge or not erasure.versions_carrying:
        return 0 if erasure.log_emptied else 1
    return _purge(args.id, erasure.versions_carrying)


def _purge(example_id: int, carrying: list[str]) -> int:
    import contextlib

    from .. import create_app
    from ..learning import jobs, retrain
    from ..learning.model_store import ModelStoreError
    app = create_app()
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        try:
            job = jobs.create(conn, kind=retrain.KIND, created_by="cli-erase",
                              owner=app.extensions["boot"].id)
        except jobs.JobRunning as err:
            raise CommandError(f"retraining job {err.job['id']} is running; purge again when it "
                               "has finished") from None
    print(f"Retraining without example {example_id} (job {job['id']})...", flush=True)
    finished = retrain.run(app, job["id"], promote_anyway=f"example {example_id} was erased")
    if finished["state"] != "succeeded" or not finished["report"]["decision"]["promoted"]:
        raise CommandError(f"retraining failed ({finished.get('error')}); the versions that carry "
                           "the example were kept")
    store = app.extensions["model_store"]
    print(f"Model version {store.active_version} (without it) is active.")
    failed = []
    for version in carrying:
        if not (store.models_dir / version).exists():
            print(f"  model version {version} was deleted already (retention)")
            continue
        try:
            store.delete(version)
            print(f"  deleted model version {version}")
        except ModelStoreError as err:
            failed.append(version)
            print(f"  could not delete model version {version}: {err}")
    return 1 if failed else 0
