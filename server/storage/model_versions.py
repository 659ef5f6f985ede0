"""The model versions this server made, with their artifact hash and signature, and the ids of
the examples each was trained on. A version that is not recorded here is never loaded."""
from __future__ import annotations

from collections.abc import Iterable

from .connection import Connection, now, transaction

ADOPTED = "model_versions_adopted"


def record(conn: Connection, version: str, *, artifact_sha256: str, signature: str,
           example_ids: Iterable[int] = ()) -> None:
    with transaction(conn):
        conn.execute("INSERT INTO model_versions (version, artifact_sha256, signature, created_at)"
                     " VALUES (?, ?, ?, ?) ON CONFLICT (version) DO UPDATE SET"
                     " artifact_sha256 = excluded.artifact_sha256, signature = excluded.signature",
                     (version, artifact_sha256, signature, now()))
        conn.executemany("INSERT INTO model_version_examples (version, example_id) VALUES (?, ?)"
                         " ON CONFLICT DO NOTHING", [(version, int(i)) for i in example_ids])


def get(conn: Connection, version: str) -> dict | None:
    row = conn.execute("SELECT version, artifact_sha256, signature, created_at FROM model_versions"
                       " WHERE version = ?", (version,)).fetchone()
    return dict(row) if row else None


def recorded(conn: Connection) -> dict[str, dict]:
    rows = conn.execute("SELECT version, artifact_sha256, signature, created_at FROM model_versions")
    return {row["version"]: dict(row) for row in rows}


def forget(conn: Connection, version: str) -> None:
    conn.execute("DELETE FROM model_versions WHERE version = ?", (version,))


def example_ids(conn: Connection, version: str) -> list[int]:
    return [row[0] for row in conn.execute(
        "SELECT example_id FROM model_version_examples WHERE version = ? ORDER BY example_id",
        (version,))]


def carrying(conn: Connection, example_id: int) -> list[str]:
    """The recorded versions trained on example ``example_id``, oldest first."""
    return [row[0] for row in conn.execute(
        "SELECT version FROM model_version_examples WHERE example_id = ? ORDER BY version",
        (example_id,))]


def adopted(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM settings WHERE key = ?", (ADOPTED,)).fetchone() is not None


def mark_adopted(conn: Connection) -> None:
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                 (ADOPTED, now()))
