"""Every command about the classifier: ``train``, ``evaluate``, ``predict`` and ``models list|activate``.

``train`` trains a new model version in the data folder and makes it the active one;
``evaluate`` and ``predict`` use the active one (training a first one if there is none);
``models list`` shows the saved versions and ``models activate VERSION`` rolls back.
Progress goes to stderr, results to stdout (as JSON with ``--json``).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .common import CommandError, command_with_actions, print_listing

# How a label column may spell its values (lowercased, stripped); anything else is an error.
POSITIVE_LABELS = {"1", "hateful", "hate", "harmful", "toxic", "offensive", "abusive", "true", "yes"}
NEGATIVE_LABELS = {"0", "non-hateful", "non_hateful", "not-hateful", "not_hateful", "nonhateful",
                   "not hateful", "none", "neutral", "harmless", "normal", "false", "no"}
GROUP_COLUMN = "functionality"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "train", help="train a new model version and make it active",
        description="Train the classifier on the training data, report cross-validated "
                    "accuracy and macro-F1, save it as a new version in the data folder and "
                    "make it the active one.")
    p.add_argument("--data", metavar="DIR",
                   help="folder with the training CSV files (default: TRAINING_DATA_DIR)")
    p.add_argument("--folds", type=int, default=5, metavar="N",
                   help="cross-validation folds; 0 skips cross-validation (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run_train)

    p = subparsers.add_parser(
        "evaluate", help="measure the active model on a labelled CSV file",
        description="Accuracy, macro-F1 and confusion matrix of the active model on a CSV "
                    f"file; accuracy per value of a '{GROUP_COLUMN}' column when there is one. "
                    "Labels may be 0/1 or words such as hateful/non-hateful.")
    p.add_argument("file", metavar="FILE", help="CSV file with a text and a label column")
    p.add_argument("--text-column", default="text", metavar="C", help="(default: %(default)s)")
    p.add_argument("--label-column", default="label", metavar="L", help="(default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.set_defaults(func=run_evaluate)

    p = subparsers.add_parser(
        "predict", help="classify the texts of a file, one JSON line each",
        description="Classify every text of FILE with the active model: a CSV file with a "
                    "'text' column, a JSON-lines file whose objects have \"text\", or '-' for "
                    "JSON lines on stdin. Prints one JSON line per text, in order.")
    p.add_argument("file", metavar="FILE", help="CSV or JSONL file, or - for JSONL on stdin")
    p.set_defaults(func=run_predict)

    sub = command_with_actions(
        subparsers, "models", help="list model versions or activate one (rollback)",
        description="Model versions saved in the data folder. Activating one makes a running "
                    "server switch to it within seconds, and a restarted one serve it.")
    listing = sub.add_parser("list", help="list versions with their metrics; * marks the active one")
    listing.add_argument("--json", action="store_true", help="print the versions as JSON")
    listing.set_defaults(func=list_models)
    activate = sub.add_parser("activate", help="make VERSION the active model")
    activate.add_argument("version", help="a version id as listed by 'models list'")
    activate.set_defaults(func=activate_model)
    delete = sub.add_parser("delete", help="delete an inactive VERSION (its files and its record)")
    delete.add_argument("version", help="a version id as listed by 'models list'")
    delete.set_defaults(func=delete_model)



# -- train -------------------------------------------------------------------------------------

def run_train(args: argparse.Namespace) -> int:
    import model

    from .. import configured_app

    if args.folds < 0 or args.folds == 1:
        raise CommandError(f"--folds must be 0 (no cross-validation) or at least 2, not {args.folds}")
    config = configured_app().config
    data_dir = Path(args.data or config["TRAINING_DATA_DIR"])
    started = time.perf_counter()
    _progress(f"loading training data from {data_dir}")
    try:
        dataset = model.load_dataset(data_dir)
    except model.DataError as err:
        raise CommandError(str(err)) from None
    _progress(f"{len(dataset)} examples (labels {dataset.counts['by_label']}, "
              f"languages {dataset.counts['by_lang']}, {dataset.duplicates} duplicates dropped)")
    try:
        cv = (model.cross_validate(dataset, folds=args.folds, progress=_progress)
              if args.folds else None)
        trained = model.train(dataset, progress=_progress)
    except ValueError as err:  # e.g. too few examples of a label for the folds asked
        raise CommandError(str(err)) from None
    if cv is not None:
        trained.info["metrics"]["cross_validation"] = cv
    store = _store(config)
    _progress(f"saving into {store.models_dir}")
    version = store.add(trained)
    store.record_active(version)
    seconds = round(time.perf_counter() - started, 1)
    result = {"version": version, "active": True, "examples": len(dataset),
              "threshold": trained.threshold, "cross_validation": cv,
              "out_of_fold": trained.info["metrics"]["out_of_fold"],
              "training_seconds": trained.info["training_seconds"], "total_seconds": seconds}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if cv is not None:
        print(f"cross-validated ({cv['folds']} folds, {cv['examples']} examples):")
        print(f"  accuracy  {cv['accuracy']['mean']:.4f} ± {cv['accuracy']['std']:.4f}")
        print(f"  macro-F1  {cv['macro_f1']['mean']:.4f} ± {cv['macro_f1']['std']:.4f}")
        for lang, acc in cv["accuracy_by_lang"].items():
            print(f"  accuracy [{lang}]  {acc['mean']:.4f} ± {acc['std']:.4f}")
    print(f"threshold {trained.threshold:.3f}; fitted in {trained.info['training_seconds']} s "
          f"({seconds} s in all)")
    print(f"saved and activated model version {version} "
          f"(a server that is running keeps its model until it restarts)")
    return 0


def _progress(message: str) -> None:
    print(f"reageerwijzer: {message}", file=sys.stderr, flush=True)


# -- evaluate ------------------------------------------------------------------------------------

def run_evaluate(args: argparse.Namespace) -> int:
    import model

    path = Path(args.file)
    rows = list(_csv_rows(path))
    if not rows:
        raise CommandError(f"{path}: no rows to evaluate")
    header = rows[0][1].keys()
    for column in (args.text_column, args.label_column):
        if column not in header:
            raise CommandError(f"{path}: no column {column!r}; the columns are {', '.join(header)}")
    texts, labels, groups = [], [], []
    for line, row in rows:
        text = row[args.text_column] or ""
        if not text.strip():
            raise CommandError(f"{path} line {line}: empty text in column {args.text_column!r}")
        texts.append(text)
        labels.append(_label(row[args.label_column], path=path, line=line))
        groups.append(row.get(GROUP_COLUMN) or "")
    has_groups = GROUP_COLUMN in header
    store = _active_store()
    metrics = model.evaluate(store.model, texts, labels, groups=groups if has_groups else None)
    metrics = {"file": str(path), "model_version": store.active_version, **metrics}
    if args.json:
        print(json.dumps(metrics, indent=2, ensure_ascii=False))
    else:
        _print_metrics(metrics)
    return 0


def _label(value: str | None, *, path: Path, line: int) -> int:
    word = (value or "").strip().lower()
    if word in POSITIVE_LABELS:
        return 1
    if word in NEGATIVE_LABELS:
        return 0
    raise CommandError(f"{path} line {line}: label {value!r} is neither positive "
                       f"({', '.join(sorted(POSITIVE_LABELS))}) nor negative "
                       f"({', '.join(sorted(NEGATIVE_LABELS))})")


def _print_metrics(m: dict) -> None:
    (tn, fp), (fn, tp) = m["confusion_matrix"]
    print(f"{m['file']}: {m['examples']} texts, model {m['model_version']} "
          f"(threshold {m['threshold']:.3f})")
    print(f"accuracy  {m['accuracy']:.4f}")
    print(f"macro-F1  {m['macro_f1']:.4f}")
    for label, c in m["per_class"].items():
        print(f"  label {label}: precision {c['precision']:.4f}  recall {c['recall']:.4f}  "
              f"f1 {c['f1']:.4f}  ({c['support']} texts)")
    print("confusion matrix (rows: true label, columns: predicted label)")
    print(f"           pred 0  pred 1\n  true 0  {tn:7d} {fp:7d}\n  true 1  {fn:7d} {tp:7d}")
    if "by_group" in m:
        print(f"accuracy per {GROUP_COLUMN}:")
        width = max(len(g) for g in m["by_group"])
        for group, g in m["by_group"].items():
            print(f"  {group:<{width}}  {g['accuracy']:.4f}  ({g['examples']})")


# -- predict -------------------------------------------------------------------------------------

def run_predict(args: argparse.Namespace) -> int:
    if args.file == "-":
        items = _jsonl_texts(sys.stdin, name="<stdin>")
    else:
        path = Path(args.file)
        if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            items = _jsonl_file(path)
        else:
            items = ((line, _csv_text(row, path=path, line=line)) for line, row in _csv_rows(path))
    store = None
    for _line, text in items:
        store = store or _active_store()
        result = store.classify(text, explain=False)
        out = {"label": result["label"], "score": round(result["score"], 6),
               "categories": {k: round(v, 6) for k, v in result["categories"].items()},
               "model_version": result["model_version"]}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    return 0


def _jsonl_file(path: Path) -> Iterator[tuple[int, str]]:
    with _open(path) as fh:
        try:
            yield from _jsonl_texts(fh, name=str(path))
        except UnicodeDecodeError as err:
            raise CommandError(f"{path}: not UTF-8 ({err.reason})") from None


def _jsonl_texts(stream, *, name: str) -> Iterator[tuple[int, str]]:
    """(line number, text) for each non-blank line of a JSON-lines stream."""
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise CommandError(f"{name} line {line_no}: not valid JSON ({err.msg})") from None
        if not isinstance(item, dict) or "text" not in item:
            raise CommandError(f"{name} line {line_no}: expected an object with \"text\"")
        text = item["text"]
        if not isinstance(text, str) or not text.strip():
            raise CommandError(f"{name} line {line_no}: \"text\" must be a non-empty string")
        yield line_no, text


def _csv_text(row: dict, *, path: Path, line: int) -> str:
    if "text" not in row:
        raise CommandError(f"{path}: no 'text' column; the columns are {', '.join(row)}")
    text = row["text"] or ""
    if not text.strip():
        raise CommandError(f"{path} line {line}: empty text")
    return text


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each record of a CSV file with a header."""
    with _open(path) as fh:
        reader = csv.DictReader(fh)
        line = 2
        try:
            for row in reader:
                if None in row:
                    raise CommandError(f"{path} line {line}: more fields than the header has")
                yield line, row
                line = reader.line_num + 1
        except csv.Error as err:
            raise CommandError(f"{path} line {reader.line_num}: {err}") from None
        except UnicodeDecodeError as err:
            raise CommandError(f"{path}: not UTF-8 ({err.reason})") from None


