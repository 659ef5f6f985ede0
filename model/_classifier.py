"""The trained classifier: the pipeline, the category model, the threshold and what it learnt from."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from ._data import CATEGORIES
from ._explain import FastScorer, explanation
from ._highlight import FusedHighlighter
from ._normalize import EMAIL, URL, USER, tokenize

LABELS = {0: "not discriminatory, hurtful or threatening",
          1: "discriminatory, hurtful or threatening"}

# Confidence bands, on the calibrated probability that the suggested answer is right (the
# score for "yes", one minus the score for "no"). On posts like the regression set, about 9
# in 10 "almost certain" suggestions are right; "uncertain" ones are close to a coin toss.
CONFIDENCE_BANDS = (("almost_certain", 0.90), ("likely", 0.70), ("uncertain", 0.0))
# Tokens that are not words a post can be judged on.
_NOT_CONTENT = frozenset((URL, USER, EMAIL))


def confidence(score: float, threshold: float) -> str:
    """The band of the suggestion that ``score`` (P(harmful)) and ``threshold`` give."""
    p_suggested = score if score >= threshold else 1.0 - score
    for name, lower in CONFIDENCE_BANDS:
        if p_suggested >= lower:
            return name
    return CONFIDENCE_BANDS[-1][0]


def has_content(text: str) -> bool:
    """Whether ``text`` has a letter or digit outside mentions, links and e-mail addresses.

    A post of punctuation, emoji or only "@jan" gives the model nothing to judge; it is
    answered "no" (score 0) rather than guessed.
    """
    return any(token.norm not in _NOT_CONTENT and
               any(ch.isalnum() for ch in text[token.start:token.end])
               for token in tokenize(text))


class PostClassifier:
    """Decides whether a post is discriminatory, hurtful or threatening, and says why.

    ``pipeline`` gives the main score, the calibrated probability of label 1. It is either
    the hybrid (``views`` -> ``classify``: n-grams and a sentence encoder, fused; see
    _hybrid) or the n-gram model alone (``normalize`` -> ``features`` -> ``classify``).
    ``category_model`` (or None when the data had one category or none) gives P(category |
    harmful, text) on the n-gram features; the reported per-category scores are that times
    the main score, so they add up to it. ``info`` holds what the model card needs.
    """

    def __init__(self, pipeline: Pipeline, category_model: Any, *, threshold: float,
                 info: dict | None = None, constant_category: str | None = None) -> None:
        self.pipeline = pipeline
        self.category_model = category_model
        self.threshold = float(threshold)
        self.info = dict(info or {})
        self.constant_category = constant_category
        self._scorer = None

    # -- what it is made of ------------------------------------------------------------------

    @property
    def hybrid(self) -> bool:
        return "views" in self.pipeline.named_steps

    @property
    def encoder(self):
        """The SentenceEncoder of a hybrid model, None for the n-gram model alone."""
        return self.pipeline.named_steps["views"].encoder if self.hybrid else None

    def ngram_parts(self) -> tuple[Pipeline, Any]:
        """(normalize -> features steps, the calibrated linear classifier on their output)."""
        if self.hybrid:
            return (self.pipeline.named_steps["views"].ngrams,
                    self.pipeline.named_steps["classify"].ngram_)
        return Pipeline(self.pipeline.steps[:-1]), self.pipeline.named_steps["classify"]

    def use_encodings(self, cache) -> None:
        """Take sentence encodings from ``cache`` (an EncodingCache) in batch scoring."""
        if self.hybrid:
            self.pipeline.named_steps["views"].use_cache(cache)

    # -- one text (the server's path) -------------------------------------------------------

    def classify(self, text: str, *, explain: bool = True) -> dict:
        """``{"label", "score", "threshold", "confidence", "categories", "explanation"}``.

        ``explanation`` lists the words that pushed the score towards harmful, and only when
        the label is 1: for a "no" there is nothing to point at.
        """
        if not has_content(text):
            return self._empty_result(explain)
        scorer = self._fast()
        ngram = scorer.score(text, explain=explain)
        if self.hybrid:
            views, fused = self.pipeline.named_steps["views"], self.pipeline.named_steps["classify"]
            z_encoder = float(fused.encoder_logit(views.encode([text]))[0])
            z = fused.combine(ngram.logit, z_encoder)
        else:
            z = ngram.logit
        score = _sigmoid(z)
        label = int(score >= self.threshold)
        result = {"label": label, "score": score, "threshold": self.threshold,
                  "confidence": confidence(score, self.threshold),
                  "categories": scorer.categories(ngram, score)}
        if self.constant_category is not None:
            result["categories"][self.constant_category] = score
        if explain:
            if label == 0:
                result["explanation"] = []
            elif self.hybrid:
                result["explanation"] = self._highlighter().explain(text, ngram, z_encoder)
            else:
                result["explanation"] = explanation(text, ngram.tokens, ngram.per_token)
        return result

    def _highlighter(self) -> FusedHighlighter:
        highlighter = self.__dict__.get("_highlights")
        if highlighter is None:
            highlighter = self._highlights = FusedHighlighter(self)
        return highlighter

    def _empty_result(self, explain: bool) -> dict:
        result = {"label": 0, "score": 0.0, "threshold": self.threshold,
                  "confidence": confidence(0.0, self.threshold),
                  "categories": dict.fromkeys(CATEGORIES, 0.0)}
        if explain:
            result["explanation"] = []
        return result

    # -- many texts (evaluation, batch prediction) ------------------------------------------

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """P(label 1) for each text (0 for a text without content, as ``classify`` says)."""
        texts = list(texts)
        out = np.zeros(len(texts))
        keep = [i for i, text in enumerate(texts) if has_content(text)]
        if keep:
            out[keep] = self.pipeline.predict_proba([texts[i] for i in keep])[:, 1]
        return out

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """0/1 for each text, cut at the chosen threshold."""
        return (self.scores(texts) >= self.threshold).astype(int)

    def category_scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per-category scores for each text (they add up to the text's score)."""
        texts = list(texts)
        score = self.scores(texts)
        out = [dict.fromkeys(CATEGORIES, 0.0) for _ in texts]
        if self.category_model is not None:
            features = self.ngram_parts()[0].transform(texts)
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
            ngrams, linear = self.ngram_parts()
            scorer = self._scorer = FastScorer(ngrams, linear, self.category_model,
                                               categories=CATEGORIES)
        return scorer

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_scorer"] = None
        state.pop("_highlights", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._fast()


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
