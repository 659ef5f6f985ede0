"""Training and cross-validation."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from ._classifier import PostClassifier
from ._data import CATEGORIES, Dataset
from ._evaluate import score_summary
from ._pipeline import build_category_model, build_pipeline, compact_vocabularies

Progress = Callable[[str], None]

DEFAULT_PARAMS = {
    "C": 0.5,                 # SVM regularisation (smaller = stronger)
    "category_C": 8.0,        # category model regularisation
    "calibration_folds": 5,   # out-of-fold predictions for calibration and threshold
    "word_ngrams": (1, 3),
    "char_ngrams": (2, 5),
    "word_min_df": 2,
    "char_min_df": 1,
    "word_weight": 1.0,
    # Structural marks in the word block (see _structure.CUES). "negation", "self" and "you"
    # did not help on cross-validation or the regression set, so they are off.
    "cues": ("quote", "question"),
    "max_word_features": 60_000,
    "max_char_features": 150_000,
    "class_weight": "balanced",
    "sublinear_tf": True,
    "random_state": 0,
}
PIPELINE_PARAMS = ("C", "word_ngrams", "char_ngrams", "word_min_df", "char_min_df", "word_weight",
                   "cues", "max_word_features", "max_char_features", "class_weight",
                   "sublinear_tf")


def train(dataset: Dataset, *, params: dict | None = None,
          progress: Progress | None = None) -> PostClassifier:
    """Fit the classifier on every example of ``dataset``.

    The threshold and the probability calibration come from out-of-fold predictions inside
    the fit (see CalibratedLinearClassifier), so no separate validation split is wasted.
    """
    p = {**DEFAULT_PARAMS, **(params or {})}
    say = progress or (lambda message: None)
    y = np.asarray(dataset.labels)
    if len(set(y.tolist())) < 2:
        raise ValueError("the training data needs examples of both labels (0 and 1)")
    started = time.perf_counter()
    say(f"fitting on {len(dataset)} examples")
    full = build_pipeline(folds=p["calibration_folds"], random_state=p["random_state"],
                          **{k: p[k] for k in PIPELINE_PARAMS})
    features = Pipeline(full.steps[:-1])
    X = features.fit_transform(dataset.texts)  # noqa: N806 (scikit-learn's names)
    compact_vocabularies(features.named_steps["features"])
    clf = full.named_steps["classify"].fit(X, y)
    pipeline = Pipeline([*features.steps, ("classify", clf)])
    category_model, constant = _fit_categories(X, y, dataset.categories, p)
    oof_pred = (clf.oof_proba_ >= clf.threshold_).astype(int)
    blocks = dict(features.named_steps["features"].transformer_list)
    info = {
        "training_data": {"sha256": dataset.sha256, "files": list(dataset.files),
                          "counts": dataset.counts},
        "parameters": p,
        "features": {name: len(vectorizer.vocabulary_) for name, vectorizer in blocks.items()},
        # Slightly optimistic (the vocabulary saw every row and the threshold was picked on
        # these same predictions); cross_validate() gives the honest estimate.
        "metrics": {"out_of_fold": {"accuracy": float(accuracy_score(y, oof_pred)),
                                    "macro_f1": float(f1_score(y, oof_pred, average="macro")),
                                    # For the console's plots of a version without a
                                    # regression evaluation (e.g. the first one).
                                    "confusion_matrix": confusion_matrix(y, oof_pred, labels=[0, 1]).tolist(),
                                    **score_summary(clf.oof_proba_, y)},
                    "calibration": clf.calibration_},
        "training_seconds": round(time.perf_counter() - started, 2),
    }
    return PostClassifier(pipeline, category_model, threshold=clf.threshold_, info=info,
                          constant_category=constant)


def _fit_categories(X, y: np.ndarray, categories: list[str], p: dict):  # noqa: N803
    """A model for P(category | harmful, text), fitted on the harmful rows only.

    Returns (model, None), or (None, the only category) when the harmful rows have one
    category, or (None, None) when they have none.
    """
    harmful = np.flatnonzero(y == 1)
    cats = np.asarray(categories, dtype=object)[harmful]
    present = sorted(set(cats.tolist()) & set(CATEGORIES))
    if len(present) == 0:
        return None, None
    if len(present) == 1:
        return None, present[0]
    model = build_category_model(C=p["category_C"], random_state=p["random_state"])
    return model.fit(X[harmful], cats.astype(str)), None


def cross_validate(dataset: Dataset, *, folds: int = 5, params: dict | None = None,
                   progress: Progress | None = None, n_jobs: int = 1,
                   pool: ProcessPoolExecutor | None = None) -> dict:
    """Stratified k-fold estimate of accuracy and macro-F1: mean, std and the values per fold.

    Each fold trains the whole model (vectorisers, calibration, threshold) on the other folds
    only, so nothing of the held-out fold leaks into it. Folds are stratified on language and
    label together so every fold has Dutch and English examples of both labels.

    ``n_jobs`` > 1 trains that many folds at once in child processes, or give a ``pool``
    (``process_pool()``) that other work shares; each running fold needs the memory of one
    training. The figures are the same either way.
    """
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {folds}")
    p = {**DEFAULT_PARAMS, **(params or {})}
    say = progress or (lambda message: None)
    strata = [f"{lang}:{label}" for lang, label in zip(dataset.langs, dataset.labels)]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=p["random_state"])
    splits = list(splitter.split(np.zeros(len(dataset)), strata))
    results = []
    if pool is None and n_jobs > 1:
        with process_pool(min(n_jobs, folds)) as own:
            return cross_validate(dataset, folds=folds, params=params, progress=progress, pool=own)
    if pool is not None:
        futures = [pool.submit(_fold, dataset, train_idx, test_idx, p)
                   for train_idx, test_idx in splits]
        for k, future in enumerate(futures, start=1):
            results.append(future.result())
            say(f"cross-validation fold {k}/{folds} done")
    else:
        for k, (train_idx, test_idx) in enumerate(splits, start=1):
            say(f"cross-validation fold {k}/{folds}")
            results.append(_fold(dataset, train_idx, test_idx, p))
    acc = [r["accuracy"] for r in results]
    f1 = [r["macro_f1"] for r in results]
    thresholds = [r["threshold"] for r in results]
    by_lang: dict[str, list[float]] = {}
    for r in results:
        for lang, value in r["accuracy_by_lang"].items():
            by_lang.setdefault(lang, []).append(value)
    return {
        "folds": folds,
        "examples": len(dataset),
        "accuracy": _summary(acc),
        "macro_f1": _summary(f1),
        "threshold": _summary(thresholds),
        "accuracy_by_lang": {lang: _summary(v) for lang, v in by_lang.items()},
    }


def process_pool(n_jobs: int) -> ProcessPoolExecutor:
    """Child processes for folds and trainings (``pool.submit(train, dataset)``); use as ``with``.

    spawn: a fresh interpreter per child, safe in a threaded parent. The ``with`` block shuts
    the pool down, and a child whose parent dies exits (``_fold_worker_init``).
    """
    return ProcessPoolExecutor(max_workers=n_jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_fold_worker_init, initargs=(os.getpid(),))


def _fold_worker_init(parent: int) -> None:
    """In a fold process: let go of the parent's stdin and stdout, and end when the parent does.

    A parent may speak a protocol on its stdout (the retraining worker does) and its reader
    waits for end-of-file, so a child must not hold that pipe; nor keep training, orphaned,
    after the parent was killed.
    """
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _fold(dataset: Dataset, train_idx, test_idx, p: dict) -> dict:
    """Train on ``train_idx``, score ``test_idx``: one fold of ``cross_validate``."""
    y = np.asarray(dataset.labels)[test_idx]
    langs = np.asarray(dataset.langs)[test_idx]
    model = train(dataset.subset(train_idx), params=p)
    pred = model.predict([dataset.examples[i].text for i in test_idx])
    return {"accuracy": float(accuracy_score(y, pred)),
            "macro_f1": float(f1_score(y, pred, average="macro")),
            "threshold": model.threshold,
            "accuracy_by_lang": {lang: float(accuracy_score(y[langs == lang], pred[langs == lang]))
                                 for lang in sorted(set(langs.tolist()))}}


def _summary(values: list[float]) -> dict:
    arr = np.asarray(values, dtype=float)
    return {"mean": round(float(arr.mean()), 4), "std": round(float(arr.std()), 4),
            "per_fold": [round(v, 4) for v in values]}
