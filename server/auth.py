"""Access tokens and roles.

A token is a random secret handed out once (``reageerwijzer token create``); the database keeps
only its SHA-256 hash, the name it was given and its role. A worker may classify, ask advice and
save examples; an admin may also review examples, retrain and switch model versions.

Every endpoint needs a token (``Authorization: Bearer ...``) unless its view is marked
``@public`` or its blueprint guards itself (the console: ``app.extensions["auth_elsewhere"]``,
where the console signs an admin in once with a token and then checks its session); a view
marked ``@requires("admin")`` needs an admin token. The check runs once,
before every request, so a new endpoint is closed until someone opens it on purpose.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask import Flask, current_app, g, request

from .errors import APIError
from .storage import connection as db
from .storage import tokens as token_rows

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


class AuthError(APIError):
    """The request carries no usable token (401) or too weak a role (403)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        headers = {"WWW-Authenticate": 'Bearer realm="reageerwijzer"'} if status == 401 else None
        super().__init__(status, message, code=code, headers=headers)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME_SHAPE.fullmatch(name):
        raise TokenError(f"invalid token name {name!r}: use 1-64 letters, digits or . _ @ -, "
                         "starting with a letter or digit")
    return name


def create_token(conn: db.Connection, *, name: str, role: str) -> str:
    """Store a new token for ``name`` and return the secret; it cannot be shown again."""
    check_name(name)
    if role not in ROLES:
        raise TokenError(f"unknown role {role!r}; use one of: {', '.join(ROLES)}")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        token_rows.insert(conn, name=name, role=role, token_hash=hash_token(secret))
    except db.IntegrityError:
        raise TokenError(f"a token named {name!r} exists already; revoke it first or pick another name") \
            from None
    _tokens_changed()
    return secret


def revoke_token(conn: db.Connection, name: str) -> bool:
    """End the active token called ``name``; False when there is none."""
    revoked = token_rows.revoke(conn, name)
    _tokens_changed()
    return revoked


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


def identify(conn: db.Connection, token: str) -> Principal:
    """The holder of ``token``, or AuthError(401) when it is unknown or revoked."""
    return _match(token_rows.for_matching(conn), token)


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
    """The tokens table in memory, so the check before every request touches no database.

    Reading the table per request cost an SQLite connection each time, and even a cached
    table checked per request (one ``PRAGMA data_version``) cost a third of the throughput
    under concurrent requests: every SQLite call lets go of the GIL and the threads queue
    up behind it. So: a token made or revoked in this process (``create_token``,
    ``revoke_token``) counts from the next request; one revoked by another process
    (``reageerwijzer token revoke``) within CHECK_INTERVAL seconds, when ``data_version``
    on a long-lived connection shows that the database changed; and an unknown token makes
    the cache check at once, so a token made by another process works straight away.
    """

    def __init__(self, database: db.Database, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._database = database
        self._clock = clock
        self._lock = threading.Lock()
        self._conn: db.Connection | None = None
        self._data_version: int | None = None
        self._seen_changes = -1
        self._checked = float("-inf")
        self._rows: list = []

    def identify(self, token: str) -> Principal:
        """As ``identify``, against the cached table."""
        rows = self._current_rows()
        try:
            return _match(rows, token)
        except AuthError as err:
            if err.code != "unknown_token":
                raise
        return _match(self._current_rows(check=True), token)

    def _current_rows(self, *, check: bool = False) -> list:
        if (not check and self._seen_changes == _changes[0]
                and self._clock() - self._checked < CHECK_INTERVAL):
            return self._rows
        with self._lock:
            if self._conn is None:
                self._conn = self._database.connect(check_same_thread=False)
                weakref.finalize(self, self._conn.close)
            changes = _changes[0]  # before reading, so a change made meanwhile reads again
            # Both reads end their statement, so this connection never holds a read snapshot
            # that would keep a checkpoint (after an erasure) waiting.
            version = db.data_version(self._conn)
            if version != self._data_version or changes != self._seen_changes:
                self._rows = token_rows.for_matching(self._conn)
                self._data_version = version
            self._seen_changes = changes
            self._checked = self._clock()
            return self._rows


# Seconds a token revoked by another process may still be accepted by a running server.
CHECK_INTERVAL = 1.0
# Tokens made or revoked by this process so far (the caches compare it with what they read).
_changes = [0]


def _tokens_changed() -> None:
    _changes[0] += 1


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


def query_key(view: Callable) -> Callable:
    """Also accept the token as ``?key=`` (Perspective clients send their API key so).
    The query string is never logged (see ``server.perspective.redact``)."""
    view.accepts_query_key = True
    return view


def request_token(view: Callable) -> str:
    """The token of this request: the Authorization header, else ``?key=`` where the view allows it."""
    header = request.headers.get("Authorization")
    if header or not getattr(view, "accepts_query_key", False):
        return bearer_token(header)
    key = request.args.get("key")
    if not key:
        raise AuthError(401, "missing_token", "this endpoint needs a token: send it as ?key=<token> "
                                              "or 'Authorization: Bearer <token>'")
    if not _TOKEN_SHAPE.fullmatch(key):
        raise AuthError(401, "malformed_token", "the key must be the token you were given")
    return key


def current_principal() -> Principal:
    return g.principal


def _check_request():
    if request.method == "OPTIONS" or request.endpoint is None:
        return None  # CORS preflight, or a 404/405 that routing reports anyway
    if request.blueprint in current_app.extensions.get("auth_elsewhere", ()):
        return None  # pages with a guard of their own (the console's sign-in sessions)
    view = current_app.view_functions.get(request.endpoint)
    role = getattr(view, "required_role", "worker")
    if role is None:
        return None
    failures = current_app.extensions["auth_failures"]
    address = request.remote_addr or "unknown"
    wait = failures.retry_after(address)
    if wait is not None:
        failures.failed(address, "tried again while blocked")
        raise APIError(429, "too many failed authentications from this address; "
                            f"try again in {wait} s", code="too_many_failures",
                       headers={"Retry-After": str(wait)})
    # An AuthError raised here is answered by errors.py, as every other error is.
    try:
        token = request_token(view)
        principal = current_app.extensions["token_cache"].identify(token)
    except AuthError as err:
        failures.failed(address, err.code)  # the reason's code, never the token
        raise
    if not principal.may(role):
        raise AuthError(403, "forbidden", f"this needs a token with the {role} role; "
                                          f"yours has the {principal.role} role")
    g.principal = principal
    return None


def init_app(app: Flask) -> None:
    from .auth_failures import FailureTracker
    app.extensions["token_cache"] = TokenCache(app.extensions["db"])
    app.extensions["auth_failures"] = FailureTracker(limit=int(app.config["AUTH_FAILURE_LIMIT"]),
                                                     window=float(app.config["AUTH_FAILURE_WINDOW"]))
    app.before_request(_check_request)

