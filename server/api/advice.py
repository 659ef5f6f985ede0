"""POST /api/v1/advice: the answers so far in; the next question, or the outcome, out."""
from __future__ import annotations

from flask import Blueprint, request

from ..errors import APIError
from ..guideline import AnswerError
from ..guideline.service import get_guideline
from . import validation

bp = Blueprint("advice", __name__)

KNOWN_FIELDS = {"answers", "lang", "category"}


@bp.post("/advice")
def advise():
    body = validation.json_object(request)
    unknown = sorted(set(body) - KNOWN_FIELDS)
    if unknown:
        raise APIError(400, f"unknown field(s): {', '.join(unknown)}; expected 'answers', 'lang' "
                            "and 'category'", code="unknown_field")
    lang = validation.language(body.get("lang"))
    answers = validation.answers(body.get("answers"))
    # The post's harm category, when the worker or the classifier named one: tips written for
    # another kind of harm are left out.
    category = validation.category(body.get("category"))
    try:
        return get_guideline().walk(answers, lang, category).as_dict()
    except AnswerError as err:
        raise APIError(422, str(err), code="invalid_answers") from None