def _open(path: Path) -> io.TextIOBase:
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as err:
        raise CommandError(f"cannot read {path}: {err.strerror}") from None


def _active_store():
    """The data folder's model store with its active model loaded (trained first if needed)."""
    import model

    from .. import create_app
    from ..learning.model_store import ModelStoreError
    try:
        app = create_app()
    except (ModelStoreError, model.ModelFileError, model.DataError) as err:
        raise CommandError(f"no usable model: {err}") from None
    return app.extensions["model_store"]


# -- models list | activate ---------------------------------------------------------------------

def _store(config=None):
    """The data folder's model store: its versions, signing key and database records."""
    import sqlite3

    from .. import configured_app
    from ..learning import model_store, signing
    from ..storage.connection import DatabaseError
    try:
        return model_store.from_config(config if config is not None else configured_app().config)
    except (signing.SigningKeyError, DatabaseError, sqlite3.Error, OSError) as err:
        raise CommandError(f"cannot open the model store: {err}") from None


def list_models(args: argparse.Namespace) -> int:
    from ..learning.model_store import ModelStoreError
    store = _store()
    try:
        versions = store.list_versions()
    except ModelStoreError as err:
        raise CommandError(str(err)) from None
    return print_listing(
        versions, as_json=args.json,
        empty="No model versions yet: 'reageerwijzer serve' or 'reageerwijzer train' makes one.",
        line=lambda v: f"{'*' if v['active'] else ' '} {v['version']}  {_summary(v)}")


