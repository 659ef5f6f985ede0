"""Signing in with an admin token and out again; the console's error pages."""
from __future__ import annotations

import logging

from flask import current_app, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from ..database import get_db
from . import bp, forms, sessions

log = logging.getLogger(__name__)

# Status of a refused sign-in: a worker token is known but not enough (403), the rest 401.
REFUSALS = {"malformed": 401, "unknown": 401, "revoked": 401, "worker": 403}


@bp.route("/signin", methods=["GET", "POST"])
def sign_in():
    target = forms.local_path(request.values.get("next"), default=url_for("console.review_queue"))
    if request.method == "GET":
        if g.console_session is not None:
            return redirect(target)
        return render_template("console/signin.html", target=target,
                               notice="signed_out" if request.args.get("signed_out") else None)
    # The form's CSRF secret must match the cookie this server set with the form.
    if not sessions.same(request.form.get(sessions.CSRF_FIELD, ""),
                         request.cookies.get(sessions.SIGNIN_COOKIE, "")):
        return render_template("console/signin.html", target=target, refusal="expired"), 400
    # Guessing tokens here is slowed down as on the API: same tracker, same limits.
    failures, address = current_app.extensions["auth_failures"], request.remote_addr or "unknown"
    wait = failures.retry_after(address)
    if wait is not None:
        failures.failed(address, "tried again while blocked")
        return render_template("console/signin.html", target=target, refusal="blocked", wait=wait), \
            429, {"Retry-After": str(wait)}
    conn = get_db()
    try:
        secret, session = sessions.sign_in(conn, request.form.get("token", ""),
                                           hours=sessions.session_hours())
    except sessions.SignInError as err:
        log.warning("console sign-in refused (%s) from %s", err.code, address)
        if err.code != "worker":  # a worker's real token is no guess
            failures.failed(address, f"console sign-in: {err.code}")
        return render_template("console/signin.html", target=target, refusal=err.code), \
            REFUSALS[err.code]
    log.info("console sign-in by %s", session.name)
    response = redirect(target, 303)
    sessions.set_cookie(response, sessions.COOKIE, secret,
                        max_age=int(sessions.session_hours() * 3600))
    response.delete_cookie(sessions.SIGNIN_COOKIE, path=url_for("console.sign_in"))
    return response


@bp.post("/signout")
def sign_out():
    sessions.sign_out(get_db(), request.cookies.get(sessions.COOKIE))
    log.info("console sign-out by %s", sessions.current().name)
    response = redirect(url_for("console.sign_in", signed_out=1), 303)
    response.delete_cookie(sessions.COOKIE, path="/console", httponly=True, samesite="Strict",
                           secure=sessions.secure_cookies())
    return response


# Errors raised by the console's views become pages in the console's language. 5xx stays with
# the app's handler, which logs where it happened and never the message.
PAGE_ERRORS = (400, 401, 403, 404, 405, 409, 413, 415, 429)


def error_page(err: HTTPException):
    detail = err.description if isinstance(err.description, str) else ""
    kind, _, field = detail.partition(":")
    return render_template("console/error.html", status=err.code, kind=kind, field=field), err.code


for _status in PAGE_ERRORS:
    bp.register_error_handler(_status, error_page)
