"""Two views of a post fused into one calibrated score: n-grams and a sentence encoder.

The hybrid pipeline::

    views     -> TextViews: the n-gram features (normalise -> word + char TF-IDF, see
                 _pipeline) and the sentence encoding (see _encoder), side by side
    classify  -> FusedClassifier: a calibrated linear SVM on the n-grams, a network with
                 one hidden layer on the encoding (see _mlp; or a logistic regression), and
                 their combination, fitted on the rows not generated from templates

The n-grams know the words of the training set (slurs, spelling games, threats); the encoder
knows what sentences mean (opinions, wishes, unseen words). How much to trust each is
learnt, not fixed: both views' scores are computed out of fold (each row scored by a model
that did not see it), and the combination is fitted on those. ``fusion="stack"`` fits a
logistic regression on the two out-of-fold log-odds (stacking); ``fusion="late"`` averages
the two calibrated probabilities with the weight that maximises out-of-fold macro-F1.
model/README.md has the measurements that chose stacking.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import expit, logit
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from ._encoder import SentenceEncoder
from ._mlp import MLPHead
from ._pipeline import CalibratedLinearClassifier, choose_threshold

FUSIONS = ("stack", "late")
# What reads the encoding: a logistic regression (one direction in the encoder's space) or a
# network with one hidden layer (see _mlp).
ENCODER_HEADS = ("mlp", "logistic")


class Views:
    """The two feature blocks of the same texts: ``ngrams`` (sparse) and ``encoding`` (dense)."""

    __slots__ = ("ngrams", "encoding")

    def __init__(self, ngrams, encoding: np.ndarray) -> None:
        if ngrams.shape[0] != encoding.shape[0]:
            raise ValueError(f"{ngrams.shape[0]} n-gram rows but {encoding.shape[0]} encodings")
        self.ngrams, self.encoding = ngrams, encoding

    @property
    def shape(self) -> tuple[int, int]:
        return (self.ngrams.shape[0], self.ngrams.shape[1] + self.encoding.shape[1])

    def __len__(self) -> int:
        return self.ngrams.shape[0]


class TextViews(TransformerMixin, BaseEstimator):
    """Pipeline step: texts -> Views(n-gram features, sentence encodings).

    ``ngrams`` is the fitted n-gram part of the pipeline (normalize -> features). Encodings
    come from ``cache`` when one is attached (``use_cache``; training does, serving needs
    none) and are rounded to float16 either way, as the cache stores them, so a text gets
    the same vector when trained on and when served.
    """

    def __init__(self, ngrams: Pipeline, encoder: SentenceEncoder) -> None:
        self.ngrams = ngrams
        self.encoder = encoder

    def fit(self, X, y=None):  # noqa: N803 (scikit-learn's names)
        return self  # the n-gram part is fitted before it is put here (see _train)

    def transform(self, X):  # noqa: N803
        texts = list(X)
        return Views(self.ngrams.transform(texts), self.encode(texts))

    def encode(self, texts: list[str]) -> np.ndarray:
        cache = getattr(self, "_cache", None)
        if cache is not None:
            return cache.encode(texts)
        return self.encoder.encode(texts).astype(np.float16).astype(np.float32)

    def use_cache(self, cache) -> None:
        """Look encodings up in (and add them to) ``cache``; None to encode directly."""
        self._cache = cache

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_cache", None)  # a cache is a place on this machine, not part of the model
        return state


class FusedClassifier(ClassifierMixin, BaseEstimator):
    """P(harmful) from both views: see the module docstring.

    After ``fit``: ``ngram_`` (CalibratedLinearClassifier: calibrated log-odds, linear in the
    n-gram features, which the explanations use), ``encoder_`` (MLPHead or LogisticRegression on the
    encoding), ``weights_`` (how the two log-odds combine), ``threshold_`` and
    ``oof_proba_`` (fused out-of-fold probabilities, for the report and the calibration).
    """

    def __init__(self, *, C: float = 0.5, encoder_C: float = 1.0, folds: int = 5,
                 fusion: str = "stack", class_weight: Any = "balanced",
                 encoder_head: str = "logistic", encoder_hidden: int = 128,
                 encoder_epochs: int = 20, encoder_folds: int = 5,
                 random_state: int = 0) -> None:
        self.C = C
        self.encoder_C = encoder_C
        self.encoder_head = encoder_head
        self.encoder_hidden = encoder_hidden
        self.encoder_epochs = encoder_epochs
        self.encoder_folds = encoder_folds
        self.folds = folds
        self.fusion = fusion
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X: Views, y, sample_weight=None, stack_rows=None):  # noqa: N803
        """``stack_rows`` (boolean, one per row, or None for all): the rows the fusion is
        fitted on. Training passes the rows not generated from templates: on template rows
        the n-grams' out-of-fold scores are far better than on other people's posts, and a
        fusion fitted on them trusts the n-grams too much (model/README.md)."""
        # One BLAS thread: the folds of a cross-validation train in parallel processes on few
        # cores, and BLAS threads spinning against each other made these fits 2-5x slower.
        with threadpool_limits(1, user_api="blas"):
            return self._fit(X, y, sample_weight, stack_rows)

    def _fit(self, X: Views, y, sample_weight, stack_rows=None):  # noqa: N803
        if self.fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {', '.join(FUSIONS)}, not {self.fusion!r}")
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        self.ngram_ = CalibratedLinearClassifier(C=self.C, folds=self.folds,
                                                 class_weight=self.class_weight,
                                                 random_state=self.random_state).fit(
            X.ngrams, y, sample_weight=sample_weight)
        weights = {} if sample_weight is None else {"sample_weight": sample_weight}
        # The same folds as the n-gram calibration, so both out-of-fold scores of a row come
        # from models that did not see it.
        folds = min(self.folds, int(np.bincount(y, minlength=2).min()))
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        z_ngram = _logit(self.ngram_.oof_proba_)
        # The encoder's head may use fewer folds (encoder_folds): each of its fits costs more
        # than the SVM's, and 3 folds scored the same as 5 (model/README.md). A row's two
        # out-of-fold scores still both come from models that did not see it.
        enc_cv = cv if self.encoder_folds >= folds else _cv(self.encoder_folds, y,
                                                               self.random_state)
        z_encoder = cross_val_predict(self._encoder_model(), X.encoding, y, cv=enc_cv,
                                      method="decision_function", params=weights)
        self.encoder_ = self._encoder_model().fit(X.encoding, y, **weights)
        oof = np.column_stack([z_ngram, z_encoder])
        rows = _stack_rows(stack_rows, y)
        if self.fusion == "stack":
            w_rows = {k: v[rows] for k, v in weights.items()}
            self.weights_ = _stack_weights(oof[rows], y[rows], w_rows)
            # The combiner's own out-of-fold scores on its rows (3 numbers, barely optimistic,
            # but honest); the other rows are scored by the combiner fitted on all of its rows.
            fused = expit(self._combine(oof[:, 0], oof[:, 1]))
            fused[rows] = cross_val_predict(LogisticRegression(C=1.0), oof[rows], y[rows],
                                            cv=_cv(self.folds, y[rows], self.random_state),
                                            method="predict_proba", params=w_rows)[:, 1]
        else:
            self.weights_ = _late_weights(oof[rows], y[rows])
            fused = expit(self._combine(oof[:, 0], oof[:, 1]))
        # The threshold on the same rows as the fusion.
        self.threshold_ = choose_threshold(fused[rows], y[rows])
        self.oof_proba_ = fused.astype(np.float32)
        self.view_oof_ = {"ngram": expit(z_ngram).astype(np.float32),
                          "encoder": expit(z_encoder).astype(np.float32)}
        self.calibration_ = {"fusion": self.fusion, "weights": self.weights_,
                             "ngram_platt": self.ngram_.calibration_}
        self.n_features_in_ = X.shape[1]
        return self

    def _encoder_model(self):
        if self.encoder_head == "mlp":
            return MLPHead(hidden=self.encoder_hidden, epochs=self.encoder_epochs,
                           class_weight=self.class_weight, random_state=self.random_state)
        if self.encoder_head != "logistic":
            raise ValueError(f"encoder_head must be one of {', '.join(ENCODER_HEADS)}, "
                             f"not {self.encoder_head!r}")
        return self._encoder_lr()

    def _encoder_lr(self) -> LogisticRegression:
        # tol 1e-3: 15 iterations instead of 40, a third of the time, the same scores to the
        # third decimal (the stacker recalibrates them anyway).
        return LogisticRegression(C=self.encoder_C, class_weight=self.class_weight, tol=1e-3,
                                  max_iter=3000, random_state=self.random_state)

    # -- scoring -------------------------------------------------------------------------

    def encoder_logit(self, encoding: np.ndarray) -> np.ndarray:
        """The encoder view's log-odds (not yet fused), one per row of ``encoding``."""
        if isinstance(self.encoder_, MLPHead):
            return self.encoder_.decision_function(encoding)
        return np.asarray(encoding, dtype=float) @ self.encoder_.coef_.ravel() + \
            float(self.encoder_.intercept_[0])

    def _combine(self, z_ngram, z_encoder):
        """Fused log-odds from the two views' log-odds (arrays or floats)."""
        w = self.weights_
        if w["kind"] == "stack":
            return w["ngram"] * z_ngram + w["encoder"] * z_encoder + w["intercept"]
        p = w["ngram"] * expit(z_ngram) + (1.0 - w["ngram"]) * expit(
            w["encoder_slope"] * z_encoder + w["encoder_offset"])
        return _logit(p)

    def combine(self, z_ngram: float, z_encoder: float) -> float:
        return float(self._combine(z_ngram, z_encoder))

    def ngram_scale(self, z_ngram: float, z_encoder: float) -> float:
        """d(fused log-odds) / d(n-gram log-odds) at this point: scales the word contributions."""
        w = self.weights_
        if w["kind"] == "stack":
            return w["ngram"]
        p_n = expit(z_ngram)
        p = w["ngram"] * p_n + (1.0 - w["ngram"]) * expit(
            w["encoder_slope"] * z_encoder + w["encoder_offset"])
        p = min(max(p, 1e-9), 1 - 1e-9)
        return float(w["ngram"] * p_n * (1 - p_n) / (p * (1 - p)))

    def decision_function(self, X: Views):  # noqa: N803
        """Fused, calibrated log-odds of label 1."""
        return self._combine(self.ngram_.decision_function(X.ngrams),
                             self.encoder_logit(X.encoding))

    def predict_proba(self, X: Views):  # noqa: N803
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X: Views):  # noqa: N803
        return (self.predict_proba(X)[:, 1] >= self.threshold_).astype(int)


