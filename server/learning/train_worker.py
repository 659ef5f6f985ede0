"""The training process of a retraining job: ``python -m server.learning.train_worker ...`` (see retrain.py).

It trains a candidate on the training data plus the examples file it is given, cross-validates
it, evaluates the candidate and the active model on the regression set, and saves the candidate
into ``<models-dir>/.tmp-<job>``, renamed to ``<models-dir>/<version>`` once complete. It writes
JSON lines to stdout (progress events, then one result or error event) and nothing else; it
never opens the database. It stops when its stdin closes, i.e. when the server that started it
is gone, so no orphan keeps training.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import threading
from collections import Counter
from pathlib import Path

import model
from model import make_dataset, process_pool, read_csv

from ..errors import where
from .signing import KEY_ENV, Signer

SOURCE = "worker-example"
# Training processes at once (folds and the final fit); each holds one training in memory.
CV_JOBS = 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1, encoding="utf-8")
    sys.stdout = sys.stderr  # stray prints (libraries) must not mix with the events
    _exit_when_parent_goes()

    def emit(**event) -> None:
        out.write(json.dumps(event) + "\n")

    try:
        def progress(fraction: float, stage: str) -> None:
            emit(event="progress", progress=round(fraction, 3), stage=stage)
        emit(event="result", **train_candidate(args, progress))
    except (model.DataError, model.ModelFileError, OSError) as err:
        emit(event="error", message=str(err))  # ours: they name files and lines, never texts
        return 1
    except ValueError as err:
        # Another library's message may quote the data it choked on: type and place only.
        emit(event="error", message=f"{type(err).__name__} at {where(err)}")
        return 1
    return 0


def train_candidate(args: argparse.Namespace, progress) -> dict:
    jobs = min(CV_JOBS, os.cpu_count() or 1)
    with process_pool(jobs) as pool:
        for _ in range(jobs):  # start them now: they load scikit-learn while this loads the data
            pool.submit(int)
        return _train_candidate(args, progress, pool)


def _train_candidate(args: argparse.Namespace, progress, pool) -> dict:
    models_dir = Path(args.models_dir)
    progress(0.05, "loading data")
    training = model.load_dataset(args.training_data)
    regression = _regression_set(Path(args.regression_set))
    signer = _signer()
    active = None
    if args.active_version:
        # Signed by the server, or refused before anything is unpickled.
        active = signer.load(models_dir / args.active_version, root=models_dir)
    extra, inferred = _examples(Path(args.examples), active=active, training=training)
    dataset = make_dataset([*training.examples, *extra], files=(*training.files, "examples"))

    # The final fit runs in the pool's processes next to the cross-validation folds: on a
    # two-core machine about two thirds of the wall time of doing them one after another.
    encodings = args.encodings_dir
    model.cache_encodings(dataset, encodings)  # new texts encoded once, here, for all fits
    final = pool.submit(model.train, dataset, encodings=encodings)
    cv = _cross_validate(dataset, folds=args.cv_folds, progress=progress, pool=pool, encodings=encodings)
    progress(0.65, "training")
    candidate = final.result()
    progress(0.8, "evaluating")
    texts = [e.text for e in regression]
    labels = [e.label for e in regression]
    # By language and category too: the console plots them across versions.
    by = {"langs": [e.lang for e in regression], "categories": [e.category for e in regression]}
    candidate_metrics = model.evaluate(candidate, texts, labels, **by)
    active_metrics = model.evaluate(active, texts, labels, **by) if active is not None else None

    progress(0.9, "saving")
    candidate.info["training_data"]["examples_from_database"] = len(extra)
    candidate.info["metrics"]["cross_validation"] = cv
    candidate.info["metrics"]["regression"] = {"set": Path(args.regression_set).name,
                                               **candidate_metrics}
    candidate.info["retrain_job"] = args.job_id
    version = _save_atomically(candidate, models_dir, args.job_id, signer)
    return {
        "version": version,
        "training": {"examples": len(dataset), "from_training_data": len(training),
                     "from_database": len(extra), "categories_inferred": inferred,
                     "duplicates_dropped": dataset.duplicates,
                     "label_conflicts_dropped": dataset.conflicts,
                     "by_label": dataset.counts.get("by_label", {})},
        "cross_validation": cv,
        "regression": {"set": Path(args.regression_set).name, "examples": len(regression),
                       "candidate_macro_f1": candidate_metrics["macro_f1"],
                       "active_macro_f1": active_metrics["macro_f1"] if active_metrics else None,
                       "candidate": candidate_metrics, "active": active_metrics},
    }


def _regression_set(path: Path) -> list:
    if not path.is_file():
        raise model.DataError(f"regression set {str(path)!r} not found (setting REGRESSION_SET)")
    rows = read_csv(path)
    if len({e.label for e in rows}) < 2:
        raise model.DataError(f"regression set {str(path)!r} needs examples of both labels")
    return rows


def _examples(path: Path, *, active, training) -> tuple[list, int]:
    """The database examples as model Examples; a harmful one without a category gets one.

    The category model needs a category for every harmful example: the active model's most
    likely one, or else the commonest in the training data.
    """
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    missing = [r for r in rows if r["label"] == 1 and not r.get("category")]
    if missing:
        if active is not None:
            for row, scores in zip(missing, active.category_scores([r["text"] for r in missing])):
                row["category"] = max(scores, key=scores.get)
        else:
            harmful = Counter(e.category for e in training.examples if e.label == 1)
            fallback = harmful.most_common(1)[0][0] if harmful else model.CATEGORIES[0]
            for row in missing:
                row["category"] = fallback
    examples = [model.Example(text=r["text"], label=int(r["label"]),
                              category=r["category"] if r["label"] == 1 else "none",
                              lang=r["lang"], source=SOURCE, kind="example", file="database",
                              line=int(r["id"]))
                for r in rows]
    return examples, len(missing)


def _cross_validate(dataset, *, folds: int, progress, pool, encodings=None) -> dict | None:
    """Cross-validated scores, with as many folds as the smallest language-label group allows."""
    smallest = min(Counter(f"{e.lang}:{e.label}" for e in dataset.examples).values())
    folds = min(folds, smallest)
    if folds < 2:
        return None
    done = [0]

    def fold_started(_message: str) -> None:
        progress(0.1 + 0.5 * done[0] / folds, f"cross-validation fold {done[0] + 1}/{folds}")
        done[0] += 1
    return model.cross_validate(dataset, folds=folds, progress=fold_started, pool=pool,
                                encodings=encodings)


def _signer() -> Signer:
    """The server's signing key, handed over in this process's environment (never a file path
    or an argument, which other users could read in the process list)."""
    try:
        return Signer(bytes.fromhex(os.environ.pop(KEY_ENV, "")))
    except ValueError:
        raise model.DataError("no signing key was handed to the training process") from None


def _save_atomically(candidate, models_dir: Path, job_id: str, signer: Signer) -> str:
    """Save into a hidden temporary folder, then rename it into place: all there, or not at all."""
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".tmp-{job_id}"
    shutil.rmtree(tmp, ignore_errors=True)
    sidecar = model.save(candidate, tmp)
    signer.sign(tmp)
    for path in tmp.iterdir():
        os.chmod(path, 0o600)
    os.chmod(tmp, 0o700)
    _fsync_tree(tmp)
    final = models_dir / sidecar["version"]
    os.rename(tmp, final)
    _fsync_dir(models_dir)
    return sidecar["version"]


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exit_when_parent_goes() -> None:
    def watch() -> None:
        sys.stdin.read()  # returns at end of file: the parent closed the pipe or died
        os._exit(70)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m server.learning.train_worker",
                                description="Train a candidate model for a retraining job.")
    p.add_argument("--training-data", required=True)
    p.add_argument("--examples", required=True, help="JSON lines: id, text, label, category, lang")
    p.add_argument("--regression-set", required=True)
    p.add_argument("--models-dir", required=True)
    p.add_argument("--encodings-dir", help="the encoding cache folder (DATA_DIR/encodings)")
    p.add_argument("--job-id", required=True)
    p.add_argument("--active-version")
    p.add_argument("--cv-folds", type=int, default=5)
    return p


if __name__ == "__main__":
    sys.exit(main())
