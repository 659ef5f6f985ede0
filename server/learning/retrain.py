"""Retraining: a job that trains a candidate model in a separate process and promotes it if the gate allows.

The steps, in the server process (a background thread) or in ``reageerwijzer retrain``:

1. The examples to learn from (accepted ones; also new ones if RETRAIN_INCLUDE_UNREVIEWED) are
   written to a private work folder for the training process.
2. ``python -m server.learning.train_worker`` trains on the training data plus those examples,
   cross-validates, evaluates the candidate and the active model on the regression set, and
   writes the candidate into a temporary folder that it renames into ``models/<version>`` only
   when complete. It reports progress as JSON lines on stdout and never touches the database,
   so killing it can leave neither a half-written model nor a damaged database.
3. The gate: the candidate becomes active only if its macro-F1 on the regression set is at
   most GATE_MAX_DROP below the active model's. Activating loads the candidate fully and then
   swaps the store's reference, so classify requests see the old model or the new one, never
   a mix, and never fail.
The job's report says what was trained on and why the candidate was or was not promoted.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask

import model as classifier

from ..errors import where
from ..storage import jobs as job_rows
from ..storage.connection import Connection, Error
from ..storage.failures import cause_of as storage_cause
from . import examples, jobs
from .model_store import ModelStoreError
from .signing import KEY_ENV

log = logging.getLogger(__name__)

KIND = "retrain"
ProgressCallback = Callable[[float, str], None]


class RetrainFailed(Exception):
    """The training process did not deliver a candidate; the message says why."""


class JobEnded(Exception):
    """Someone ended the job while it ran (``reageerwijzer jobs fail``): stop, change nothing."""


def start(app: Flask, conn: Connection, *, created_by: str) -> dict:
    """Queue a retraining job and run it in a background thread; JobRunning if one is unfinished."""
    job = jobs.create(conn, kind=KIND, created_by=created_by, owner=app.extensions["boot"].id,
                      boots_dir=jobs.boots_dir(app.config))
    thread = threading.Thread(target=run, args=(app, job["id"]), name=f"retrain-{job['id'][:8]}",
                              daemon=True)
    thread.start()
    return job


def run(app: Flask, job_id: str, *, on_progress: ProgressCallback | None = None,
        promote_anyway: str | None = None) -> dict:
    """Run job ``job_id`` to its end; returns the finished job. Never raises for a failed training.

    ``promote_anyway`` (a reason, e.g. an erasure) promotes the candidate even when the gate
    would keep the active model.
    """
    database = app.extensions["db"]
    work_dir = Path(app.config["DATA_DIR"]) / "jobs" / job_id
    with contextlib.closing(database.connect()) as conn:

        def progress(fraction: float, stage: str) -> None:
            if not job_rows.set_progress(conn, job_id, fraction, stage):
                raise JobEnded()
            if on_progress:
                on_progress(fraction, stage)

        try:
            # Inside the try: a failure here (a full disk) must end the job too, or it would
            # stay queued and every later retraining would be refused as "already running".
            if not job_rows.mark_running(conn, job_id):
                return job_rows.get(conn, job_id)  # ended before it started (``jobs fail``)
            clean_work_dirs(app, conn)
            report = _train_and_gate(app, conn, job_id, work_dir, progress, promote_anyway)
        except JobEnded:
            log.warning("retrain job %s was ended from outside; its training was stopped", job_id)
        except RetrainFailed as err:
            log.warning("retrain job %s failed: %s", job_id, err)
            _fail(database, conn, job_id, str(err))
        except Error as err:
            cause = storage_cause(err) or type(err).__name__
            log.error("retrain job %s failed: the database could not be used: %s", job_id, cause)
            _fail(database, conn, job_id, f"the database could not be used ({cause}); the active "
                                          "model is unchanged")
        except Exception as err:  # noqa: BLE001 -- the job must end failed, whatever went wrong
            # Type and place only: an exception's message may quote a post text, and the job's
            # error is read by every worker (GET /jobs/<id>).
            log.error("retrain job %s failed unexpectedly: %s", job_id, where(err))
            _fail(database, conn, job_id, f"unexpected error ({type(err).__name__}); the active "
                                          "model is unchanged; the server log says where it happened")
        else:
            job_rows.succeed(conn, job_id, report)
            log.info("retrain job %s done: %s", job_id, report["decision"]["reason"])
        finally:
            remove_work_dir(work_dir)
            # A training process killed while saving leaves its hidden folder; never a version.
            shutil.rmtree(app.extensions["model_store"].models_dir / f".tmp-{job_id}",
                          ignore_errors=True)
        return job_rows.get(conn, job_id)


def _fail(database, conn: Connection, job_id: str, reason: str) -> None:
    """Mark the job failed; retried on a fresh connection, and logged when even that fails."""
    target = conn
    for attempt in range(3):
        try:
            job_rows.fail(target, job_id, reason)
            return
        except Error as err:
            log.error("cannot mark retrain job %s failed (attempt %d): %s", job_id, attempt + 1,
                      storage_cause(err) or type(err).__name__)
            time.sleep(0.2 * (attempt + 1))
            with contextlib.suppress(Error):
                target = database.connect()


def remove_work_dir(work_dir: Path) -> None:
    """Remove a job's work folder (it holds the examples in plain text); log if that fails."""
    shutil.rmtree(work_dir, ignore_errors=True)
    if work_dir.exists():
        log.error("could not remove the work folder of job %s; it holds example texts",
                  work_dir.name)


