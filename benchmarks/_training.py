"""(c) Training time and peak memory at 1k, 10k and 100k examples, and a full retraining at 10k.

The sets are ``training_data/`` enlarged by seeded perturbation (see ``_perturb``); each
training runs in a child process, whose peak resident memory the kernel reports when it ends.
The retraining runs the server's own training process (``python -m server.learning.train_worker``):
cross-validation, the final fit, evaluation of candidate and active model on the regression
set, and saving; its parallel folds are counted in the sampled peak of the process tree.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import model

from . import _perturb, _procs

SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
RETRAIN_SIZE = 10_000


def run(*, folder: Path, training_dir: Path, regression_set: Path, models_dir: Path,
        active_version: str, quick: bool, log=print) -> dict:
    # The server runs its training process from its project folder; so do the benchmarks.
    from server.config import PROJECT_ROOT
    sizes = QUICK_SIZES if quick else SIZES
    base = model.load_dataset(training_dir)
    log(f"  enlarging {len(base)} examples to {max(sizes)} (seeded perturbation)")
    rows = _perturb.enlarge(list(base.examples), max(sizes))
    data_dirs = {size: _perturb.write_csv(rows[:size], folder / f"train-{size}").parent
                 for size in sizes}
    fits = []
    for size in sizes:
        log(f"  training on {size} examples")
        measured = _procs.run_measured(
            [sys.executable, "-m", "benchmarks._train_child", "--data", str(data_dirs[size]),
             "--save", str(folder / f"model-{size}")],
            timeout=1200, cwd=str(PROJECT_ROOT), env=_env_with_benchmarks())
        fits.append({"examples": size, **_child_result(measured)})
        shutil.rmtree(folder / f"model-{size}", ignore_errors=True)
    log(f"  retraining on {RETRAIN_SIZE} examples (the server's training process)")
    retrain = _retrain(folder, data_dirs[RETRAIN_SIZE], regression_set, models_dir, active_version,
                       cwd=PROJECT_ROOT)
    return {"base_examples": len(base), "fits": fits, "retrain": retrain}


def _retrain(folder: Path, data_dir: Path, regression_set: Path, models_dir: Path,
             active_version: str, *, cwd: Path) -> dict:
    from server.config import DEFAULTS
    from server.learning.retrain import worker_command
    from server.learning.signing import KEY_ENV, load_key
    # The worker verifies the active version's signature with the server's key, as in production.
    env = {**os.environ, KEY_ENV: load_key(models_dir.parent, create=False).hex()}
    work = folder / "retrain-models"
    work.mkdir()
    shutil.copytree(models_dir / active_version, work / active_version)  # judged as in production
    examples = folder / "examples.jsonl"
    examples.write_text("", encoding="utf-8")
    folds = int(DEFAULTS["RETRAIN_CV_FOLDS"])
    measured = _procs.run_measured(worker_command([
        "--training-data", str(data_dir), "--examples", str(examples),
        "--regression-set", str(regression_set), "--models-dir", str(work),
        "--job-id", "benchmark", "--cv-folds", str(folds), "--active-version", active_version,
    ]), timeout=1800, cwd=str(cwd), env=env, keep_stdin_open=True)
    result = None
    for line in measured["stdout"].splitlines():
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") in ("result", "error"):
            result = event
    ok = measured["returncode"] == 0 and result is not None and result.get("event") == "result"
    return {
        "examples": RETRAIN_SIZE, "cv_folds": folds, "ok": ok,
        "wall_seconds": measured["wall_seconds"], "cpu_seconds": measured["cpu_seconds"],
        "peak_rss_mb": measured["peak_rss_mb"],
        "peak_tree_rss_mb": measured["peak_tree_rss_mb"],
        "candidate_macro_f1": (result or {}).get("regression", {}).get("candidate_macro_f1"),
        "error": None if ok else ((result or {}).get("message") or measured["stderr"][-500:]),
    }


def _env_with_benchmarks() -> dict:
    """This environment, with the folder holding ``benchmarks`` on the path of the child."""
    here = str(Path(__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{path}{os.pathsep}{here}" if path else here}


def _child_result(measured: dict) -> dict:
    if measured["returncode"] != 0:
        return {"ok": False, "wall_seconds": measured["wall_seconds"],
                "peak_rss_mb": measured["peak_rss_mb"], "error": measured["stderr"][-500:]}
    out = json.loads(measured["stdout"].strip().splitlines()[-1])
    return {"ok": True, "wall_seconds": measured["wall_seconds"],
            "train_seconds": out["train_seconds"], "load_seconds": out["load_seconds"],
            "peak_rss_mb": measured["peak_rss_mb"], "artifact_mb": round(out["artifact_bytes"] / _procs.MB, 2),
            "features": out["features"]}
