"""A short soak in CI: ``python -m benchmarks.soak`` for 10 s at 16 clients, with a retrain.

The full run (60 s, 64 clients, the repository's training data) is the same command with its
defaults: ``python -m benchmarks.soak --seconds 60 --clients 64``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.soak
def test_short_soak_loses_nothing_and_fails_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.soak", "--seconds", "10", "--clients", "16",
         "--retrain-at", "0.1", "--training-data", str(FIXTURES / "training_small"),
         "--regression-set", str(FIXTURES / "retrain" / "regression.csv"),
         "--data-dir", str(tmp_path), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    assert report["failed"] == 0, report["failures"]
    for kind in ("classify", "advice", "example"):
        assert report["by_kind"][kind]["requests"] > 0
    examples = report["examples"]
    assert examples["created_201"] > 0
    assert examples["stored"] == examples["created_201"] == report["stored_in_file"]
    assert report["retrain"]["state"] == "succeeded", report["retrain"]
    assert report["retrain"]["examples_from_database"] > 0  # it read the table being written
    assert report["server"]["log_errors"] == []
    assert report["ok"] and result.returncode == 0, report["problems"]
