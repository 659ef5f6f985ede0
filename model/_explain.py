"""One text in, score and explanation out, fast.

scikit-learn's ``transform`` on a single text spends most of its time in input checks and
sparse-matrix plumbing. ``FastScorer`` computes the very same numbers straight from the fitted
vectorisers' vocabularies and idf weights and the classifier's coefficients (a test checks it
matches ``Pipeline.predict_proba``), and on the way keeps track of which token produced which
feature. That bookkeeping is the explanation: each active feature's contribution (tf-idf
value x coefficient, in calibrated log-odds) is shared out over the tokens it came from, the
tokens carry their span in the original text, and contributions are summed per word.
"""
from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.pipeline import Pipeline

from ._normalize import EMAIL, NUMBER, URL, USER, Token, tokenize
from ._structure import WordAnalyzer, marks

MAX_TERMS = 8
_DATA = Path(__file__).resolve().parent / "data"


def _word_list(name: str) -> frozenset[str]:
    """The words of a data file: whitespace-separated, lower case, '#' to the end of a line."""
    words = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        words.extend(line.split("#", 1)[0].split())
    return frozenset(w.lower() for w in words)


# Words a social worker would not recognise as the cue, and first names (a name is never why
# a post is harmful). They still count in the score; they are only left out of the displayed
# explanation, as are words of one or two letters.
STOP_WORDS = _word_list("stop_words.txt")
FIRST_NAMES = _word_list("first_names.txt")
# A mention, link, e-mail address or number is not a reason a worker can act on either.
_PLACEHOLDERS = frozenset((URL, USER, EMAIL, NUMBER))
# Tokens whose char n-gram features are remembered; words repeat a lot across posts.
CACHE_SIZE = 50_000


class FastScorer:
    """Single-text scoring and explanation for a fitted pipeline (+ optional category model)."""

    def __init__(self, ngrams: Pipeline, linear, category_model, *,
                 categories: tuple[str, ...]) -> None:
        """``ngrams``: the fitted normalize -> features steps; ``linear``: the classifier on
        their output (``coef_``, ``intercept_``, in calibrated log-odds)."""
        union = ngrams.named_steps["features"]
        blocks = dict(union.transformer_list)
        words, chars = blocks["words"], blocks["chars"]
        n_words = len(words.idf_)
        coef = np.asarray(linear.coef_, dtype=float).ravel()
        weights = union.transformer_weights or {}
        self._blocks = (
            _Block(words.vocabulary_, words.idf_, coef[:n_words], offset=0,
                   weight=weights.get("words", 1.0)),
            _Block(chars.vocabulary_, chars.idf_, coef[n_words:], offset=n_words,
                   weight=weights.get("chars", 1.0)),
        )
        analyzer = words.analyzer
        # Artifacts from before the structural cues used scikit-learn's own word analyser.
        self._word_ngrams = (analyzer.ngram_range if isinstance(analyzer, WordAnalyzer)
                             else words.ngram_range)
        self._cues = tuple(getattr(ngrams.named_steps["normalize"], "cues", ()))
        self._sublinear = bool(words.sublinear_tf)
        self._char_ngrams = chars.ngram_range
        self._intercept = float(linear.intercept_[0])
        self._categories = categories
        self._category_model = category_model
        self._char_cache: dict[str, tuple[int, ...]] = {}
        if category_model is not None:
            self._cat_coef = np.asarray(category_model.coef_, dtype=float)
            self._cat_intercept = np.asarray(category_model.intercept_, dtype=float)
            self._cat_classes = [str(c) for c in category_model.classes_]

    def score(self, text: str, *, explain: bool = True) -> NgramScore:
        """The n-gram view of ``text``: log-odds, and each token's share of it."""
        tokens = tokenize(text)
        norms = [t.norm for t in tokens]
        index, value, contrib = [], [], []
        per_token = np.zeros(len(tokens))
        word_entries = self._word_entries(norms, marks(text, tokens, self._cues))
        for block, entries in zip(self._blocks, (word_entries, self._char_entries(norms))):
            features, owners, weights = entries
            if not len(features):
                continue
            # tf counts occurrences: an n-gram occurrence has n entries of weight 1/n.
            idx, where = np.unique(features, return_inverse=True)
            tf = np.bincount(where, weights=weights)
            x = _tfidf(tf, block.idf[idx], sublinear=self._sublinear) * block.weight
            c = x * block.coef[idx]
            index.append(idx + block.offset)
            value.append(x)
            contrib.append(c)
            if explain:
                per_token += np.bincount(owners, weights=(c / tf)[where] * weights,
                                         minlength=len(tokens))
        z = self._intercept + sum(float(c.sum()) for c in contrib)
        return NgramScore(tokens, z, per_token, index, value)

    def categories(self, ngram: NgramScore, score: float) -> dict:
        """P(category | text) = score x P(category | harmful, text); they add up to ``score``."""
        return self._category_scores(ngram.index, ngram.value, score)

    def classify(self, text: str, *, threshold: float, explain: bool = True) -> dict:
        """Label, score, per-category scores and (optionally) the words that drove the score."""
        ngram = self.score(text, explain=explain)
        score = _sigmoid(ngram.logit)
        result = {
            "label": int(score >= threshold),
            "score": score,
            "threshold": threshold,
            "categories": self.categories(ngram, score),
        }
        if explain:
            result["explanation"] = explanation(text, ngram.tokens, ngram.per_token)
        return result

    def _word_entries(self, norms: list[str], found: list[tuple[str, int]]):
        """(feature, token, weight) arrays of the word n-grams and marks in the vocabulary."""
        vocab = self._blocks[0].vocab
        lo, hi = self._word_ngrams
        features, owners, weights = [], [], []
        for n in range(lo, hi + 1):
            share = 1.0 / n
            for i in range(len(norms) - n + 1):
                j = vocab.get(norms[i] if n == 1 else " ".join(norms[i:i + n]))
                if j is not None:
                    features.extend([j] * n)
                    owners.extend(range(i, i + n))
                    weights.extend([share] * n)
        for mark, owner in found:
            j = vocab.get(mark)
            if j is not None:
                features.append(j)
                owners.append(owner)
                weights.append(1.0)
        return (np.array(features, dtype=np.intp), np.array(owners, dtype=np.intp),
                np.array(weights, dtype=float))

    def _char_entries(self, norms: list[str]):
        """(feature, token, weight) arrays of the char_wb n-grams that are in the vocabulary."""
        features, owners = [], []
        for k, norm in enumerate(norms):
            found = self._char_cache.get(norm)
            if found is None:
                found = self._char_features(norm)
            features.extend(found)
            owners.extend([k] * len(found))
        return (np.array(features, dtype=np.intp), np.array(owners, dtype=np.intp),
                np.ones(len(features)))

    def _char_features(self, norm: str) -> tuple[int, ...]:
        """Vocabulary indices of one token's char_wb n-grams, exactly as scikit-learn makes them."""
        lo, hi = self._char_ngrams
        w = f" {norm} "
        w_len = len(w)
        grams = []
        for n in range(lo, hi + 1):
            if n >= w_len:  # a word shorter than n counts once, as in scikit-learn
                grams.append(w)
                break
            grams.extend(w[i:i + n] for i in range(w_len - n + 1))
        vocab = self._blocks[1].vocab
        found = tuple(j for j in map(vocab.get, grams) if j is not None)
        if len(self._char_cache) >= CACHE_SIZE:
            self._char_cache.clear()  # crude but bounded; common words come straight back
        self._char_cache[norm] = found
        return found

    def _category_scores(self, index: list, value: list, score: float) -> dict:
        out = dict.fromkeys(self._categories, 0.0)
        if self._category_model is None:
            return out
        index = np.concatenate(index) if index else np.zeros(0, dtype=np.intp)
        value = np.concatenate(value) if value else np.zeros(0)
        logits = self._cat_intercept + self._cat_coef[:, index] @ value
        if logits.shape[0] == 1:  # two categories: a binary model for the second one
            p2 = _sigmoid(float(logits[0]))
            probs = np.array([1.0 - p2, p2])
        else:
            e = np.exp(logits - logits.max())
            probs = e / e.sum()
        for name, p in zip(self._cat_classes, probs):
            out[name] = float(p) * score
        return out


