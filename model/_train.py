"""Training and cross-validation."""
from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from ._classifier import PostClassifier
from ._data import CATEGORIES, Dataset
from ._pipeline import build_category_model, build_pipeline, compact_vocabularies

Progress = Callable[[str], None]

DEFAULT_PARAMS = {
    "C": 0.5,                 # SVM regularisation (smaller = stronger)
    "category_C": 8.0,        # category model regularisation
    "calibration_folds": 5,   # out-of-fold predictions for calibration and threshold
    "word_ngrams": (1, 2),
    "char_ngrams": (2, 5),
    "word_min_df": 2,
    "char_min_df": 2,
    "word_weight": 1.0,
    "random_state": 0,
}
PIPELINE_PARAMS = ("C", "word_ngrams", "char_ngrams", "word_min_df", "char_min_df", "word_weight")


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
                                    "macro_f1": float(f1_score(y, oof_pred, average="macro"))},
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
                   progress: Progress | None = None) -> dict:
    """Stratified k-fold estimate of accuracy and macro-F1: mean, std and the values per fold.

    Each fold trains the whole model (vectorisers, calibration, threshold) on the other folds
    only, so nothing of the held-out fold leaks into it. Folds are stratified on language and
    label together so every fold has Dutch and English examples of both labels.
    """
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {folds}")
    p = {**DEFAULT_PARAMS, **(params or {})}
    say = progress or (lambda message: None)
    strata = [f"{lang}:{label}" for lang, label in zip(dataset.langs, dataset.labels)]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=p["random_state"])
    y = np.asarray(dataset.labels)
    langs = np.asarray(dataset.langs)
    acc, f1, thresholds = [], [], []
    by_lang: dict[str, list[float]] = {}
    for k, (train_idx, test_idx) in enumerate(splitter.split(np.zeros(len(y)), strata), start=1):
        say(f"cross-validation fold {k}/{folds}")
        model = train(dataset.subset(train_idx), params=p)
        texts = [dataset.examples[i].text for i in test_idx]
        pred = model.predict(texts)
        acc.append(float(accuracy_score(y[test_idx], pred)))
        f1.append(float(f1_score(y[test_idx], pred, average="macro")))
        thresholds.append(model.threshold)
        for lang in sorted(set(langs[test_idx].tolist())):
            mask = langs[test_idx] == lang
            by_lang.setdefault(lang, []).append(float(accuracy_score(y[test_idx][mask], pred[mask])))
    return {
        "folds": folds,
        "examples": len(dataset),
        "accuracy": _summary(acc),
        "macro_f1": _summary(f1),
        "threshold": _summary(thresholds),
        "accuracy_by_lang": {lang: _summary(v) for lang, v in by_lang.items()},
    }


def _summary(values: list[float]) -> dict:
    arr = np.asarray(values, dtype=float)
    return {"mean": round(float(arr.mean()), 4), "std": round(float(arr.std()), 4),
            "per_fold": [round(v, 4) for v in values]}
