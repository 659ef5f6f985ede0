"""Background jobs (retraining): who owns one, and what happens to jobs whose owner is gone.

A job is queued, then running, then succeeded or failed, with a progress fraction, the stage it
is in and, at the end, a report or the reason it failed; it is kept in the database
(``storage.jobs``), so its outcome survives a restart. At most one unfinished job of a kind
exists at a time: the database enforces it, so a server and a ``reageerwijzer retrain`` on the
same data cannot both train.

A job is owned by the boot that created it (``boot.Boot``: one start of a server or command),
never by a process id, which a restarted server may have again. When a server starts it fails
the unfinished jobs whose boot is gone, and ``reageerwijzer jobs fail ID`` ends any unfinished
job by hand.
"""
from __future__ import annotations

import contextlib
import logging
import os
import uuid
from pathlib import Path

from flask import Flask

from ..storage import connection as db
from ..storage import jobs as job_rows
from ..storage.connection import Connection, IntegrityError
from . import boot

log = logging.getLogger(__name__)

KINDS = ("retrain",)
ABANDONED = "the server running this job stopped before it finished; the active model was not changed"


class JobRunning(Exception):
    """A job of this kind is unfinished already; ``job`` is that job."""

    def __init__(self, job: dict) -> None:
        super().__init__(f"{job['kind']} job {job['id']} is {job['state']} already")
        self.job = job


def create(conn: Connection, *, kind: str, created_by: str, owner: str,
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
        job_rows.insert(conn, job_id=job_id, kind=kind, created_by=created_by, owner_boot=owner,
                        owner_pid=os.getpid())
    except IntegrityError:
        running = job_rows.unfinished(conn, kind)
        if running is not None and boots_dir is not None \
                and not owner_running(conn, boots_dir, running["id"])[0]:
            # Its server died mid-job (another machine, or before anyone restarted it).
            job_rows.fail(conn, running["id"], ABANDONED)
            running = None
        if running is None:  # it finished in between; one more try is enough
            return create(conn, kind=kind, created_by=created_by, owner=owner, boots_dir=boots_dir)
        raise JobRunning(running) from None
    return job_rows.get(conn, job_id)


def fail_abandoned(conn: Connection, boots_dir: str | os.PathLike) -> list[str]:
    """Mark failed the unfinished jobs whose owning boot is gone; returns their ids."""
    abandoned = [job_id for job_id, owner in job_rows.unfinished_owners(conn)
                 if not boot_running(conn, boots_dir, owner)]
    for job_id in abandoned:
        job_rows.fail(conn, job_id, ABANDONED)
    return abandoned


def owner_running(conn: Connection, boots_dir: str | os.PathLike, job_id: str) -> tuple[bool, int | None]:
    """Whether the job's owning boot still runs, and the process id it had (for people)."""
    owner = job_rows.owner(conn, job_id) or {}
    return boot_running(conn, boots_dir, owner.get("boot")), owner.get("pid")


def boot_running(conn: Connection, boots_dir: str | os.PathLike, boot_id: str | None) -> bool:
    """Whether boot ``boot_id`` still runs: PostgreSQL tells by the boot's advisory lock (any
    machine), SQLite by its lock file in ``boots_dir``."""
    alive = db.boot_alive(conn, boot_id)
    if alive is None:
        alive = boot.is_running(boots_dir, boot_id)
    return alive


def boots_dir(config) -> Path:
    """Where the boots of every process sharing this data folder keep their locks."""
    return Path(config["DATA_DIR"]) / "boots"


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
