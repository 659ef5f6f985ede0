"""Metrics of a trained classifier on labelled texts."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix

from ._classifier import PostClassifier


def evaluate(model: PostClassifier, texts: Sequence[str], labels: Sequence[int], *,
             groups: Sequence[str] | None = None) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix, accuracy per group.

    ``labels`` are 0/1. ``groups`` (one per text, e.g. a test suite's functionality) adds
    ``by_group``: for each group its size and accuracy, so a weak spot is not hidden in the mean.
    """
    texts = list(texts)
    y = np.asarray(labels, dtype=int)
    if len(texts) != len(y):
        raise ValueError(f"{len(texts)} texts but {len(y)} labels")
    if not texts:
        raise ValueError("nothing to evaluate: no texts")
    if not set(np.unique(y).tolist()) <= {0, 1}:
        raise ValueError(f"labels must be 0 or 1, not {sorted(set(np.unique(y).tolist()) - {0, 1})}")
    pred = model.predict(texts)
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
        metrics["by_group"] = by_group
    return metrics
