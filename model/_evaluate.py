"""Metrics of a trained classifier on labelled texts."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix, f1_score

from ._classifier import CONFIDENCE_BANDS, PostClassifier, confidence

# Bins of the expected calibration error: ten equal-width probability bins.
ECE_BINS = 10


def expected_calibration_error(proba: np.ndarray, y: np.ndarray, *, bins: int = ECE_BINS) -> float:
    """Sum over probability bins of |mean score - share of label 1| x share of texts in the bin.

    0 is perfectly calibrated: of the posts scored about 0.8, about 8 in 10 are harmful.
    """
    proba, y = np.asarray(proba, dtype=float), np.asarray(y, dtype=float)
    which = np.minimum((proba * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += abs(proba[mask].mean() - y[mask].mean()) * mask.mean()
    return float(total)


def evaluate(model: PostClassifier, texts: Sequence[str], labels: Sequence[int], *,
             groups: Sequence[str] | None = None) -> dict:
    """Accuracy, macro-F1, per-class figures, confusion matrix, calibration, figures per group.

    ``labels`` are 0/1. ``ece`` is the expected calibration error of the scores;
    ``by_confidence`` the accuracy of the suggestions in each confidence band. ``groups`` (one
    per text, e.g. a test suite's functionality or a language) adds ``by_group``: for each
    group its size, accuracy and (with both labels) macro-F1, so a weak spot is not hidden in
    the mean.
    """
    texts = list(texts)
    y = np.asarray(labels, dtype=int)
    if len(texts) != len(y):
        raise ValueError(f"{len(texts)} texts but {len(y)} labels")
    if not texts:
        raise ValueError("nothing to evaluate: no texts")
    if not set(np.unique(y).tolist()) <= {0, 1}:
        raise ValueError(f"labels must be 0 or 1, not {sorted(set(np.unique(y).tolist()) - {0, 1})}")
    score = model.scores(texts)
    pred = (score >= model.threshold).astype(int)
    report = classification_report(y, pred, labels=[0, 1], output_dict=True, zero_division=0)
    matrix = confusion_matrix(y, pred, labels=[0, 1])
    metrics = {
        "examples": len(texts),
        "accuracy": round(float(np.mean(pred == y)), 4),
        "macro_f1": round(float(report["macro avg"]["f1-score"]), 4),
        "per_class": {
            str(label): {"precision": round(float(report[str(label)]["precision"]), 4),
                         "recall": round(float(report[str(label)]["recall"]), 4),
                         "f1": round(float(report[str(label)]["f1-score"]), 4),
                         "support": int(report[str(label)]["support"])}
            for label in (0, 1)
        },
        # rows: true label 0, 1; columns: predicted label 0, 1
        "confusion_matrix": matrix.tolist(),
        "threshold": model.threshold,
        "ece": round(expected_calibration_error(score, y), 4),
        "by_confidence": _by_confidence(score, y, pred, model.threshold),
    }
    if groups is not None:
        groups = [str(g) for g in groups]
        if len(groups) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(groups)} groups")
        by_group: dict[str, dict] = {}
        for name in sorted(set(groups)):
            mask = np.fromiter((g == name for g in groups), dtype=bool, count=len(groups))
            by_group[name] = {"examples": int(mask.sum()),
                              "accuracy": round(float(np.mean(pred[mask] == y[mask])), 4)}
            if len(set(y[mask].tolist())) == 2:  # macro-F1 needs both labels in the group
                by_group[name]["macro_f1"] = round(float(
                    f1_score(y[mask], pred[mask], average="macro")), 4)
        metrics["by_group"] = by_group
    return metrics


def _by_confidence(score: np.ndarray, y: np.ndarray, pred: np.ndarray, threshold: float) -> dict:
    """For each confidence band: how many suggestions fell in it and how many were right."""
    bands = np.array([confidence(float(s), threshold) for s in score])
    out = {}
    for name, _lower in CONFIDENCE_BANDS:
        mask = bands == name
        out[name] = {"examples": int(mask.sum()),
                     "accuracy": round(float(np.mean(pred[mask] == y[mask])), 4) if mask.any()
                     else None}
    return out
