"""Background jobs (retraining), kept in the database so their outcome survives a restart.

A job is queued, then running, then succeeded or failed, with a progress fraction, the stage it
is in and, at the end, a report (JSON) or the reason it failed. At most one unfinished job of a
kind exists at a time: the database enforces it, so a server and a ``reageerwijzer retrain`` on
the same data cannot both train.

A job is owned by the boot that created it (``boot.Boot``: one start of a server or command),
never by a process id, which a restarted server may have again. When a server starts it fails
the unfinished jobs whose boot is gone, and ``reageerwijzer jobs fail ID`` ends any unfinished
job by hand. A job that is over stays over: finishing it again changes nothing.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import uuid
from pathlib import Path

from flask import Flask

from ..storage import connection as db
from . import boot

log = logging.getLogger(__name__)

KINDS = ("retrain",)
UNFINISHED = ("queued", "running")

_COLUMNS = ("id, kind, state, progress, stage, report, error, created_by, created_at, started_at, "
            "finished_at")
_IS_UNFINISHED = "state IN ('queued', 'running')"


class JobRunning(Exception):
    """A job of this kind is unfinished already; ``job`` is that job."""

    def __init__(self, job: dict) -> None:
        super().__init__(f"{job['kind']} job {job['id']} is {job['state']} already")
        self.job = job


def create(conn: sqlite3.Connection, *, kind: str, created_by: str, owner: str,
           boots_dir: str | os.PathLike | None = None) -> dict:
    """A new queued job owned by boot ``owner``; JobRunning when one of its kind is unfinished.

    With ``boots_dir``, an unfinished job whose owning boot is gone is failed first, so a
    server that died mid-job does not block the others until something restarts.

    The process id is kept for people reading ``jobs list``, never to decide anything.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    job_id = uuid.uuid4().hex
    try:
        conn.execute("INSERT INTO jobs (id, kind, state, created_by, owner_boot, owner_pid, created_at)"
                     " VALUES (?, ?, 'queued', ?, ?, ?, ?)",
                     (job_id, kind, created_by, owner, os.getpid(), db.now()))
    except sqlite3.IntegrityError:
        running = unfinished(conn, kind)
        if running is not None and boots_dir is not None and _abandoned(conn, boots_dir, running):
            # Its server died mid-job (another machine, or before anyone restarted it).
            fail(conn, running["id"], ABANDONED_REASON)
            running = None
        if running is None:  # it finished in between; one more try is enough
            return create(conn, kind=kind, created_by=created_by, owner=owner, boots_dir=boots_dir)
        raise JobRunning(running) from None
    return get(conn, job_id)


def get(conn: sqlite3.Connection, job_id: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return _as_dict(row) if row else None


def unfinished(conn: sqlite3.Connection, kind: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE kind = ? AND {_IS_UNFINISHED}",
                       (kind,)).fetchone()
    return _as_dict(row) if row else None


def recent(conn: sqlite3.Connection, *, limit: int = 20) -> list[dict]:
    """The newest jobs first (for ``reageerwijzer jobs list``)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY created_at DESC, id LIMIT ?",
                        (limit,)).fetchall()
    return [_as_dict(row) for row in rows]


def mark_running(conn: sqlite3.Connection, job_id: str) -> bool:
    """Start the queued job; False when it was ended meanwhile (``jobs fail``)."""
    return conn.execute("UPDATE jobs SET state = 'running', started_at = ? WHERE id = ?"
                        " AND state = 'queued'", (db.now(), job_id)).rowcount > 0


def set_worker(conn: sqlite3.Connection, job_id: str, pid: int | None) -> None:
    conn.execute("UPDATE jobs SET worker_pid = ? WHERE id = ?", (pid, job_id))


def set_progress(conn: sqlite3.Connection, job_id: str, progress: float, stage: str) -> bool:
    """Record progress; False when the job is no longer running (someone ended it)."""
    return conn.execute("UPDATE jobs SET progress = ?, stage = ? WHERE id = ? AND state = 'running'",
                        (max(0.0, min(1.0, progress)), stage, job_id)).rowcount > 0


def succeed(conn: sqlite3.Connection, job_id: str, report: dict) -> bool:
    """End the job with its report; False (nothing changed) when it had ended already."""
    return conn.execute(f"UPDATE jobs SET state = 'succeeded', progress = 1, stage = 'done', report = ?,"
                        f" finished_at = ?, worker_pid = NULL WHERE id = ? AND {_IS_UNFINISHED}",
                        (json.dumps(report), db.now(), job_id)).rowcount > 0


def fail(conn: sqlite3.Connection, job_id: str, reason: str, report: dict | None = None) -> bool:
    """End the job as failed; False (nothing changed) when it had ended already."""
    return conn.execute(f"UPDATE jobs SET state = 'failed', error = ?, report = ?, finished_at = ?,"
                        f" worker_pid = NULL WHERE id = ? AND {_IS_UNFINISHED}",
                        (reason, json.dumps(report) if report is not None else None, db.now(),
                         job_id)).rowcount > 0


def owner(conn: sqlite3.Connection, job_id: str) -> dict | None:
    """Who runs the job: ``boot`` (its id) and ``pid`` (for people; never trusted)."""
    row = conn.execute("SELECT owner_boot AS boot, owner_pid AS pid FROM jobs WHERE id = ?",
                       (job_id,)).fetchone()
    return dict(row) if row else None


def fail_abandoned(conn: sqlite3.Connection, boots_dir: str | os.PathLike) -> list[str]:
    """Mark failed the unfinished jobs whose owning boot is gone; returns their ids."""
    rows = conn.execute(f"SELECT id, owner_boot FROM jobs WHERE {_IS_UNFINISHED}").fetchall()
    abandoned = [row["id"] for row in rows if _abandoned(conn, boots_dir, row)]
    for job_id in abandoned:
        fail(conn, job_id, ABANDONED_REASON)
    return abandoned


ABANDONED_REASON = ("the server running this job stopped before it finished; the active model "
                    "was not changed")


def _abandoned(conn, boots_dir, job) -> bool:
    # A row (sqlite3.Row: ``in`` looks at values) or a dict: ask its keys.
    has_boot = "owner_boot" in job.keys()  # noqa: SIM118
    owner_boot = job["owner_boot"] if has_boot else owner(conn, job["id"])["boot"]
    return not owner_running(conn, boots_dir, owner_boot)


def owner_running(conn, boots_dir, boot_id: str | None) -> bool:
    """Whether boot ``boot_id`` still runs: PostgreSQL tells by the boot's advisory lock (any
    machine), SQLite by its lock file in ``boots_dir``."""
    alive = db.boot_alive(conn, boot_id)
    if alive is None:
        alive = boot.is_running(boots_dir, boot_id)
    return alive


def boots_dir(config) -> Path:
    """Where the boots of every process sharing this data folder keep their locks."""
    return Path(config["DATA_DIR"]) / "boots"


def _as_dict(row: sqlite3.Row) -> dict:
    job = dict(row)
    job["report"] = json.loads(job["report"]) if job["report"] else None
    return job


def init_app(app: Flask) -> None:
    """Start this app's boot, then fail the jobs that stopped servers left unfinished."""
    folder = boots_dir(app.config)
    app.extensions["boot"] = this_boot = boot.Boot(folder)
    lock = app.extensions["db"].hold_boot(this_boot.id)
    if lock is not None:
        this_boot.hold(lock)
    boot.sweep(folder)
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        abandoned = fail_abandoned(conn, folder)
    if abandoned:
        log.warning("marked %d unfinished job(s) of a stopped server failed: %s",
                    len(abandoned), ", ".join(abandoned))
