"""Metrics of a trained classifier on labelled texts."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix, f1_score

from ._classifier import CONFIDENCE_BANDS, PostClassifier, confidence
from ._data import CATEGORIES

# Bins of the expected calibration error, the score histogram and the reliability curve:
# ten equal-width probability bins.
ECE_BINS = 10
SCORE_BINS = ECE_BINS


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
             groups: Sequence[str] | None = None, langs: Sequence[str] | None = None,
             categories: Sequence[str] | None = None) -> dict:
    """Accuracy, macro-F1, per-class figures, confusion matrix, calibration, the score
    histogram and reliability curve (``score_summary``), figures per group.

    ``labels`` are 0/1. ``ece`` is the expected calibration error of the scores;
    ``by_confidence`` the accuracy of the suggestions in each confidence band. ``groups`` (one
    per text, e.g. a test suite's functionality or a language) adds ``by_group``: for each
    group its size, accuracy and (with both labels) macro-F1, so a weak spot is not hidden in
    the mean. ``langs`` adds ``macro_f1_by_lang``; ``categories`` (the true category of each
    text, ignored for label 0) adds ``f1_by_category``: the F1 of each category when a
    prediction is "none" below the threshold and the most likely category above it.
    """
    texts = list(texts)
    y = np.asarray(labels, dtype=int)
    if len(texts) != len(y):
        raise ValueError(f"{len(texts)} texts but {len(y)} labels")
    if not texts:
        raise ValueError("nothing to evaluate: no texts")
    if not set(np.unique(y).tolist()) <= {0, 1}:
        raise ValueError(f"labels must be 0 or 1, not {sorted(set(np.unique(y).tolist()) - {0, 1})}")
    score = np.asarray(model.scores(texts), dtype=float)
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
        **score_summary(score, y),
    }
    if langs is not None:
        metrics["macro_f1_by_lang"] = _macro_f1_by_lang(y, pred, [str(v) for v in langs])
    if categories is not None:
        metrics["f1_by_category"] = _f1_by_category(model, texts, y, pred, list(categories))
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


def score_summary(scores, labels, *, bins: int = SCORE_BINS) -> dict:
    """What the score-distribution and reliability plots draw, from scores and true labels.

    ``score_histogram``: bin edges and, per bin, how many harmful (label 1) and harmless texts
    scored in it. ``reliability``: per non-empty bin, the mean score and the share that was
    really harmful (a calibrated model has them equal).
    """
    scores = np.clip(np.asarray(scores, dtype=float), 0.0, 1.0)
    y = np.asarray(labels, dtype=int)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.minimum((scores * bins).astype(int), bins - 1)
    harmful = np.bincount(index[y == 1], minlength=bins)
    harmless = np.bincount(index[y == 0], minlength=bins)
    reliability = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            reliability.append({"low": round(float(edges[b]), 4), "high": round(float(edges[b + 1]), 4),
                                "count": int(mask.sum()),
                                "mean_score": round(float(scores[mask].mean()), 4),
                                "harmful_share": round(float(y[mask].mean()), 4)})
    return {"score_histogram": {"edges": [round(float(e), 4) for e in edges],
                                "harmful": harmful.tolist(), "harmless": harmless.tolist()},
            "reliability": reliability}


def _macro_f1_by_lang(y: np.ndarray, pred: np.ndarray, langs: list[str]) -> dict:
    if len(langs) != len(y):
        raise ValueError(f"{len(y)} texts but {len(langs)} languages")
    out = {}
    for lang in sorted(set(langs)):
        mask = np.fromiter((v == lang for v in langs), dtype=bool, count=len(langs))
        out[lang] = {"examples": int(mask.sum()),
                     "macro_f1": round(float(f1_score(y[mask], pred[mask], labels=[0, 1],
                                                      average="macro", zero_division=0)), 4)}
    return out


def _f1_by_category(model: PostClassifier, texts: list[str], y: np.ndarray, pred: np.ndarray,
                    categories: list[str]) -> dict:
    if len(categories) != len(y):
        raise ValueError(f"{len(y)} texts but {len(categories)} categories")
    truth = [str(c) if label == 1 and c in CATEGORIES else "none" for c, label in zip(categories, y)]
    predicted = ["none"] * len(texts)
    harmful = np.flatnonzero(pred == 1)
    if len(harmful):
        for i, cat_scores in zip(harmful, model.category_scores([texts[i] for i in harmful])):
            predicted[i] = max(cat_scores, key=cat_scores.get)
    values = f1_score(truth, predicted, labels=list(CATEGORIES), average=None, zero_division=0)
    return {cat: {"examples": truth.count(cat), "f1": round(float(v), 4)}
            for cat, v in zip(CATEGORIES, values)}
