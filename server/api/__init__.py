"""The JSON API under /api/v1: one child blueprint per resource, thin views.

Owns the views, request validation (``validation``, ``examples_validation``) and the answers'
shapes. A view parses and checks its request, calls one function of another room and returns
JSON; it never talks SQL.

May import: ``server.auth``, ``server.errors``, ``server.learning``, ``server.guideline``,
``server.storage`` (reads, and the case log's table, which no other room uses),
``server.database.get_db`` and Flask. Nothing imports it
but ``server`` (the app factory) and ``server.cli.examples`` (the CSV import checks rows as
the API does).
"""
from __future__ import annotations

from flask import Blueprint

from . import advice, cases, classify, examples, guideline, health, jobs, models, tokens

bp = Blueprint("api", __name__, url_prefix="/api/v1")
for child in (health, guideline, advice, classify, examples, jobs, models, tokens, cases):
    bp.register_blueprint(child.bp)
