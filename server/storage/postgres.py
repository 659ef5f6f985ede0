"""PostgreSQL: everything in which the server's PostgreSQL store differs from SQLite, in one place.

``DATABASE=postgresql://user:pass@host/db`` makes ``connection.Database`` a ``PostgresDatabase``.
The rest of the server keeps speaking one SQL; this module

- turns its ``?`` placeholders into psycopg's ``%s`` (``PgConnection.execute``),
- gives rows that read like ``sqlite3.Row`` (``row[0]``, ``row["name"]``, ``dict(row)``),
- raises psycopg's errors as subclasses of the ``sqlite3`` ones the server already catches
  (``IntegrityError`` for a duplicate, ``OperationalError`` for an unreachable server), with
  PostgreSQL's primary message only: its DETAIL line quotes the values (a post text),
- turns the migrations (written in SQLite's SQL) into PostgreSQL's (``schema_script``),
- erases with ``VACUUM`` instead of a WAL checkpoint (``PgConnection.checkpoint``),
- and holds a boot's advisory lock, so every server can tell whether the server that owns a
  job is still there, on whatever machine it runs (``hold_boot``, ``PgConnection.boot_alive``).

Connections come from one ``psycopg_pool.ConnectionPool`` per process; ``close()`` gives a
connection back. psycopg is imported only when a PostgreSQL URL is configured.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import sqlite3
import threading
import weakref
from urllib.parse import urlsplit

import psycopg
from psycopg_pool import ConnectionPool

from .connection import Database, DatabaseError, transaction
from .migrations import MIGRATIONS, migration_script

# Connections one server process keeps at most: waitress's threads, the token cache and a
# retraining. More requests than that wait (POOL_TIMEOUT) for one to come back.
POOL_MAX = 16
POOL_TIMEOUT = 10.0
CONNECT_TIMEOUT = 10
# Advisory lock keys (two int4): the namespace, then what is locked.
LOCK_NAMESPACE = 0x52570001
MIGRATION_LOCK = 1


# -- the schema --------------------------------------------------------------------------------

# The first line of a migration that exists only for SQLite (it says why PostgreSQL needs nothing).
SQLITE_ONLY = "-- sqlite only:"


def schema_script(number: int, script: str) -> str:
    """Migration ``number`` in PostgreSQL's SQL: identity keys, 64-bit integers, double floats."""
    if script.strip().startswith(SQLITE_ONLY):
        return ""
    script = re.sub(r"\bINTEGER PRIMARY KEY(?: AUTOINCREMENT)?",
                    "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", script)
    script = re.sub(r"\bINTEGER\b", "BIGINT", script)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", script)


# -- errors --------------------------------------------------------------------------------------

class IntegrityError(sqlite3.IntegrityError):
    """A constraint held (duplicate, check): raised where SQLite raises its IntegrityError."""


class OperationalError(sqlite3.OperationalError):
    """PostgreSQL cannot be reached or refused the operation (as sqlite3's OperationalError)."""


class Error(sqlite3.DatabaseError):
    """Any other PostgreSQL error."""


def _translated(err: psycopg.Error) -> sqlite3.Error:
    if isinstance(err, psycopg.IntegrityError):
        cls = IntegrityError
    elif isinstance(err, psycopg.OperationalError | psycopg.errors.QueryCanceled):
        cls = OperationalError
    else:
        cls = Error
    primary = getattr(getattr(err, "diag", None), "message_primary", None)
    # A connection error has no diag; its text names host and port, never the password.
    text = str(err).strip()
    message = primary or (text.splitlines()[0] if text else type(err).__name__)
    return cls(f"PostgreSQL: {message}")


@contextlib.contextmanager
def _translating():
    try:
        yield
    except psycopg.Error as err:
        raise _translated(err) from err


# -- rows and connections ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type:
    index = {name: i for i, name in enumerate(names)}

    class Row(tuple):
        """A result row read like ``sqlite3.Row``: by position, by column name, ``dict(row)``."""
        __slots__ = ()

        def __getitem__(self, key):
            if isinstance(key, str):
                return tuple.__getitem__(self, index[key])
            return tuple.__getitem__(self, key)

        def keys(self) -> list[str]:
            return list(names)

    return Row


def _rows(cursor):
    if cursor.description is None:
        return None
    cls = _row_class(tuple(column.name for column in cursor.description))
    return cls


