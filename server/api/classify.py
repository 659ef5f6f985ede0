"""POST /api/v1/classify: a post text in; label, score, categories and the words that drove it out.

The text is used for the answer only: it is not stored and never logged.
"""
from __future__ import annotations

from flask import Blueprint, current_app, request

from ..learning.model_store import get_store
from . import validation

bp = Blueprint("classify", __name__)


@bp.post("/classify")
def classify():
    body = validation.json_object(request)
    text, _lang = validation.classify_request(body, max_chars=int(current_app.config["MAX_TEXT_CHARS"]))
    # The model is bilingual (nl, en); 'lang' is validated so a client's mistake shows, not used.
    return get_store().classify(text)
