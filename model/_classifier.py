"""The trained classifier: the pipeline, the category model, the threshold and what it learnt from."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from ._data import CATEGORIES
from ._explain import FastScorer

LABELS = {0: "not discriminatory, hurtful or threatening",
          1: "discriminatory, hurtful or threatening"}


class PostClassifier:
    """Decides whether a post is discriminatory, hurtful or threatening, and says why.

    ``pipeline`` (normalise -> features -> calibrated classifier) gives the main score, the
    probability of label 1. ``category_model`` (or None when the data had one category or
    none) gives P(category | harmful, text) on the same features; the reported per-category
    scores are that times the main score, so they add up to it. ``info`` holds what the model
    card needs: training-data hash and counts, parameters and metrics.
    """

    def __init__(self, pipeline: Pipeline, category_model: Any, *, threshold: float,
                 info: dict | None = None, constant_category: str | None = None) -> None:
        self.pipeline = pipeline
        self.category_model = category_model
        self.threshold = float(threshold)
        self.info = dict(info or {})
        self.constant_category = constant_category
        self._scorer = None

    # -- one text (the server's path) -------------------------------------------------------

    def classify(self, text: str, *, explain: bool = True) -> dict:
        """``{"label", "score", "threshold", "categories", "explanation"}`` for one post text."""
        result = self._fast().classify(text, threshold=self.threshold, explain=explain)
        if self.constant_category is not None:
            result["categories"][self.constant_category] = result["score"]
        return result

    # -- many texts (evaluation, batch prediction) ------------------------------------------

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """P(label 1) for each text."""
        return self.pipeline.predict_proba(list(texts))[:, 1]

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """0/1 for each text, cut at the chosen threshold."""
        return (self.scores(texts) >= self.threshold).astype(int)

    def category_scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per-category scores for each text (they add up to the text's score)."""
        texts = list(texts)
        features = self.pipeline[:-1].transform(texts)
        score = self.pipeline[-1].predict_proba(features)[:, 1]
        out = [dict.fromkeys(CATEGORIES, 0.0) for _ in texts]
        if self.category_model is not None:
            proba = self.category_model.predict_proba(features)
            for row, p, s in zip(out, proba, score):
                for name, value in zip(self.category_model.classes_, p):
                    row[str(name)] = float(value * s)
        elif self.constant_category is not None:
            for row, s in zip(out, score):
                row[self.constant_category] = float(s)
        return out

    # -- pickling: the fast scorer is derived, rebuilt after loading ---------------------------

    def _fast(self) -> FastScorer:
        scorer = self._scorer
        if scorer is None:
            scorer = self._scorer = FastScorer(self.pipeline, self.category_model,
                                               categories=CATEGORIES)
        return scorer

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_scorer"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._fast()
