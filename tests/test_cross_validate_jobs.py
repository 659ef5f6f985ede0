"""Cross-validation folds trained in parallel processes give the same figures as one by one."""
from __future__ import annotations

import model

from .conftest import FIXTURES


def test_parallel_folds_match_sequential_ones():
    dataset = model.load_dataset(FIXTURES / "training_small")
    messages: list[str] = []
    parallel = model.cross_validate(dataset, folds=3, n_jobs=2, progress=messages.append)
    assert parallel == model.cross_validate(dataset, folds=3)
    folds = [m for m in messages if not m.startswith("encoded ")]  # encoding progress first
    assert folds == [f"cross-validation fold {k}/3 done" for k in (1, 2, 3)]