def _train_and_gate(app: Flask, conn: Connection, job_id: str, work_dir: Path,
                    progress: ProgressCallback, promote_anyway: str | None = None) -> dict:
    config = app.config
    store = app.extensions["model_store"]
    if not Path(config["REGRESSION_SET"]).is_file():
        raise RetrainFailed(f"regression set {str(config['REGRESSION_SET'])!r} not found "
                            "(setting REGRESSION_SET); nothing was trained")
    include_unreviewed = _flag(config["RETRAIN_INCLUDE_UNREVIEWED"])
    extra = examples.for_training(conn, include_unreviewed=include_unreviewed)
    work_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    examples_file = work_dir / "examples.jsonl"
    _write_private(examples_file, (json.dumps(e, ensure_ascii=False) for e in extra))
    log.info("retrain job %s: %d example(s) from the database", job_id, len(extra))
    progress(0.02, "starting")

    active_before = store.active_version
    result = _run_worker(job_id, conn, progress, timeout=float(config["RETRAIN_TIMEOUT"]),
                         key=store.signer.key_hex(), argv=[
        "--training-data", str(config["TRAINING_DATA_DIR"]),
        "--examples", str(examples_file),
        "--regression-set", str(config["REGRESSION_SET"]),
        "--models-dir", str(store.models_dir),
        "--encodings-dir", str(Path(config["DATA_DIR"]) / "encodings"),
        "--job-id", job_id,
        "--cv-folds", str(int(config["RETRAIN_CV_FOLDS"])),
        *(["--active-version", active_before] if active_before else []),
    ])
    try:
        store.record(result["version"], example_ids=[e["id"] for e in extra])
    except (ModelStoreError, classifier.ModelFileError, Error) as err:
        raise RetrainFailed(f"the candidate {result['version']} could not be recorded: "
                            f"{type(err).__name__}; the active model is unchanged") from None
    report = {
        "candidate_version": result["version"],
        "active_version_before": active_before,
        "training": {**result["training"],
                     "included_states": list(examples.training_states(include_unreviewed))},
        "cross_validation": result["cross_validation"],
        "regression": result["regression"],
    }
    progress(0.95, "gate")
    decision = gate(result["regression"], max_drop=float(config["GATE_MAX_DROP"]))
    if promote_anyway and not decision["promote"]:
        decision = {**decision, "promote": True,
                    "reason": f"promoted although the gate would not have: {promote_anyway}"}
    if decision["promote"] and store.active_version != active_before:
        decision = {**decision, "promote": False,
                    "reason": f"not promoted: the active model changed from {active_before} to "
                              f"{store.active_version} during retraining; retrain again"}
    if decision["promote"]:
        progress(0.97, "activating")  # stops here if the job was ended meanwhile
        try:
            store.activate(result["version"])
        except (ModelStoreError, classifier.ModelFileError) as err:
            raise RetrainFailed(f"the candidate {result['version']} could not be loaded: {err}; "
                                "the active model is unchanged") from None
    report["decision"] = {"promoted": decision["promote"], **{k: v for k, v in decision.items()
                                                              if k != "promote"}}
    report["active_version"] = store.active_version
    keep = int(config.get("KEEP_MODEL_VERSIONS", 5))
    try:
        report["deleted_versions"] = store.prune(keep=keep)
    except (ModelStoreError, OSError, Error) as err:
        log.error("could not delete old model versions: %s", type(err).__name__)
    return report


def gate(regression: dict, *, max_drop: float) -> dict:
    """Promote the candidate unless its regression macro-F1 drops more than ``max_drop``."""
    candidate = regression["candidate_macro_f1"]
    active = regression.get("active_macro_f1")
    if active is None:
        return {"promote": True, "candidate_macro_f1": candidate, "active_macro_f1": None,
                "drop": None, "max_drop": max_drop,
                "reason": f"promoted: there is no active model to compare with "
                          f"(candidate macro-F1 {candidate:.4f})"}
    drop = round(active - candidate, 6)
    promote = drop <= max_drop
    verdict = "promoted" if promote else "not promoted"
    relation = "within" if promote else "more than"
    return {"promote": promote, "candidate_macro_f1": candidate, "active_macro_f1": active,
            "drop": drop, "max_drop": max_drop,
            "reason": f"{verdict}: macro-F1 on the regression set went from {active:.4f} (active) "
                      f"to {candidate:.4f} (candidate), a drop of {drop:.4f}, {relation} the "
                      f"allowed {max_drop:.4f}"}


