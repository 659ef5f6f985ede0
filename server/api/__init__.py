"""The /api/v1 blueprint: one child blueprint per resource."""
from __future__ import annotations

from flask import Blueprint

from . import advice, classify, examples, guideline, health, jobs, models

bp = Blueprint("api", __name__, url_prefix="/api/v1")
for child in (health, guideline, advice, classify, examples, jobs, models):
    bp.register_blueprint(child.bp)
