"""The encoder's head (model/_mlp.py): learns what one direction cannot, the same way twice."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from model._hybrid import _stack_rows
from model._mlp import MLPHead


def xor(n=2000, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 8)).astype(np.float32)  # noqa: N806
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    return X, y


def test_learns_a_pattern_a_logistic_regression_cannot():
    X, y = xor()  # noqa: N806
    X_test, y_test = xor(seed=1)  # noqa: N806
    head = MLPHead(hidden=32, epochs=60, learning_rate=1e-2).fit(X, y)
    assert (head.predict(X_test) == y_test).mean() > 0.9
    linear = LogisticRegression().fit(X, y)
    assert (linear.predict(X_test) == y_test).mean() < 0.65
    p = head.predict_proba(X_test)
    assert p.shape == (len(y_test), 2) and np.allclose(p.sum(axis=1), 1.0)


def test_same_data_and_seed_give_the_same_weights():
    X, y = xor(500)  # noqa: N806
    a = MLPHead(hidden=16, epochs=3).fit(X, y).decision_function(X)
    b = MLPHead(hidden=16, epochs=3).fit(X, y).decision_function(X)
    c = MLPHead(hidden=16, epochs=3, random_state=1).fit(X, y).decision_function(X)
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_sample_weights_count():
    X, y = xor(1000)  # noqa: N806
    weights = np.where(y == 1, 10.0, 0.1)
    head = MLPHead(hidden=16, epochs=10, class_weight=None).fit(X, y, sample_weight=weights)
    assert head.predict(X).mean() > 0.8  # the heavy label wins


def test_bad_input_is_refused():
    X, y = xor(100)  # noqa: N806
    with pytest.raises(ValueError, match="class_weight"):
        MLPHead(class_weight="heavy").fit(X, y)
    with pytest.raises(ValueError, match="both labels"):
        MLPHead().fit(X, np.zeros(100, dtype=int))
    with pytest.raises(ValueError, match="labels"):
        MLPHead().fit(X, y[:50])


def test_fusion_rows_fall_back_to_all_when_too_few():
    y = np.array([0] * 200 + [1] * 200)
    rows = np.zeros(400, dtype=bool)
    rows[:100] = rows[200:300] = True
    assert _stack_rows(rows, y).sum() == 200
    rows[250:300] = False  # 50 label-1 rows left: still enough
    assert _stack_rows(rows, y).sum() == 150
    rows[210:300] = False  # 10 label-1 rows: too few, fitted on every row
    assert _stack_rows(rows, y).all()
    assert _stack_rows(None, y).all()
    with pytest.raises(ValueError, match="stack_rows"):
        _stack_rows(rows[:10], y)