def worker_command(argv: list[str]) -> list[str]:
    """The command line of the training process (tests wrap it to hold the process still)."""
    return [sys.executable, "-m", "server.learning.train_worker", *argv]


def _run_worker(job_id: str, conn: Connection, progress: ProgressCallback, *,
                timeout: float, key: str, argv: list[str]) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", KEY_ENV: key}
    timed_out = threading.Event()
    stderr_tail: list[str] = []
    result = error = None
    with subprocess.Popen(worker_command(argv), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2],
                          # Its own process group: stopping it stops its training processes too.
                          start_new_session=True) as proc:
        job_rows.set_worker(conn, job_id, proc.pid)
        timer = threading.Timer(timeout, lambda: (timed_out.set(), _kill(proc)))
        timer.start()
        drain = threading.Thread(target=_keep_tail, args=(proc.stderr, stderr_tail), daemon=True)
        drain.start()
        try:
            for line in proc.stdout:
                event = _parse(line)
                if event.get("event") == "progress":
                    progress(float(event.get("progress", 0)), str(event.get("stage", "")))
                elif event.get("event") == "result":
                    result = event
                elif event.get("event") == "error":
                    error = str(event.get("message", "unknown error"))
        finally:
            timer.cancel()
            if proc.poll() is None and result is None:
                _kill(proc)  # stopped reading early (an error here): do not leave it training
            proc.wait()
            drain.join(timeout=5)
            job_rows.set_worker(conn, job_id, None)
    code = proc.returncode
    if timed_out.is_set():
        raise RetrainFailed(f"the training took longer than RETRAIN_TIMEOUT ({timeout:g} s) and was "
                            "stopped; the active model is unchanged")
    if error is not None:
        raise RetrainFailed(f"training failed: {error}; the active model is unchanged")
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        raise RetrainFailed(f"the training process was killed ({name}); the active model is unchanged")
    if code != 0 or result is None:
        detail = f" ({_exception_name(stderr_tail)})" if _exception_name(stderr_tail) else ""
        raise RetrainFailed(f"the training process exited with status {code} without a result"
                            f"{detail}; the active model is unchanged")
    return result


def _kill(proc: subprocess.Popen) -> None:
    if proc.returncode is not None:
        return  # reaped: its process group id may belong to someone else by now
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _exception_name(stderr_tail: list[str]) -> str | None:
    """The type of the exception a crashed worker printed last, without its message."""
    last = stderr_tail[-1] if stderr_tail else ""
    name = last.split(":", 1)[0].strip()
    return name if name.isidentifier() or name.replace(".", "").isidentifier() else None


def _keep_tail(stream, tail: list[str], keep: int = 20) -> None:
    # The worker's stderr ends in a traceback if it crashed; only the exception's type is used.
    # On a busy machine the pipe may be closed (the job ended) before this thread has read it all,
    # and the pool processes of a killed worker may hold the pipe open after the join gave up and
    # the pipe was closed under this thread: either ends the tail, it is not an error.
    with contextlib.suppress(ValueError, OSError):
        for line in stream:
            if line.strip():
                tail.append(line.rstrip()[:500])
                del tail[:-keep]


def _parse(line: str) -> dict:
    try:
        event = json.loads(line)
    except json.JSONDecodeError:
        return {}
    return event if isinstance(event, dict) else {}


def _write_private(path: Path, lines) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")


def clean_work_dirs(app: Flask, conn: Connection) -> None:
    """Remove work folders (example copies) of jobs that are over, e.g. after a crash."""
    root = Path(app.config["DATA_DIR"]) / "jobs"
    if not root.is_dir():
        return
    for folder in root.iterdir():
        job = job_rows.get(conn, folder.name)
        if job is None or job["state"] not in job_rows.UNFINISHED:
            remove_work_dir(folder)


def includes_unreviewed(config) -> bool:
    """Whether retraining with this configuration also learns from examples still 'new'."""
    return _flag(config["RETRAIN_INCLUDE_UNREVIEWED"])


def _flag(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


FOLLOW_INTERVAL = 2.0


def init_app(app: Flask) -> None:
    """Have the server follow ACTIVE when another process (``reageerwijzer retrain`` or ``models
    activate``) changes it: checked before a request, at most every FOLLOW_INTERVAL seconds."""
    last_check = [float("-inf")]

    def follow() -> None:
        now = time.monotonic()
        if now - last_check[0] < FOLLOW_INTERVAL:
            return
        last_check[0] = now
        try:
            app.extensions["model_store"].follow_active()
        except (ModelStoreError, classifier.ModelFileError) as err:
            # Keep serving the loaded model; a bad ACTIVE must not turn requests into errors.
            log.error("cannot follow the ACTIVE model version: %s", err)

    app.before_request(follow)
    # A retraining killed with its server leaves its work folder (examples in plain text).
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        clean_work_dirs(app, conn)
