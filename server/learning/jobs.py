"""Background jobs (retraining), kept in the database so their outcome survives a restart.

A job is queued, then running, then succeeded or failed, with a progress fraction, the stage it
is in and, at the end, a report (JSON) or the reason it failed. At most one unfinished job of a
kind exists at a time: the database enforces it, so a server and a ``reageerwijzer retrain`` on
the same data cannot both train. A job whose owning process is gone (the server was stopped or
crashed) is marked failed when the next server starts.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import uuid

from flask import Flask

from ..storage import connection as db

log = logging.getLogger(__name__)

KINDS = ("retrain",)
UNFINISHED = ("queued", "running")

_COLUMNS = ("id, kind, state, progress, stage, report, error, created_by, created_at, started_at, "
            "finished_at")


class JobRunning(Exception):
    """A job of this kind is unfinished already; ``job`` is that job."""

    def __init__(self, job: dict) -> None:
        super().__init__(f"{job['kind']} job {job['id']} is {job['state']} already")
        self.job = job


def create(conn: sqlite3.Connection, *, kind: str, created_by: str) -> dict:
    """A new queued job, owned by this process; JobRunning when one of its kind is unfinished."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    job_id = uuid.uuid4().hex
    try:
        conn.execute("INSERT INTO jobs (id, kind, state, created_by, owner_pid, created_at)"
                     " VALUES (?, ?, 'queued', ?, ?, ?)",
                     (job_id, kind, created_by, os.getpid(), db.now()))
    except sqlite3.IntegrityError:
        running = unfinished(conn, kind)
        if running is None:  # it finished in between; one more try is enough
            return create(conn, kind=kind, created_by=created_by)
        raise JobRunning(running) from None
    return get(conn, job_id)


def get(conn: sqlite3.Connection, job_id: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return _as_dict(row) if row else None


def unfinished(conn: sqlite3.Connection, kind: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE kind = ? AND state IN ('queued', 'running')",
                       (kind,)).fetchone()
    return _as_dict(row) if row else None


def recent(conn: sqlite3.Connection, *, limit: int = 20) -> list[dict]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY created_at DESC, id LIMIT ?",
                        (limit,)).fetchall()
    return [_as_dict(row) for row in rows]


def mark_running(conn: sqlite3.Connection, job_id: str) -> None:
    conn.execute("UPDATE jobs SET state = 'running', started_at = ?, owner_pid = ? WHERE id = ?",
                 (db.now(), os.getpid(), job_id))


def set_worker(conn: sqlite3.Connection, job_id: str, pid: int | None) -> None:
    conn.execute("UPDATE jobs SET worker_pid = ? WHERE id = ?", (pid, job_id))


def worker_pid(conn: sqlite3.Connection, job_id: str) -> int | None:
    row = conn.execute("SELECT worker_pid FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return row[0] if row else None


def set_progress(conn: sqlite3.Connection, job_id: str, progress: float, stage: str) -> None:
    conn.execute("UPDATE jobs SET progress = ?, stage = ? WHERE id = ? AND state = 'running'",
                 (max(0.0, min(1.0, progress)), stage, job_id))


def succeed(conn: sqlite3.Connection, job_id: str, report: dict) -> None:
    conn.execute("UPDATE jobs SET state = 'succeeded', progress = 1, stage = 'done', report = ?,"
                 " finished_at = ?, worker_pid = NULL WHERE id = ?",
                 (json.dumps(report), db.now(), job_id))


def fail(conn: sqlite3.Connection, job_id: str, reason: str, report: dict | None = None) -> None:
    conn.execute("UPDATE jobs SET state = 'failed', error = ?, report = ?, finished_at = ?,"
                 " worker_pid = NULL WHERE id = ?",
                 (reason, json.dumps(report) if report is not None else None, db.now(), job_id))


def fail_orphans(conn: sqlite3.Connection) -> list[str]:
    """Mark failed the unfinished jobs whose owning process is gone; returns their ids."""
    rows = conn.execute("SELECT id, owner_pid FROM jobs WHERE state IN ('queued', 'running')").fetchall()
    orphans = [row["id"] for row in rows if not _alive(row["owner_pid"])]
    for job_id in orphans:
        fail(conn, job_id, "the server running this job stopped before it finished; "
                           "the active model was not changed")
    return orphans


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def _as_dict(row: sqlite3.Row) -> dict:
    job = dict(row)
    job["report"] = json.loads(job["report"]) if job["report"] else None
    return job


def init_app(app: Flask) -> None:
    """Fail the jobs a stopped server left unfinished, so nobody waits for them."""
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        orphans = fail_orphans(conn)
    if orphans:
        log.warning("marked %d unfinished job(s) of a stopped server failed: %s",
                    len(orphans), ", ".join(orphans))