def _stack_rows(stack_rows, y: np.ndarray) -> np.ndarray:
    """The rows to fit the fusion on: ``stack_rows``, or every row when it is None or leaves
    too few of either label (fewer than 50) for a fit."""
    if stack_rows is None:
        return np.ones(len(y), dtype=bool)
    rows = np.asarray(stack_rows, dtype=bool)
    if rows.shape != y.shape:
        raise ValueError(f"stack_rows has {rows.shape[0]} entries for {y.shape[0]} rows")
    if np.bincount(y[rows], minlength=2).min() < 50:
        return np.ones(len(y), dtype=bool)
    return rows


def _cv(folds: int, y: np.ndarray, random_state: int) -> StratifiedKFold:
    return StratifiedKFold(n_splits=min(folds, int(np.bincount(y, minlength=2).min())),
                           shuffle=True, random_state=random_state)


def _stack_weights(oof: np.ndarray, y: np.ndarray, weights: dict) -> dict:
    meta = LogisticRegression(C=1.0).fit(oof, y, **weights)
    return {"kind": "stack", "ngram": float(meta.coef_[0, 0]),
            "encoder": float(meta.coef_[0, 1]), "intercept": float(meta.intercept_[0])}


def _late_weights(oof: np.ndarray, y: np.ndarray) -> dict:
    """Platt-scale the encoder's log-odds, then pick the averaging weight on out-of-fold macro-F1."""
    platt = LogisticRegression(C=1e4).fit(oof[:, 1:2], y)
    slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    p_ngram, p_encoder = expit(oof[:, 0]), expit(slope * oof[:, 1] + offset)
    best = (-1.0, 0.5)
    for w in np.round(np.linspace(0.0, 1.0, 21), 2):
        p = w * p_ngram + (1.0 - w) * p_encoder
        t = choose_threshold(p, y)
        pred = p >= t
        score = _macro_f1(y, pred)
        if score > best[0] + 1e-9:
            best = (score, float(w))
    return {"kind": "late", "ngram": best[1], "encoder_slope": slope, "encoder_offset": offset}


def _macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    pos = y == 1
    tp, fp = int((pred & pos).sum()), int((pred & ~pos).sum())
    fn, tn = int((~pred & pos).sum()), int((~pred & ~pos).sum())
    f1 = lambda a, b, c: 2 * a / (2 * a + b + c) if a else 0.0  # noqa: E731
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def _logit(p) -> np.ndarray:
    return logit(np.clip(np.asarray(p, dtype=float), 1e-7, 1 - 1e-7))
