"""The ``tokens`` table: token hashes with their holder's name and role, and when revoked.

Plain SQL over a connection; what a token may do is ``server.auth``.
"""
from __future__ import annotations

from .connection import Connection, now


def insert(conn: Connection, *, name: str, role: str, token_hash: str) -> None:
    """A new active token; IntegrityError when an active one has this name (or this hash)."""
    conn.execute("INSERT INTO tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)",
                 (name, role, token_hash, now()))


def revoke(conn: Connection, name: str) -> bool:
    """End the active token called ``name``; False when there is none."""
    return conn.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                        (now(), name)).rowcount > 0


def listing(conn: Connection) -> list[dict]:
    """Every token ever made, oldest first, without hashes."""
    rows = conn.execute("SELECT name, role, created_at, revoked_at FROM tokens ORDER BY id").fetchall()
    return [dict(row) for row in rows]


def count(conn: Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM tokens").fetchone()[0]


def for_matching(conn: Connection) -> list:
    """Every token's name, role, hash and revocation, to compare a presented token against."""
    return conn.execute("SELECT name, role, token_hash, revoked_at FROM tokens").fetchall()
