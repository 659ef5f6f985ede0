"""The scikit-learn pieces: normalisation, n-gram features, a calibrated linear classifier.

One ``Pipeline`` does it all, so training and serving see the same text treatment::

    normalize  -> TextNormalizer (see _normalize.py; plus structural marks, see _structure.py)
    features   -> FeatureUnion(word 1-3-grams + marks TF-IDF, char_wb 2-5-grams TF-IDF)
    classify   -> CalibratedLinearClassifier (linear SVM + Platt scaling + threshold)

The classifier stays linear *after* calibration (Platt scaling is a monotone map of the
decision value), so a feature's contribution is still ``tfidf value x coefficient``: that is
what the explanations rely on.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from ._normalize import normalize, tokenize
from ._structure import MARK_SEP, WordAnalyzer, marks, plain_text

# Bounded vocabularies keep the artifact small (< 20 MB) and loading fast.
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)
MAX_WORD_FEATURES = 60_000
MAX_CHAR_FEATURES = 150_000


class TextNormalizer(TransformerMixin, BaseEstimator):
    """Pipeline step: raw post texts -> normalised texts (stateless).

    With structural ``cues`` (see ``_structure``) each text also carries its marks, after
    ``MARK_SEP``: they need the punctuation that normalisation drops.
    """

    def __init__(self, *, cues: tuple[str, ...] = ()) -> None:
        self.cues = cues

    def fit(self, X, y=None):  # noqa: N803 (scikit-learn's names)
        return self

    def transform(self, X):  # noqa: N803
        cues = tuple(getattr(self, "cues", ()))  # artifacts from before the cues have none
        if not cues:
            return [normalize(text) for text in X]
        return [_with_marks(text, cues) for text in X]


def _with_marks(text: str, cues: tuple[str, ...]) -> str:
    tokens = tokenize(text)
    found = marks(text, tokens, cues)
    plain = " ".join(token.norm for token in tokens)
    return plain + MARK_SEP + " ".join(mark for mark, _owner in found) if found else plain


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """A linear SVM whose probabilities are Platt-scaled on out-of-fold decision values.

    ``fit`` runs ``folds``-fold cross-validation on the feature matrix to get a decision value
    for every row from a model that did not see it, fits the sigmoid ``p = 1 / (1 +
    exp(-(a * d + b)))`` on those, and picks ``threshold_`` as the probability cut-off that
    maximises macro-F1 on them. Then it fits the final model on all rows and folds ``a`` and
    ``b`` into ``coef_`` and ``intercept_``, so ``decision_function`` is the calibrated
    log-odds and stays linear in the features. This is scikit-learn's
    ``CalibratedClassifierCV(method="sigmoid", ensemble=False)``, plus the threshold, with
    the out-of-fold values reused instead of computed twice.
    """

    def __init__(self, *, C: float = 0.5, folds: int = 5, class_weight: Any = "balanced",
                 random_state: int = 0) -> None:
        self.C = C
        self.folds = folds
        self.class_weight = class_weight
        self.random_state = random_state

    def _base(self) -> LinearSVC:
        # A linear SVM: as accurate as logistic regression on these features and several
        # times faster to fit; Platt scaling supplies the probabilities it lacks.
        return LinearSVC(C=self.C, class_weight=self.class_weight, max_iter=5000,
                         random_state=self.random_state)

    def fit(self, X, y):  # noqa: N803
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        folds = min(self.folds, int(np.bincount(y, minlength=2).min()))
        if folds < 2:
            raise ValueError("each label needs at least 2 examples to calibrate the classifier")
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        oof = cross_val_predict(self._base(), X, y, cv=cv, method="decision_function")
        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(oof.reshape(-1, 1), y)
        slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
        oof_proba = _sigmoid(slope * oof + offset)
        self.threshold_ = choose_threshold(oof_proba, y)
        self.oof_proba_ = oof_proba.astype(np.float32)  # kept small: the report reuses it
        base = self._base().fit(X, y)
        self.coef_ = base.coef_ * slope
        self.intercept_ = base.intercept_ * slope + offset
        self.calibration_ = {"slope": slope, "offset": offset}
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X):  # noqa: N803
        """Calibrated log-odds of label 1."""
        return np.asarray(X @ self.coef_.T).ravel() + self.intercept_[0]

    def predict_proba(self, X):  # noqa: N803
        p = _sigmoid(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):  # noqa: N803
        return (self.predict_proba(X)[:, 1] >= self.threshold_).astype(int)


def build_pipeline(*, C: float = 0.5, folds: int = 5, random_state: int = 0,
                   word_ngrams: tuple[int, int] = WORD_NGRAMS,
                   char_ngrams: tuple[int, int] = CHAR_NGRAMS,
                   word_min_df: int = 2, char_min_df: int = 1,
                   word_weight: float = 1.0, cues: tuple[str, ...] = ("quote", "question"),
                   max_word_features: int = MAX_WORD_FEATURES,
                   max_char_features: int = MAX_CHAR_FEATURES,
                   class_weight: Any = "balanced", sublinear_tf: bool = True) -> Pipeline:
    """A fresh, unfitted pipeline; the defaults are the project's settings.

    ``word_weight`` scales the word block against the char block (each is L2-normalised).
    ``cues`` switches on structural marks in the word block (see ``_structure.CUES``).
    """
    words = TfidfVectorizer(analyzer=WordAnalyzer(tuple(word_ngrams)), token_pattern=None,
                            lowercase=False, sublinear_tf=sublinear_tf, min_df=word_min_df,
                            max_features=max_word_features)
    chars = TfidfVectorizer(analyzer="char_wb", lowercase=False, ngram_range=tuple(char_ngrams),
                            preprocessor=plain_text, sublinear_tf=sublinear_tf, min_df=char_min_df,
                            max_features=max_char_features)
    weights = None if word_weight == 1.0 else {"words": word_weight, "chars": 1.0}
    return Pipeline([
        ("normalize", TextNormalizer(cues=tuple(cues))),
        ("features", FeatureUnion([("words", words), ("chars", chars)],
                                  transformer_weights=weights)),
        ("classify", CalibratedLinearClassifier(C=C, folds=folds, class_weight=class_weight,
                                                random_state=random_state)),
    ])


def compact_vocabularies(features: FeatureUnion) -> None:
    """Store the fitted vocabularies' indices as Python ints instead of numpy scalars.

    scikit-learn leaves ``np.int64`` values after sorting and trimming the vocabulary; each
    one is a separate object in the pickle, which makes the artifact bigger and loading it
    several times slower. The numbers, and so every prediction, stay the same.
    """
    for _name, vectorizer in features.transformer_list:
        vectorizer.vocabulary_ = {term: int(i) for term, i in vectorizer.vocabulary_.items()}


def build_category_model(*, C: float = 8.0, random_state: int = 0) -> LogisticRegression:
    """Multinomial logistic regression for P(category | text is harmful)."""
    # newton-cg: a handful of iterations here, where lbfgs needs many more and is 5-10x slower.
    return LogisticRegression(C=C, solver="newton-cg", class_weight="balanced", max_iter=2000,
                              random_state=random_state)


def choose_threshold(proba: np.ndarray, y: np.ndarray, *, smooth: float = 0.05) -> float:
    """The cut-off in [0.05, 0.95] with the best macro-F1 on out-of-fold probabilities.

    Macro-F1 is flat and jagged near its top, so the raw argmax jumps between retrainings on
    nearly the same data; the curve is averaged over a window of +/- ``smooth`` first. Ties go
    to the cut-off nearest 0.5.
    """
    step = 0.005
    grid = np.round(np.arange(0.05, 0.9501, step), 3)
    pred = proba[None, :] >= grid[:, None]
    pos = y[None, :] == 1
    tp = (pred & pos).sum(axis=1)
    fp = (pred & ~pos).sum(axis=1)
    fn = (~pred & pos).sum(axis=1)
    tn = (~pred & ~pos).sum(axis=1)
    f1_pos = _safe_div(2 * tp, 2 * tp + fp + fn)
    f1_neg = _safe_div(2 * tn, 2 * tn + fn + fp)
    macro = (f1_pos + f1_neg) / 2
    half = int(round(smooth / step))
    if half:
        padded = np.pad(macro, half, mode="edge")
        macro = np.convolve(padded, np.ones(2 * half + 1) / (2 * half + 1), mode="valid")
    best = np.flatnonzero(np.isclose(macro, macro.max()))
    return float(grid[best[np.argmin(np.abs(grid[best] - 0.5))]])


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.divide(a, b, out=np.zeros(a.shape, dtype=float), where=b > 0)


def _sigmoid(z):
    return expit(np.asarray(z, dtype=float))
