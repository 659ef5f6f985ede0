"""The connection to the SQL store: the one module that knows the store is SQLite.

The store is named by the ``DATABASE`` setting, a URL in the style of DATABASE_URL: unset, an
SQLite file in the data folder; ``sqlite:////srv/reageerwijzer/reageerwijzer.sqlite3`` or a
plain file path, SQLite; ``postgresql://user:pass@host/db``, PostgreSQL (``postgres``). The
rest of the server speaks one SQL for both (``?`` placeholders, ``INSERT ... RETURNING``,
``ON CONFLICT``, ISO-8601 text timestamps). What differs lives in two classes, nowhere else:
``Database`` here for SQLite, ``postgres.PostgresDatabase`` for PostgreSQL (placeholders,
column types of the one migration history, errors, erasure, locks); ``Database(url)`` picks
the class from the URL.

Everything SQLite-specific is here (the driver, the pragmas, the checkpoint after an erasure,
the change counter the token cache watches); everything PostgreSQL-specific is in ``postgres``.
Other modules use the names below for the driver's types (``Connection``, ``Row``,
``IntegrityError``, ``Error``); the PostgreSQL errors subclass the same ones. The schema
(``migrations``) is created and migrated at startup and by ``reageerwijzer db upgrade``,
tracked with ``PRAGMA user_version`` (SQLite) or the ``schema_version`` table (PostgreSQL).
The app's per-request connection is ``server.database``; nothing here knows about Flask.
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

from .migrations import MIGRATIONS, migration_script  # noqa: F401 -- part of this module's API

Connection = sqlite3.Connection
Row = sqlite3.Row
# A constraint said no (a unique name, one unfinished job per kind).
IntegrityError = sqlite3.IntegrityError
# Anything the store can raise.
Error = sqlite3.Error

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
        raise DatabaseError(f"unsupported DATABASE {parts.scheme + '://...'!r}: use sqlite:// "
                            "or postgresql://")
    path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
    if not path:
        raise DatabaseError(f"DATABASE {url!r} names no file")
    return Path(path)


POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in POSTGRES_SCHEMES if "://" in url else False


class Database:
    """One SQL store: opens configured connections and keeps the schema up to date.

    This class is the SQLite store; ``Database("postgresql://...")`` makes a
    ``postgres.PostgresDatabase`` with the same methods.
    """

    dialect = "sqlite"

    def __new__(cls, url: str, **kwargs):
        if cls is Database and is_postgres(str(url)):
            from .postgres import PostgresDatabase
            return super().__new__(PostgresDatabase)
        return super().__new__(cls)

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)

    def describe(self) -> str:
        """The store for people and logs (never a password)."""
        return f"SQLite {self.path}"

    def close(self) -> None:
        """Let go of pooled connections (SQLite keeps none)."""

    def connect(self, *, check_same_thread: bool = True) -> Connection:
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
        with contextlib.suppress(FileExistsError):
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
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
                for number in range(version + 1, len(MIGRATIONS) + 1):
                    for statement in _statements(migration_script(number, self.dialect)):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
            return len(MIGRATIONS)

    def schema_version(self) -> int:
        with contextlib.closing(self.connect()) as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]

    def hold_boot(self, boot_id: str):
        """Nothing: with SQLite every process is on one machine and boots hold a file lock."""
        return None


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """Run the block as one write transaction (taken up front, so it cannot deadlock on upgrade)."""
    conn.execute(getattr(conn, "BEGIN_WRITE", "BEGIN IMMEDIATE"))
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
    if not isinstance(conn, sqlite3.Connection):
        conn.checkpoint()  # PostgreSQL: VACUUM (see postgres.PgConnection.checkpoint)
        return
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


def data_version(conn) -> object:
    """A value that changes when another connection changed the database (SQLite's
    ``data_version``). PostgreSQL has no such counter: a fresh value each time, so a cache
    reads its (small) table again whenever it checks."""
    if isinstance(conn, sqlite3.Connection):
        # fetchall() ends the statement, so the connection holds no read snapshot afterwards.
        return conn.execute("PRAGMA data_version").fetchall()[0][0]
    return object()


def boot_alive(conn, boot_id: str | None) -> bool | None:
    """Whether the boot ``boot_id`` still holds its database lock: PostgreSQL only (an advisory
    lock on its own connection, let go when that connection ends, on whatever machine);
    None with SQLite, where the boot's file lock says."""
    if isinstance(conn, sqlite3.Connection):
        return None
    return conn.boot_alive(boot_id)


def from_config(config) -> Database:
    """The database an app's configuration names: DATABASE, or a file in DATA_DIR."""
    url = config.get("DATABASE") or str(Path(config["DATA_DIR"]) / "reageerwijzer.sqlite3")
    return Database(str(url))