def _placeholders(sql: str) -> str:
    # The server's SQL has no '?' or '%' in literals; psycopg wants %s and a literal %%.
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A pooled psycopg connection that behaves like the server's sqlite3 connections:
    autocommit, ``execute(sql, params)`` with ``?``, ``transaction()`` groups statements."""

    BEGIN_WRITE = "BEGIN"  # what connection.transaction() opens (SQLite: BEGIN IMMEDIATE)

    def __init__(self, raw: psycopg.Connection, release) -> None:
        self._raw = raw
        self._release = release

    def execute(self, sql: str, params=()):
        cursor = self._raw.cursor(row_factory=_row_factory)
        with _translating():
            if params:
                return cursor.execute(_placeholders(sql), tuple(params))
            return cursor.execute(sql)

    def executemany(self, sql: str, seq_of_params):
        seq = [tuple(p) for p in seq_of_params]
        cursor = self._raw.cursor()
        if seq:
            with _translating():
                cursor.executemany(_placeholders(sql), seq)
        return cursor

    def checkpoint(self) -> None:
        """After an erasure: VACUUM the examples, so the deleted row's tuple is pruned from its
        pages and indexes instead of waiting for autovacuum (see the README on what it does not
        guarantee: WAL segments and backups keep their copies until they are recycled)."""
        with _translating():
            self._raw.execute("VACUUM examples")

    def boot_alive(self, boot_id: str | None) -> bool:
        if not boot_id:
            return False
        key = boot_lock_key(boot_id)
        with _translating():
            got = self._raw.execute("SELECT pg_try_advisory_lock(%s, %s)",
                                    (LOCK_NAMESPACE, key)).fetchone()[0]
            if got:
                self._raw.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_NAMESPACE, key))
        return not got

    def close(self) -> None:
        raw, self._raw = self._raw, None
        if raw is not None:
            self._release(raw)


def _row_factory(cursor):
    cls = _rows(cursor)
    if cls is None:
        return tuple
    return cls


def boot_lock_key(boot_id: str) -> int:
    return int.from_bytes(hashlib.sha256(boot_id.encode()).digest()[:4], "big", signed=True)


class BootLock:
    """A boot's advisory lock on a connection of its own: PostgreSQL lets go of it when that
    connection ends, whether the process exits, is killed or its machine drops off the network
    (then after the server's TCP keepalive gives up)."""

    def __init__(self, url: str, boot_id: str) -> None:
        with _translating():
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                         application_name="reageerwijzer boot")
            self._conn.execute("SELECT pg_advisory_lock(%s, %s)",
                               (LOCK_NAMESPACE, boot_lock_key(boot_id)))
        self._closer = weakref.finalize(self, self._conn.close)

    def close(self) -> None:
        self._closer()


# -- the store --------------------------------------------------------------------------------------

class _Pool(ConnectionPool):
    """A pool that may be garbage-collected in one of its own worker threads (a store nobody
    closed): psycopg_pool's ``__del__`` would then join the thread it runs in. There it only
    signals the workers to stop instead."""

    def __del__(self) -> None:
        if threading.current_thread() in getattr(self, "_workers", ()):
            if not getattr(self, "_closed", True):
                self._signal_stop_worker()
            return
        super().__del__()


class PostgresDatabase(Database):
    """A PostgreSQL store: a connection pool, the migrations under an advisory lock."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if not parts.hostname and "host=" not in (parts.query or ""):
            raise DatabaseError("DATABASE postgresql://... names no host")
        self.url = url
        self.path = None
        self._pool: ConnectionPool | None = None
        self._pool_lock = threading.Lock()

    def describe(self) -> str:
        parts = urlsplit(self.url)
        port = f":{parts.port}" if parts.port else ""
        return f"PostgreSQL {parts.hostname}{port}{parts.path}"

    def _direct(self) -> PgConnection:
        with _translating():
            raw = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                  application_name="reageerwijzer")
        return PgConnection(raw, lambda c: c.close())

    def _get_pool(self) -> ConnectionPool:
        with self._pool_lock:
            if self._pool is None:
                self._pool = _Pool(
                    self.url, min_size=1, max_size=POOL_MAX, timeout=POOL_TIMEOUT, open=True,
                    kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT,
                            "application_name": "reageerwijzer"},
                    check=ConnectionPool.check_connection, name="reageerwijzer")
            return self._pool

    def connect(self, *, check_same_thread: bool = True) -> PgConnection:
        """A pooled connection in autocommit mode; ``close()`` gives it back."""
        pool = self._get_pool()
        with _translating():
            raw = pool.getconn()
        return PgConnection(raw, pool.putconn)

    def close(self) -> None:
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def migrate(self) -> int:
        """Create or upgrade the schema; servers starting together take turns (advisory lock)."""
        with contextlib.closing(self._direct()) as conn, transaction(conn):
            conn.execute("SELECT pg_advisory_xact_lock(?, ?)", (LOCK_NAMESPACE, MIGRATION_LOCK))
            version = self._read_version(conn)
            if version > len(MIGRATIONS):
                raise DatabaseError(f"database {self.describe()} has schema version {version}, "
                                    f"newer than this server's {len(MIGRATIONS)}; upgrade the server")
            for number in range(version + 1, len(MIGRATIONS) + 1):
                for statement in _statements(migration_script(number, self.dialect)):
                    conn.execute(statement)
                conn.execute("UPDATE schema_version SET version = ?", (number,))
        return len(MIGRATIONS)

    @staticmethod
    def _read_version(conn: PgConnection) -> int:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        if row is None:
            conn.execute("INSERT INTO schema_version (version) VALUES (0)")
            return 0
        return row[0]

    def schema_version(self) -> int:
        with contextlib.closing(self._direct()) as conn:
            exists = conn.execute("SELECT to_regclass('schema_version')").fetchone()[0]
            if exists is None:
                return 0
            return conn.execute("SELECT version FROM schema_version").fetchone()[0]

    def hold_boot(self, boot_id: str) -> BootLock:
        return BootLock(self.url, boot_id)


def _statements(script: str) -> list[str]:
    from .connection import _statements as split
    return split(script)
