"""GET /api/v1/guideline: the whole tree in one language, so a client can walk it offline too."""
from __future__ import annotations

from flask import Blueprint, request

from ..guideline.service import get_guideline
from . import validation

bp = Blueprint("guideline", __name__)


@bp.get("/guideline")
def show_guideline():
    lang = validation.language(request.args.get("lang"))
    return get_guideline().describe(lang)