class NgramScore:
    """One text's n-gram view: its tokens, log-odds, per-token contributions, active features."""

    __slots__ = ("tokens", "logit", "per_token", "index", "value")

    def __init__(self, tokens: list[Token], logit: float, per_token: np.ndarray, index: list,
                 value: list) -> None:
        self.tokens, self.logit, self.per_token = tokens, logit, per_token
        self.index, self.value = index, value


class _Block:
    """One vectoriser's vocabulary and idf, and the classifier's coefficients for its columns."""

    __slots__ = ("vocab", "idf", "coef", "offset", "weight")

    def __init__(self, vocab: dict, idf: np.ndarray, coef: np.ndarray, *, offset: int,
                 weight: float) -> None:
        self.vocab, self.idf, self.coef = vocab, np.asarray(idf, dtype=float), coef
        self.offset, self.weight = offset, float(weight)


def _tfidf(tf: np.ndarray, idf: np.ndarray, *, sublinear: bool = True) -> np.ndarray:
    """(Sublinear) tf x idf, L2-normalised over the block, as TfidfVectorizer computes it."""
    x = ((1.0 + np.log(tf)) if sublinear else tf) * idf
    norm = math.sqrt(float(x @ x))
    return x / norm if norm > 0 else x


def explanation(text: str, tokens: list[Token], per_token: np.ndarray, *,
                scale: float = 1.0) -> list[dict]:
    """The words of ``text`` that pushed the score most towards harmful, at most MAX_TERMS.

    Only positive contributions are shown: a highlighted word is one the worker can read as
    a reason for "yes". Contributions are summed per word (a word that occurs twice counts
    once, with both occurrences' weight) and multiplied by ``scale`` (the weight of the
    n-gram view in the fused score). Stop words, first names and words of one or two letters
    are not shown (see STOP_WORDS, FIRST_NAMES).
    """
    ranked = sorted(term_weights(text, tokens, per_token, scale=scale).items(),
                    key=lambda item: -item[1])
    return [{"term": term, "weight": round(weight, 4)}
            for term, weight in ranked[:MAX_TERMS] if weight >= 5e-5]


def term_weights(text: str, tokens: list[Token], per_token: np.ndarray, *,
                 scale: float = 1.0) -> dict[str, float]:
    """Summed contribution (times ``scale``) per showable word, keyed by its spelling in ``text``."""
    per_term: dict[str, float] = defaultdict(float)
    for token, weight in zip(tokens, per_token.tolist()):
        if _shown(token.norm):
            per_term[text[token.start:token.end]] += weight * scale
    return dict(per_term)


def _shown(norm: str) -> bool:
    if norm in STOP_WORDS or norm in FIRST_NAMES or norm in _PLACEHOLDERS:
        return False
    return not (len(norm) <= 2 and norm.isalpha())


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
