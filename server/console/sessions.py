"""Signing in to the console, its session cookie and its CSRF protection.

A coordinator signs in once with an admin token. The server answers with a session cookie
(HttpOnly, SameSite=Strict, Secure over TLS) holding a random secret; the database keeps only
its hash, the hash of the admin token and a CSRF secret. Revoking that token, signing out or the
expiry (CONSOLE_SESSION_HOURS) ends the session.

Every page but the sign-in page needs a session (closed unless listed in ``OPEN_ENDPOINTS``).
Every request that changes something, and every fetch, must carry the session's CSRF secret
(form field ``csrf`` or header ``X-CSRF-Token``) and, when the browser sends one, an Origin
of this server. The sign-in form itself is protected the same way by a short-lived cookie
(double submit), so nobody can sign a coordinator in to a session of theirs.
"""
from __future__ import annotations

import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, g, redirect, request, url_for

from .. import auth
from ..database import get_db
from ..storage import console_sessions
from ..storage.connection import now
from . import bp

log = logging.getLogger(__name__)

COOKIE = "rw_console"
SIGNIN_COOKIE = "rw_console_signin"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
OPEN_ENDPOINTS = {"console.sign_in", "console.static"}
SAFE_METHODS = {"GET", "HEAD"}
# Fetches (JSON) are GETs too, but read the same CSRF header so a page elsewhere cannot
# read them through a misconfigured proxy or a browser bug.
FETCH_ENDPOINTS = {"console.job_status"}


class SignInError(Exception):
    """A token that cannot open a console session; ``code`` names why (a catalogue key)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class ConsoleSession:
    name: str
    csrf: str
    expires_at: str


def sign_in(conn, token: str, *, hours: float) -> tuple[str, ConsoleSession]:
    """Open a session for an admin ``token``: (cookie secret, session). SignInError otherwise."""
    token = (token or "").strip()
    try:
        auth.bearer_token(f"Bearer {token}")  # the shape check of the API
        principal = auth.identify(conn, token)
    except auth.AuthError as err:
        raise SignInError({"malformed_token": "malformed", "missing_token": "malformed",
                           "unknown_token": "unknown", "revoked_token": "revoked"}
                          .get(err.code, "unknown")) from None
    if principal.role != "admin":
        raise SignInError("worker")
    secret, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = (datetime.now(UTC) + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    console_sessions.delete_expired(conn, now=now())
    console_sessions.create(conn, session_hash=auth.hash_token(secret), token_hash=auth.hash_token(token),
                            csrf=csrf, created_at=now(), expires_at=expires)
    return secret, ConsoleSession(principal.name, csrf, expires)


def find(conn, secret: str | None) -> ConsoleSession | None:
    if not secret or len(secret) > 200:
        return None
    row = console_sessions.find_valid(conn, auth.hash_token(secret), now=now())
    return ConsoleSession(row["name"], row["csrf"], row["expires_at"]) if row else None


def sign_out(conn, secret: str | None) -> None:
    if secret and len(secret) <= 200:
        console_sessions.delete(conn, auth.hash_token(secret))


def current() -> ConsoleSession:
    """The signed-in session of this request (set by the guard)."""
    return g.console_session


def csrf_token() -> str:
    """The CSRF secret forms of this page carry: the session's, or the sign-in form's."""
    session = g.get("console_session")
    if session is not None:
        return session.csrf
    if "signin_csrf" not in g:
        g.signin_csrf = request.cookies.get(SIGNIN_COOKIE) or secrets.token_urlsafe(32)
    return g.signin_csrf


def sent_csrf() -> str:
    return request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD) or ""


def same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


@bp.before_request
def guard():
    _check_origin()
    g.console_session = find(get_db(), request.cookies.get(COOKIE))
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    if g.console_session is None:
        if request.endpoint in FETCH_ENDPOINTS or request.method not in SAFE_METHODS:
            abort(401)
        return redirect(url_for("console.sign_in", next=request.full_path.rstrip("?")))
    changes = request.method not in SAFE_METHODS or request.endpoint in FETCH_ENDPOINTS
    if changes and not same(sent_csrf(), g.console_session.csrf):
        abort(400, description="csrf")
    return None


def _check_origin() -> None:
    """A browser names the page a request came from; only this server's own pages may post."""
    origin = request.headers.get("Origin")
    if origin is None or request.method in SAFE_METHODS:
        return
    parts = urlsplit(origin)
    if parts.netloc != request.host or parts.scheme != request.scheme:
        abort(403, description="origin")


@bp.context_processor
def session_helpers() -> dict:
    return {"csrf": csrf_token(), "signed_in": g.get("console_session")}


@bp.after_request
def protect(response):
    # Pages hold post texts and secrets: never cached, never framed, never referred elsewhere
    # ("same-origin", not "no-referrer": with that a browser sends "Origin: null" on our own forms).
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    if "signin_csrf" in g and request.cookies.get(SIGNIN_COOKIE) != g.signin_csrf:
        set_cookie(response, SIGNIN_COOKIE, g.signin_csrf, max_age=3600,
                   path=url_for("console.sign_in"))
    return response


def set_cookie(response, name: str, value: str, *, max_age: int, path: str = "/console") -> None:
    response.set_cookie(name, value, max_age=max_age, path=path, httponly=True, samesite="Strict",
                        secure=secure_cookies())


def secure_cookies() -> bool:
    setting = str(current_app.config.get("CONSOLE_SECURE_COOKIE", "auto")).strip().lower()
    if setting in ("1", "true", "yes", "on"):
        return True
    if setting in ("0", "false", "no", "off"):
        return False
    return request.is_secure


def session_hours() -> float:
    return float(current_app.config["CONSOLE_SESSION_HOURS"])


def init_app(app: Flask) -> None:
    """Check the console settings at startup: a wrong value stops the server with its name."""
    value = app.config.get("CONSOLE_SESSION_HOURS")
    try:
        hours = float(value)
    except (TypeError, ValueError):
        hours = -1.0
    if not 0 < hours <= 24 * 30:
        raise ValueError(f"CONSOLE_SESSION_HOURS must be a number of hours above 0 and at most "
                         f"720, not {value!r}")
    app.config["CONSOLE_SESSION_HOURS"] = hours
    secure = str(app.config.get("CONSOLE_SECURE_COOKIE")).strip().lower()
    if secure not in ("auto", "1", "true", "yes", "on", "0", "false", "no", "off"):
        raise ValueError(f"CONSOLE_SECURE_COOKIE must be auto, true or false, not "
                         f"{app.config.get('CONSOLE_SECURE_COOKIE')!r}")
