"""The database: one small layer between the server and its SQL store.

The store is named by the ``DATABASE`` setting, a URL in the style of DATABASE_URL
(``sqlite:////srv/reageerwijzer/reageerwijzer.sqlite3``) or a plain file path; unset, it is an
SQLite file in the data folder. Only SQLite is implemented. The rest of the server speaks plain
SQL that PostgreSQL understands as well (``?`` placeholders, ``INSERT ... RETURNING``,
``ON CONFLICT``, ISO-8601 text timestamps), so a PostgreSQL backend needs a ``connect()`` that
translates placeholders and its own schema script, not changes throughout the code.

In the app a request gets one connection (``get_db()``), closed when the app context ends. The
schema is created and migrated at startup, tracked with ``PRAGMA user_version``.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, g

from .migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000

class DatabaseError(Exception):
    """The database setting cannot be used; the message names it."""


def now() -> str:
    """The current time as stored: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sqlite_path(url: str) -> Path:
    """The file an SQLite ``DATABASE`` value points to (``sqlite:///rel``, ``sqlite:////abs`` or a path)."""
    if "://" not in url:
        return Path(url)
    parts = urlsplit(url)
    if parts.scheme != "sqlite":
        raise DatabaseError(f"unsupported DATABASE {parts.scheme + '://...'!r}: only sqlite is implemented")
    path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
    if not path:
        raise DatabaseError(f"DATABASE {url!r} names no file")
    return Path(path)


class Database:
    """One SQL store: opens configured connections and keeps the schema up to date."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)

    def connect(self, *, check_same_thread: bool = True) -> sqlite3.Connection:
        """A new connection in autocommit mode; use ``transaction()`` to group statements.

        ``check_same_thread=False`` is for a long-lived connection that its owner guards with
        a lock (the token cache in ``auth``).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=check_same_thread)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Erased examples are overwritten with zeros, not just unlinked.
        conn.execute("PRAGMA secure_delete = ON")
        return conn

    def make_private(self) -> None:
        """The database file and its -wal/-shm readable by this user only, whatever the umask.

        Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files it makes
        later the database file's mode.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(FileNotFoundError):
                if os.stat(path).st_mode & 0o077:
                    os.chmod(path, 0o600)

    def migrate(self) -> int:
        """Create or upgrade the schema; returns the schema version."""
        self.make_private()
        with contextlib.closing(self.connect()) as conn:
            # WAL: readers (classify, lists) never wait for the writer; set once, kept in the file.
            conn.execute("PRAGMA journal_mode = WAL")
            with transaction(conn):
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    raise DatabaseError(f"database {self.path} has schema version {version}, newer "
                                        f"than this server's {len(MIGRATIONS)}; upgrade the server")
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in _statements(script):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
            return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block as one write transaction (taken up front, so it cannot deadlock on upgrade)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class CheckpointError(DatabaseError):
    """The write-ahead log could not be emptied: erased rows may still be in it."""


CHECKPOINT_ATTEMPTS = 10
CHECKPOINT_WAIT_MS = 100


def checkpoint(conn: sqlite3.Connection, *, attempts: int | None = None, pause: float = 0.05) -> None:
    """Copy the write-ahead log into the database file and empty it (after an erasure).

    A reader holding an old snapshot keeps the log from being emptied (SQLite answers "busy"
    in the result row, not with an error), and the erased row stays readable in it. So the
    result is checked and the checkpoint retried (each try waits CHECKPOINT_WAIT_MS for the
    readers, not the usual busy timeout); CheckpointError when it never succeeds.
    """
    attempts = CHECKPOINT_ATTEMPTS if attempts is None else attempts
    conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
    try:
        for attempt in range(attempts):
            busy, _log_frames, _copied = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            time.sleep(pause * (attempt + 1))
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    raise CheckpointError(f"the write-ahead log could not be emptied after {attempts} tries "
                          "(another connection holds an old snapshot); the erased data may remain "
                          "in the -wal file until the next checkpoint")


def from_config(config) -> Database:
    """The database an app's configuration names: DATABASE, or a file in DATA_DIR."""
    url = config.get("DATABASE") or str(Path(config["DATA_DIR"]) / "reageerwijzer.sqlite3")
    return Database(str(url))


def init_app(app: Flask) -> None:
    database = from_config(app.config)
    database.migrate()
    app.extensions["db"] = database
    app.teardown_appcontext(_close)


def get_db() -> sqlite3.Connection:
    """This app context's connection, opened on first use."""
    if "db_conn" not in g:
        g.db_conn = current_app.extensions["db"].connect()
    return g.db_conn


def _close(_exc: BaseException | None) -> None:
    conn = g.pop("db_conn", None)
    if conn is not None:
        conn.close()
