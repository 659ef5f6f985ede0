"""A small neural network on the sentence encodings: one hidden layer, trained in numpy.

The encoder's view was a logistic regression on the 512 numbers of an encoding: a single
direction in that space. Whether a sentence about a group is hateful depends on *combinations*
(the group and a wish, a question, a negation), which one direction cannot express. One hidden
layer of rectified units can; measured in model/README.md ("The encoder's head").

Written here rather than taken from scikit-learn's MLPClassifier because that one took 15-40 s
for the same fit on this 2-core machine (float64, small batches, Python per step); this is
float32, large batches and plain Adam, so a fit on 20,000 encodings takes about 2.5 s on one
core, and it is fitted six times per training (five folds for the out-of-fold scores, then
all rows). Deterministic: the same data and ``random_state`` give the same weights.
"""
from __future__ import annotations

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin


class MLPHead(ClassifierMixin, BaseEstimator):
    """P(label 1 | encoding) from one hidden layer of ``hidden`` ReLU units.

    Logistic loss with ``class_weight`` ("balanced" or None) and sample weights, L2 penalty
    ``alpha`` on the weights, Adam with step ``learning_rate``, ``epochs`` passes over the rows
    in shuffled batches of ``batch_size``. ``decision_function`` gives the log-odds.
    """

    def __init__(self, *, hidden: int = 128, epochs: int = 20, batch_size: int = 512,
                 learning_rate: float = 2e-3, alpha: float = 1e-4, class_weight="balanced",
                 random_state: int = 0) -> None:
        self.hidden = hidden
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.alpha = alpha
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X, y, sample_weight=None):  # noqa: N803 (scikit-learn's names)
        X = np.ascontiguousarray(X, dtype=np.float32)  # noqa: N806
        y = np.asarray(y, dtype=np.float32)
        n, d = X.shape
        if n != len(y):
            raise ValueError(f"{n} encodings but {len(y)} labels")
        if len(np.unique(y)) != 2:
            raise ValueError("the encoder's head needs examples of both labels")
        w = np.ones(n, np.float32) if sample_weight is None else \
            np.asarray(sample_weight, dtype=np.float32)
        if self.class_weight == "balanced":
            pos, neg = float(w[y == 1].sum()), float(w[y == 0].sum())
            w = w * np.where(y == 1, (pos + neg) / (2 * pos), (pos + neg) / (2 * neg))
            w = w.astype(np.float32)
        elif self.class_weight is not None:
            raise ValueError(f'class_weight must be "balanced" or None, not {self.class_weight!r}')
        rng = np.random.default_rng(self.random_state)
        params = [(rng.standard_normal((d, self.hidden)) * np.sqrt(2.0 / d)).astype(np.float32),
                  np.zeros(self.hidden, np.float32),
                  (rng.standard_normal(self.hidden) * np.sqrt(1.0 / self.hidden)).astype(np.float32),
                  np.zeros(1, np.float32)]
        first = [np.zeros_like(p) for p in params]
        second = [np.zeros_like(p) for p in params]
        beta1, beta2, step = 0.9, 0.999, 0
        for _ in range(self.epochs):
            order = rng.permutation(n)
            for start in range(0, n, self.batch_size):
                rows = order[start:start + self.batch_size]
                xb, yb, wb = X[rows], y[rows], w[rows]
                w1, b1, w2, b2 = params
                pre = xb @ w1 + b1
                act = np.maximum(pre, 0.0)
                g = (expit(act @ w2 + b2[0]) - yb) * (wb / wb.sum())  # d loss / d log-odds
                g_act = np.outer(g, w2)
                g_act[pre <= 0] = 0.0
                grads = (xb.T @ g_act + self.alpha * w1, g_act.sum(axis=0),
                         act.T @ g + self.alpha * w2, np.array([g.sum()], np.float32))
                step += 1
                lr = self.learning_rate * np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
                for i, grad in enumerate(grads):
                    first[i] *= beta1
                    first[i] += (1 - beta1) * grad
                    second[i] *= beta2
                    second[i] += (1 - beta2) * grad * grad
                    params[i] -= (lr * first[i] / (np.sqrt(second[i]) + 1e-8)).astype(np.float32)
        self.coefs_ = [params[0], params[2]]
        self.intercepts_ = [params[1], float(params[3][0])]
        self.classes_ = np.array([0, 1])
        self.n_features_in_ = d
        return self

    def decision_function(self, X):  # noqa: N803
        """Log-odds of label 1, one per row."""
        hidden = np.maximum(np.asarray(X, dtype=np.float32) @ self.coefs_[0] + self.intercepts_[0],
                            0.0)
        return (hidden @ self.coefs_[1] + self.intercepts_[1]).astype(float)

    def predict_proba(self, X):  # noqa: N803
        p = expit(self.decision_function(X))
        return np.column_stack([1.0 - p, p])

    def predict(self, X):  # noqa: N803
        return (self.decision_function(X) >= 0).astype(int)
