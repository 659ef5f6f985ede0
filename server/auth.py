"""Access tokens and roles.

A token is a random secret handed out once (``reageerwijzer token create``); the database keeps
only its SHA-256 hash, the name it was given and its role. A worker may classify, ask advice and
save examples; an admin may also review examples, retrain and switch model versions.

Every endpoint needs a token (``Authorization: Bearer ...``) unless its view is marked
``@public``; a view marked ``@requires("admin")`` needs an admin token. The check runs once,
before every request, so a new endpoint is closed until someone opens it on purpose.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask import Flask, current_app, g, request

from . import db
from .errors import error_body

ROLES = ("worker", "admin")
_RANK = {"worker": 1, "admin": 2}
TOKEN_PREFIX = "rw_"
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,200}")
_NAME_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


class TokenError(ValueError):
    """A token cannot be created or revoked; the message names the value."""


@dataclass(frozen=True)
class Principal:
    """Who sent the request: the token's name and role."""
    name: str
    role: str

    def may(self, role: str) -> bool:
        return _RANK[self.role] >= _RANK[role]


class AuthError(Exception):
    """The request carries no usable token (401) or too weak a role (403)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME_SHAPE.fullmatch(name):
        raise TokenError(f"invalid token name {name!r}: use 1-64 letters, digits or . _ @ -, "
                         "starting with a letter or digit")
    return name


def create_token(conn: sqlite3.Connection, *, name: str, role: str) -> str:
    """Store a new token for ``name`` and return the secret; it cannot be shown again."""
    check_name(name)
    if role not in ROLES:
        raise TokenError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        conn.execute("INSERT INTO tokens (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)",
                     (name, role, hash_token(secret), db.now()))
    except sqlite3.IntegrityError:
        raise TokenError(f"a token named {name!r} exists already; revoke it first or pick another name") \
            from None
    return secret


def revoke_token(conn: sqlite3.Connection, name: str) -> bool:
    """End the active token called ``name``; False when there is none."""
    cur = conn.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                       (db.now(), name))
    return cur.rowcount > 0


def list_tokens(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute("SELECT name, role, created_at, revoked_at FROM tokens ORDER BY id").fetchall()
    return [dict(row) for row in rows]


def count_tokens(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM tokens").fetchone()[0]


def bearer_token(header: str | None) -> str:
    """The token in an Authorization header value, or AuthError(401) saying what is wrong."""
    if not header:
        raise AuthError(401, "missing_token", "this endpoint needs a token: send "
                                              "'Authorization: Bearer <token>'")
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not _TOKEN_SHAPE.fullmatch(token):
        raise AuthError(401, "malformed_token", "the Authorization header must be "
                                                "'Bearer <token>' with the token you were given")
    return token


_TOKEN_ROWS = "SELECT name, role, token_hash, revoked_at FROM tokens"


def identify(conn: sqlite3.Connection, token: str) -> Principal:
    """The holder of ``token``, or AuthError(401) when it is unknown or revoked."""
    return _match(conn.execute(_TOKEN_ROWS).fetchall(), token)


def _match(rows: Sequence, token: str) -> Principal:
    wanted = hash_token(token)
    found = None
    # Compare against every stored hash in constant time, without stopping at a match.
    for row in rows:
        if hmac.compare_digest(row["token_hash"], wanted):
            found = row
    if found is None:
        raise AuthError(401, "unknown_token", "this token is not known to the server")
    if found["revoked_at"] is not None:
        raise AuthError(401, "revoked_token", "this token has been revoked; ask an admin for a new one")
    return Principal(found["name"], found["role"])


class TokenCache:
    """The tokens table in memory, read again only when the database has changed.

    The check before every request used to open a connection and read the table each time,
    which cost more than classifying the post. ``PRAGMA data_version`` on one long-lived
    connection changes whenever another connection commits (``reageerwijzer token revoke`` in
    another process, the API saving an example), so a revoked token is refused from the very
    next request and the table is read again only after a write.
    """

    def __init__(self, database: db.Database) -> None:
        self._database = database
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._rows: list = []

    def identify(self, token: str) -> Principal:
        """As ``identify``, against the cached table."""
        return _match(self._current_rows(), token)

    def _current_rows(self) -> list:
        with self._lock:
            if self._conn is None:
                self._conn = self._database.connect(check_same_thread=False)
                weakref.finalize(self, self._conn.close)
            # fetchall() ends each statement, so this connection never holds a read snapshot
            # that would keep a checkpoint (after an erasure) waiting.
            version = self._conn.execute("PRAGMA data_version").fetchall()[0][0]
            if version != self._data_version:
                self._rows = self._conn.execute(_TOKEN_ROWS).fetchall()
                self._data_version = version
            return self._rows


def public(view: Callable) -> Callable:
    """Mark a view as open to requests without a token."""
    view.required_role = None
    return view


def requires(role: str) -> Callable[[Callable], Callable]:
    """Mark a view as needing at least ``role`` (views without a mark need a worker token)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")

    def mark(view: Callable) -> Callable:
        view.required_role = role
        return view
    return mark


def current_principal() -> Principal:
    return g.principal


def _check_request():
    if request.method == "OPTIONS" or request.endpoint is None:
        return None  # CORS preflight, or a 404/405 that routing reports anyway
    view = current_app.view_functions.get(request.endpoint)
    role = getattr(view, "required_role", "worker")
    if role is None:
        return None
    try:
        token = bearer_token(request.headers.get("Authorization"))
        principal = current_app.extensions["token_cache"].identify(token)
        if not principal.may(role):
            raise AuthError(403, "forbidden", f"this needs a token with the {role} role; "
                                              f"yours has the {principal.role} role")
    except AuthError as err:
        response, status = error_body(err.status, err.code, _name(err.status), err.message)
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="reageerwijzer"'
        return response, status
    g.principal = principal
    return None


def _name(status: int) -> str:
    return "Unauthorized" if status == 401 else "Forbidden"


def init_app(app: Flask) -> None:
    app.extensions["token_cache"] = TokenCache(app.extensions["db"])
    app.before_request(_check_request)

