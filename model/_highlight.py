"""Highlights for the hybrid model: the words that make the fused score say "yes".

The n-gram view shares its log-odds out over the words exactly (see _explain). The encoder
reads the sentence as a whole, so its share is estimated: each word is encoded on its own,
and the encoder's evidence (its log-odds above that of an empty text) is divided over the
words in proportion to how harmful each looks alone. That is what puts a slur among the
highlights even where the n-grams learnt it from counter-speech that quotes it.

Shown are the words with at least SHOWN_FRACTION of the strongest word's weight (at most
MAX_TERMS). Then the check ERASER calls comprehensiveness: the post is scored again with
those words deleted; when it is still above the threshold, the list is extended to the
MAX_TERMS strongest words, so the worker sees the rest of the evidence too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from ._explain import MAX_TERMS, NgramScore, term_weights
from ._normalize import tokenize

# Words whose encoder score is remembered; words repeat a lot across posts.
WORD_CACHE_SIZE = 50_000
# A word is shown when its weight is at least this share of the strongest word's.
SHOWN_FRACTION = 0.2


class FusedHighlighter:
    """Explains one flagged post of a hybrid PostClassifier (see the module docstring)."""

    def __init__(self, classifier) -> None:
        self._clf = classifier
        self._views = classifier.pipeline.named_steps["views"]
        self._fused = classifier.pipeline.named_steps["classify"]
        self._word_logit: dict[str, float] = {}
        self._base = float(self._fused.encoder_logit(self._views.encode([""]))[0])

    def explain(self, text: str, ngram: NgramScore, z_encoder: float) -> list[dict]:
        weights = self._weights(text, ngram, z_encoder)
        ranked = [(term, w) for term, w in sorted(weights.items(), key=lambda kv: -kv[1])
                  if w >= 5e-5][:MAX_TERMS]
        if not ranked:
            return []
        keep = sum(w >= SHOWN_FRACTION * ranked[0][1] for _term, w in ranked)
        if keep < len(ranked) and not self._comprehensive(text, [t for t, _w in ranked[:keep]]):
            keep = len(ranked)
        return [{"term": term, "weight": round(w, 4)} for term, w in ranked[:keep]]

    def _weights(self, text: str, ngram: NgramScore, z_encoder: float) -> dict[str, float]:
        """Each showable word's share of the fused log-odds: n-gram share + encoder share."""
        fused = self._fused
        weights = term_weights(text, ngram.tokens, ngram.per_token,
                               scale=fused.ngram_scale(ngram.logit, z_encoder))
        if not weights:
            return weights
        alone = self._alone(list(weights))
        evidence = np.maximum(np.array([alone[t] for t in weights]) - self._base, 0.0)
        total = float(evidence.sum())
        share = self._encoder_scale(ngram.logit, z_encoder) * (z_encoder - self._base)
        if total > 0 and share > 0:
            for term, e in zip(list(weights), evidence.tolist()):
                weights[term] += share * e / total
        return weights

    def _encoder_scale(self, z_ngram: float, z_encoder: float) -> float:
        w = self._fused.weights_
        if w["kind"] == "stack":
            return w["encoder"]
        eps = 1e-4  # late fusion: the local slope of the fused log-odds
        return (self._fused.combine(z_ngram, z_encoder + eps) -
                self._fused.combine(z_ngram, z_encoder)) / eps

    def _alone(self, terms: list[str]) -> dict[str, float]:
        """The encoder's log-odds of each word on its own (remembered per word)."""
        memo = self._word_logit
        todo = [t for t in terms if t not in memo]
        if todo:
            logits = self._fused.encoder_logit(self._views.encode(todo))
            if len(memo) + len(todo) > WORD_CACHE_SIZE:
                memo.clear()
            memo.update(zip(todo, logits.tolist()))
        return {t: memo[t] for t in terms}

    def _comprehensive(self, text: str, terms: list[str]) -> bool:
        """Whether deleting ``terms`` from ``text`` takes its score below the threshold."""
        return self._clf.classify(without_terms(text, terms), explain=False)["score"] < \
            self._clf.threshold


def without_terms(text: str, terms: Iterable[str]) -> str:
    """``text`` with every occurrence of each term (as a whole token) cut out."""
    spans = set(terms)
    kept, last = [], 0
    for token in tokenize(text):
        if text[token.start:token.end] in spans:
            kept.append(text[last:token.start])
            last = token.end
    kept.append(text[last:])
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip()