def _summary(version: dict) -> str:
    if "error" in version:
        return f"FAILS THE CHECK, will not be loaded: {version['error']}"
    metrics = version.get("metrics") or {}
    parts = [f"created {version.get('created_at')}"]
    cv = (metrics.get("cross_validation") or {}).get("macro_f1")
    if cv:
        parts.append(f"cv macro-F1 {cv['mean']:.4f}")
    regression = metrics.get("regression")
    if regression:
        parts.append(f"regression macro-F1 {regression['macro_f1']:.4f}")
    counts = version.get("training_data") or {}
    if "examples" in counts:
        parts.append(f"{counts['examples']} examples")
    return ", ".join(parts)


def activate_model(args: argparse.Namespace) -> int:
    import model

    from ..learning.model_store import ModelStoreError
    store = _store()
    previous = store.read_active()
    try:
        store.activate(args.version)
    except (ModelStoreError, model.ModelFileError) as err:
        raise CommandError(f"cannot activate {args.version}: {err}") from None
    print(f"Model version {args.version} is active (was {previous}).")
    return 0


def delete_model(args: argparse.Namespace) -> int:
    from ..learning.model_store import ModelStoreError
    store = _store()
    try:
        store.delete(args.version)
    except ModelStoreError as err:
        raise CommandError(f"cannot delete {args.version}: {err}") from None
    print(f"Model version {args.version} deleted.")
    return 0
