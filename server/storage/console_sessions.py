"""The console's sign-ins: session hash -> the admin token it was opened with, its CSRF secret,
its expiry. A session counts only while its token exists, is not revoked and has the admin role."""
from __future__ import annotations

from .connection import Connection


def create(conn: Connection, *, session_hash: str, token_hash: str, csrf: str,
           created_at: str, expires_at: str) -> None:
    conn.execute("INSERT INTO console_sessions (session_hash, token_hash, csrf, created_at, expires_at)"
                 " VALUES (?, ?, ?, ?, ?)", (session_hash, token_hash, csrf, created_at, expires_at))


def find_valid(conn: Connection, session_hash: str, *, now: str) -> dict | None:
    """The session with its token's name and role, if unexpired and its admin token still active."""
    row = conn.execute(
        "SELECT s.csrf, s.expires_at, t.name, t.role FROM console_sessions s"
        " JOIN tokens t ON t.token_hash = s.token_hash"
        " WHERE s.session_hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL AND t.role = 'admin'",
        (session_hash, now)).fetchone()
    return dict(row) if row else None


def delete(conn: Connection, session_hash: str) -> None:
    conn.execute("DELETE FROM console_sessions WHERE session_hash = ?", (session_hash,))


def delete_expired(conn: Connection, *, now: str) -> int:
    return conn.execute("DELETE FROM console_sessions WHERE expires_at <= ?", (now,)).rowcount
