"""Training and cross-validation."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from ._augment import skeletons
from ._classifier import PostClassifier
from ._data import CATEGORIES, Dataset
from ._encoder import DEFAULT_ENCODER, SentenceEncoder
from ._hybrid import FusedClassifier, TextViews, Views
from ._pipeline import build_category_model, build_pipeline, compact_vocabularies

if TYPE_CHECKING:
    # Imported where needed: model.encodings is also a command (python -m model.encodings),
    # which the package must not have imported before it runs.
    from .encodings import EncodingCache

# Where encodings are cached: an EncodingCache, a folder for one (DATA_DIR/encodings), or
# None for the shipped encodings only (new texts are then encoded on every training).
Encodings = "EncodingCache | str | os.PathLike | None"

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
    # The second view (see _hybrid): a sentence encoder from _encoder.ENCODERS, or None for
    # the n-gram model alone. "stack" or "late" fusion; encoder_C regularises the logistic
    # regression on the encodings.
    "encoder": DEFAULT_ENCODER,
    "fusion": "stack",
    "encoder_C": 1.0,
    # What reads the encoding (see _hybrid.ENCODER_HEADS): "mlp", one hidden layer of
    # encoder_hidden units trained for encoder_epochs passes, or "logistic" (encoder_C).
    "encoder_head": "mlp",
    "encoder_hidden": 128,
    "encoder_epochs": 20,
    # Folds for the encoder head's out-of-fold scores (the n-grams use calibration_folds).
    "encoder_folds": 3,
    # The rows the fusion (and the threshold) is fitted on: "written" = every example not
    # generated from templates (hand-written rows, workers' examples) and the stop-word
    # skeletons of none; "all" = every row. See model/README.md, "Fusion".
    "stack_rows": "written",
    # Train on the stop-word skeletons of harmful examples as harmless too (see _augment),
    # each with this weight (an example weighs 1).
    "erasure_augmentation": True,
    "skeleton_weight": 1.0,
    # The weight of an example generated from templates (source "generated"); a written one
    # weighs 1.
    "generated_weight": 1.0,
}
PIPELINE_PARAMS = ("C", "word_ngrams", "char_ngrams", "word_min_df", "char_min_df", "word_weight",
                   "cues", "max_word_features", "max_char_features", "class_weight",
                   "sublinear_tf")


def train(dataset: Dataset, *, params: dict | None = None,
          progress: Progress | None = None, encodings: Encodings = None) -> PostClassifier:
    """Fit the classifier on every example of ``dataset``.

    The threshold, the probability calibration and the fusion of the two views come from
    out-of-fold predictions inside the fit (see CalibratedLinearClassifier and
    FusedClassifier), so no separate validation split is wasted. Sentence encodings are taken
    from ``encodings`` where it has them (see Encodings) and added to it otherwise.
    """
    p = {**DEFAULT_PARAMS, **(params or {})}
    say = progress or (lambda message: None)
    y = np.asarray(dataset.labels)
    if len(set(y.tolist())) < 2:
        raise ValueError("the training data needs examples of both labels (0 and 1)")
    started = time.perf_counter()
    texts, categories = dataset.texts, dataset.categories
    n = len(texts)
    extra = skeletons(dataset) if p["erasure_augmentation"] else []
    weights = np.array([p["generated_weight"] if e.source == "generated" else 1.0
                        for e in dataset.examples])
    if extra:
        texts, categories = texts + extra, categories + ["none"] * len(extra)
        y = np.concatenate([y, np.zeros(len(extra), dtype=y.dtype)])
        weights = np.concatenate([weights, np.full(len(extra), p["skeleton_weight"])])
    if np.all(weights == 1.0):
        weights = None
    say(f"fitting on {len(dataset)} examples (and {len(extra)} stop-word skeletons)")
    full = build_pipeline(folds=p["calibration_folds"], random_state=p["random_state"],
                          **{k: p[k] for k in PIPELINE_PARAMS})
    features = Pipeline(full.steps[:-1])
    X = features.fit_transform(texts)  # noqa: N806 (scikit-learn's names)
    compact_vocabularies(features.named_steps["features"])
    info_views = {}
    if p["encoder"]:
        encoder = SentenceEncoder(p["encoder"])
        encoding = open_cache(encodings, encoder).encode(texts, progress=say)
        clf = FusedClassifier(C=p["C"], encoder_C=p["encoder_C"], folds=p["calibration_folds"],
                              fusion=p["fusion"], class_weight=p["class_weight"],
                              encoder_head=p["encoder_head"], encoder_hidden=p["encoder_hidden"],
                              encoder_epochs=p["encoder_epochs"],
                              encoder_folds=p["encoder_folds"],
                              random_state=p["random_state"]).fit(
            Views(X, encoding), y, sample_weight=weights,
            stack_rows=_stack_rows(dataset, len(extra), p["stack_rows"]))
        pipeline = Pipeline([("views", TextViews(features, encoder)), ("classify", clf)])
        info_views = {name: _oof_metrics(y[:n], proba[:n], clf.ngram_.threshold_
                                         if name == "ngram" else 0.5)
                      for name, proba in clf.view_oof_.items()}
    else:
        encoder = None
        clf = full.named_steps["classify"].fit(X, y, sample_weight=weights)
        pipeline = Pipeline([*features.steps, ("classify", clf)])
    category_model, constant = _fit_categories(X, y, categories, p)
    blocks = dict(features.named_steps["features"].transformer_list)
    info = {
        "training_data": {"sha256": dataset.sha256, "files": list(dataset.files),
                          "counts": dataset.counts},
        "parameters": p,
        "encoder": encoder.describe() if encoder else None,
        "augmentation": {"skeletons": len(extra)},
        "features": {**{name: len(vectorizer.vocabulary_) for name, vectorizer in blocks.items()},
                     **({"encoding": encoder.dim} if encoder else {})},
        # Slightly optimistic (the vocabulary saw every row and the threshold was picked on
        # these same predictions); cross_validate() gives the honest estimate.
        # On the examples only, not the skeletons. The confusion matrix, score histogram and
        # reliability curve are for the console's plots of a version without a regression
        # evaluation (e.g. the first one).
        "metrics": {"out_of_fold": {**_oof_metrics(y[:n], clf.oof_proba_[:n], clf.threshold_,
                                                   plots=True),
                                    **({"views": info_views} if info_views else {})},
                    "calibration": clf.calibration_},
        "training_seconds": round(time.perf_counter() - started, 2),
    }
    return PostClassifier(pipeline, category_model, threshold=clf.threshold_, info=info,
                          constant_category=constant)


def _stack_rows(dataset: Dataset, skeletons: int, which: str):
    """The rows the fusion is fitted on (see DEFAULT_PARAMS["stack_rows"]), or None for all."""
    if which == "all":
        return None
    if which != "written":
        raise ValueError(f'stack_rows must be "written" or "all", not {which!r}')
    return np.array([e.source != "generated" for e in dataset.examples] + [False] * skeletons)


def _oof_metrics(y: np.ndarray, proba: np.ndarray, threshold: float, *, plots: bool = False) -> dict:
    """Accuracy, macro-F1 and calibration error of out-of-fold scores; with ``plots`` also
    the confusion matrix, score histogram and reliability curve the console draws."""
    from ._evaluate import expected_calibration_error, score_summary
    proba = np.asarray(proba, dtype=float)
    pred = (proba >= threshold).astype(int)
    metrics = {"accuracy": float(accuracy_score(y, pred)),
               "macro_f1": float(f1_score(y, pred, average="macro")),
               "ece": round(expected_calibration_error(proba, y), 4)}
    if plots:
        metrics["confusion_matrix"] = confusion_matrix(y, pred, labels=[0, 1]).tolist()
        metrics.update(score_summary(proba, y))
    return metrics


def cache_encodings(data: Dataset | list[str], encodings: Encodings, *,
                    params: dict | None = None, progress: Progress | None = None) -> None:
    """Encode into the cache ``encodings`` what training on ``data`` needs and it lacks.

    Run it before training in several processes at once, so no text is encoded twice. For a
    Dataset that includes the skeletons training adds (see _augment).
    """
    p = {**DEFAULT_PARAMS, **(params or {})}
    if not p["encoder"]:
        return
    texts = training_texts(data, params=p) if isinstance(data, Dataset) else list(data)
    open_cache(encodings, SentenceEncoder(p["encoder"])).encode(texts, progress=progress)


def training_texts(dataset: Dataset, *, params: dict | None = None) -> list[str]:
    """Every text a training on ``dataset`` encodes: the examples, then their skeletons."""
    p = {**DEFAULT_PARAMS, **(params or {})}
    return dataset.texts + (skeletons(dataset) if p["erasure_augmentation"] else [])


_open_caches: dict = {}  # (folder, encoder ident) -> EncodingCache


def open_cache(encodings: Encodings, encoder: SentenceEncoder) -> EncodingCache:
    """The EncodingCache that ``encodings`` names (one per folder and encoder per process)."""
    from .encodings import EncodingCache
    if isinstance(encodings, EncodingCache):
        return encodings
    key = (str(encodings), encoder.ident)
    cache = _open_caches.get(key)
    if cache is None:
        cache = EncodingCache(encodings, encoder)
        if encodings is not None:  # keep folder caches for the folds of this process
            _open_caches.clear()
            _open_caches[key] = cache
    return cache


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
                   pool: ProcessPoolExecutor | None = None,
                   encodings: str | os.PathLike | None = None) -> dict:
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
            return cross_validate(dataset, folds=folds, params=params, progress=progress,
                                  pool=own, encodings=encodings)
    cache_encodings(dataset, encodings, params=p, progress=say)
    if pool is not None:
        futures = [pool.submit(_fold, dataset, train_idx, test_idx, p, encodings)
                   for train_idx, test_idx in splits]
        for k, future in enumerate(futures, start=1):
            results.append(future.result())
            say(f"cross-validation fold {k}/{folds} done")
    else:
        for k, (train_idx, test_idx) in enumerate(splits, start=1):
            say(f"cross-validation fold {k}/{folds}")
            results.append(_fold(dataset, train_idx, test_idx, p, encodings))
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


def _fold(dataset: Dataset, train_idx, test_idx, p: dict, encodings=None) -> dict:
    """Train on ``train_idx``, score ``test_idx``: one fold of ``cross_validate``."""
    y = np.asarray(dataset.labels)[test_idx]
    langs = np.asarray(dataset.langs)[test_idx]
    model = train(dataset.subset(train_idx), params=p, encodings=encodings)
    if model.encoder is not None:
        model.use_encodings(open_cache(encodings, model.encoder))
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
