"""Tokens: create worker and admin tokens (the secret is shown once), list and revoke them."""
from __future__ import annotations

import logging

from flask import abort, redirect, render_template, request, url_for

from .. import auth
from ..database import get_db
from ..storage import tokens as token_rows
from . import bp
from .sessions import current

log = logging.getLogger(__name__)


def _tokens() -> list[dict]:
    return token_rows.listing(get_db())


@bp.get("/tokens")
def tokens_page():
    notice = request.args.get("notice")
    return render_template("console/tokens.html", tokens=_tokens(), me=current().name,
                           notice=notice if notice == "revoked" else None,
                           notice_name=request.args.get("name", "")[:64])


@bp.post("/tokens")
def create_token():
    name = request.form.get("name", "").strip()
    role = request.form.get("role", "")
    error = None
    if role not in auth.ROLES:
        error = "role"
    else:
        try:
            auth.check_name(name)
        except auth.TokenError:
            error = "name"
    if error is None:
        try:
            secret = auth.create_token(get_db(), name=name, role=role)
        except auth.TokenError:
            error = "exists"
    if error is not None:
        return render_template("console/tokens.html", tokens=_tokens(), me=current().name, error=error,
                               form={"name": name[:64], "role": role}), 400
    log.info("%s token %s created in the console by %s", role, name, current().name)
    return render_template("console/token_created.html", name=name, role=role, secret=secret)


def _active(name: str) -> dict:
    for token in _tokens():
        if token["name"] == name and token["revoked_at"] is None:
            return token
    abort(404, description="token")


@bp.route("/tokens/<name>/revoke", methods=["GET", "POST"])
def revoke_token(name: str):
    token = _active(name)
    if request.method == "GET":
        return render_template("console/confirm_revoke.html", token=token, me=current().name)
    auth.revoke_token(get_db(), name)
    log.info("token %s revoked in the console by %s", name, current().name)
    return redirect(url_for("console.tokens_page", notice="revoked", name=name), 303)
