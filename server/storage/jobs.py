"""The ``jobs`` table: one row per background job, its state, progress, report and owner.

Plain SQL over a connection; what the states mean and who may own a job is ``learning.jobs``.
A finished job stays finished: the updates below change only unfinished rows and say whether
they did.
"""
from __future__ import annotations

import json

from .connection import Connection, Row, now

UNFINISHED = ("queued", "running")

_COLUMNS = ("id, kind, state, progress, stage, report, error, created_by, created_at, started_at, "
            "finished_at")
_IS_UNFINISHED = "state IN ('queued', 'running')"


def insert(conn: Connection, *, job_id: str, kind: str, created_by: str, owner_boot: str,
           owner_pid: int) -> None:
    """A queued job; IntegrityError when one of its kind is unfinished (the database's rule)."""
    conn.execute("INSERT INTO jobs (id, kind, state, created_by, owner_boot, owner_pid, created_at)"
                 " VALUES (?, ?, 'queued', ?, ?, ?, ?)",
                 (job_id, kind, created_by, owner_boot, owner_pid, now()))


def get(conn: Connection, job_id: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return _as_dict(row) if row else None


def unfinished(conn: Connection, kind: str) -> dict | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM jobs WHERE kind = ? AND {_IS_UNFINISHED}",
                       (kind,)).fetchone()
    return _as_dict(row) if row else None


def recent(conn: Connection, *, limit: int = 20) -> list[dict]:
    """The newest jobs first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM jobs ORDER BY created_at DESC, id LIMIT ?",
                        (limit,)).fetchall()
    return [_as_dict(row) for row in rows]


def owner(conn: Connection, job_id: str) -> dict | None:
    """Who runs the job: ``boot`` (its id) and ``pid`` (for people; never trusted)."""
    row = conn.execute("SELECT owner_boot AS boot, owner_pid AS pid FROM jobs WHERE id = ?",
                       (job_id,)).fetchone()
    return dict(row) if row else None


def unfinished_owners(conn: Connection) -> list[tuple[str, str | None]]:
    """(job id, owning boot) of every unfinished job."""
    rows = conn.execute(f"SELECT id, owner_boot FROM jobs WHERE {_IS_UNFINISHED}").fetchall()
    return [(row["id"], row["owner_boot"]) for row in rows]


def mark_running(conn: Connection, job_id: str) -> bool:
    """Start the queued job; False when it was ended meanwhile."""
    return conn.execute("UPDATE jobs SET state = 'running', started_at = ? WHERE id = ?"
                        " AND state = 'queued'", (now(), job_id)).rowcount > 0


def set_worker(conn: Connection, job_id: str, pid: int | None) -> None:
    conn.execute("UPDATE jobs SET worker_pid = ? WHERE id = ?", (pid, job_id))


def set_progress(conn: Connection, job_id: str, progress: float, stage: str) -> bool:
    """Record progress; False when the job is no longer running (someone ended it)."""
    return conn.execute("UPDATE jobs SET progress = ?, stage = ? WHERE id = ? AND state = 'running'",
                        (max(0.0, min(1.0, progress)), stage, job_id)).rowcount > 0


def succeed(conn: Connection, job_id: str, report: dict) -> bool:
    """End the job with its report; False (nothing changed) when it had ended already."""
    return conn.execute(f"UPDATE jobs SET state = 'succeeded', progress = 1, stage = 'done', report = ?,"
                        f" finished_at = ?, worker_pid = NULL WHERE id = ? AND {_IS_UNFINISHED}",
                        (json.dumps(report), now(), job_id)).rowcount > 0


def fail(conn: Connection, job_id: str, reason: str, report: dict | None = None) -> bool:
    """End the job as failed; False (nothing changed) when it had ended already."""
    return conn.execute(f"UPDATE jobs SET state = 'failed', error = ?, report = ?, finished_at = ?,"
                        f" worker_pid = NULL WHERE id = ? AND {_IS_UNFINISHED}",
                        (reason, json.dumps(report) if report is not None else None, now(),
                         job_id)).rowcount > 0


def _as_dict(row: Row) -> dict:
    job = dict(row)
    job["report"] = json.loads(job["report"]) if job["report"] else None
    return job
