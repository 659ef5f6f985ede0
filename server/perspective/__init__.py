"""Google Perspective API's protocol, spoken by our own classifier: a self-hosted replacement.

Platforms that send comments to Perspective (Coral Talk, forum and chat moderation plugins)
point their Perspective address at this server and use a worker token as their API key.
``POST /v1alpha1/comments:analyze`` scores a comment (never stored); ``comments:suggestscore``
stores a moderator's verdict as a labelled example in review state ``new``, only when the
organisation switched it on (``PERSPECTIVE_FEEDBACK``).

Owns: the views (``views``), the request checks (``requests``), how our scores become
Perspective's attributes (``attributes``, ``profanity``, ``spans``, ``language``), Perspective's
error shape (``errors``), the discovery document Google's client libraries read
(``discovery``) and the log filter that keeps the API key out of access logs (``redact``).

May import: ``server.auth``, ``server.errors``, ``server.api.validation`` (the JSON body and
text checks every endpoint shares), ``server.learning`` (classify, examples), ``model`` (the
tokenizer) and Flask. Nothing imports it but ``server`` (the app factory).
"""
from __future__ import annotations

from flask import Flask

PREFIX = "/v1alpha1"


def init_app(app: Flask) -> None:
    from . import errors, redact, views
    app.register_blueprint(views.bp)
    app.register_blueprint(views.discovery_bp)
    errors.init_app(app)
    redact.install()
