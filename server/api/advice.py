"""POST /api/v1/advice: the answers so far in; the next question, or the outcome, out."""
from __future__ import annotations

from flask import Blueprint, request

from ..errors import APIError
from ..guideline import AnswerError
from ..guideline.service import get_guideline
from . import validation

bp = Blueprint("advice", __name__)

KNOWN_FIELDS = {"answers", "lang"}


@bp.post("/advice")
def advise():
    body = validation.json_object(request)
    unknown = sorted(set(body) - KNOWN_FIELDS)
    if unknown:
        raise APIError(400, f"unknown field(s): {', '.join(unknown)}; expected 'answers' and 'lang'",
                       code="unknown_field")
    lang = validation.language(body.get("lang"))
    answers = validation.answers(body.get("answers"))
    try:
        return get_guideline().walk(answers, lang).as_dict()
    except AnswerError as err:
        raise APIError(422, str(err), code="invalid_answers") from None
