"""The coordinator's console: web pages under /console to review examples, retrain, follow and
roll back model versions, and manage tokens.

Owns the pages (one module per page family: ``signin``, ``review``, ``retraining``,
``versions``, ``tokens``), their templates (``templates/console/``, all extending
``base.html``) and static files (``static/``), the sign-in sessions and CSRF protection
(``sessions``), the translations (``catalogue``, Dutch first, through ``i18n``) and the plots
(``plots``, SVG). Forms work without JavaScript; ``static/console.js`` adds keyboard shortcuts,
live progress and the copy button.

May import: ``server.auth``, ``server.learning``, ``server.database.get_db``, the
storage functions of its own table (``storage.console_sessions``) and the reads the JSON API
makes too (``storage.examples``, ``storage.jobs``, ``storage.tokens``,
``storage.model_versions``), ``model`` (its public API) and
Flask. A view never talks SQL; changes go through the same rules (``learning``) as the JSON
API's. Nothing imports it but ``server`` (the app factory).
"""
from __future__ import annotations

from flask import Blueprint, Flask, redirect, url_for

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates",
               static_folder="static")


@bp.get("/")
def home():
    return redirect(url_for("console.review_queue"))


# The pages and hooks attach themselves to ``bp`` on import (once per process, as Flask wants).
from . import i18n, retraining, review, sessions, signin, tokens, versions  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Serve the console: its pages are guarded by a sign-in session instead of a bearer token."""
    app.extensions.setdefault("auth_elsewhere", set()).add(bp.name)
    i18n.init_app(app)
    sessions.init_app(app)
    app.register_blueprint(bp)
