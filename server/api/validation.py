"""Request validation as plain functions: they take parsed values and raise APIError.

Views call these; tests call them without Flask's request machinery.
"""
from __future__ import annotations

import re
from typing import Any

from flask import Request

import model

from ..errors import APIError

LANGUAGES = model.LANGUAGES


# No request body of this API nests deeper than 2; deeper ones are refused before anything
# walks them (repr, error messages) with Python's recursion.
MAX_JSON_DEPTH = 32
# A JSON string may escape half of a surrogate pair ("\ud83d" alone), e.g. a client that cut
# a text between the two halves of an emoji. Such a string cannot be encoded as UTF-8 (not
# stored, hashed or sent back), so every lone half becomes U+FFFD, as a browser's
# TextEncoder does.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_object(request: Request) -> dict:
    """The request body as a JSON object, or a 4xx that says what is wrong with it."""
    if not request.is_json:
        raise APIError(415, "send the body as JSON with 'Content-Type: application/json'",
                       code="unsupported_media_type")
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # e.g. 10,000 nested arrays: the parser gives up
        raise APIError(400, f"the body is nested too deeply; at most {MAX_JSON_DEPTH} levels "
                            "are accepted", code="invalid_json") from None
    if body is None:
        raise APIError(400, "the body is not valid JSON", code="invalid_json")
    if not isinstance(body, dict):
        raise APIError(400, f"the body must be a JSON object, not a {json_type(body)}",
                       code="invalid_json")
    return _well_formed(body, 1)


def _well_formed(value: Any, depth: int) -> Any:
    """``value`` with lone surrogates replaced; APIError when it nests deeper than MAX_JSON_DEPTH."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, (dict, list)) and depth > MAX_JSON_DEPTH:
        raise APIError(400, f"the body is nested too deeply; at most {MAX_JSON_DEPTH} levels "
                            "are accepted", code="invalid_json")
    if isinstance(value, dict):
        return {_well_formed(k, depth): _well_formed(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_well_formed(v, depth + 1) for v in value]
    return value


def language(value: Any, *, default: str = "nl") -> str:
    if value is None:
        return default
    if not isinstance(value, str) or value not in LANGUAGES:
        raise APIError(400, f"unknown language {value!r}; use one of: {', '.join(LANGUAGES)}",
                       code="invalid_language")
    return value


def category(value: Any) -> str | None:
    """An optional harm category, one of the model's."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in model.CATEGORIES:
        raise APIError(400, f"unknown category {value!r}; use one of: {', '.join(model.CATEGORIES)}, "
                            "or leave it out", code="invalid_category")
    return value


def answers(value: Any) -> dict[str, bool]:
    """The 'answers' object: question id -> true/false (the tree decides which ids fit)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise APIError(400, f"'answers' must be an object of question id -> true/false, "
                            f"not a {json_type(value)}", code="invalid_answers")
    for qid, answer in value.items():
        if not isinstance(answer, bool):
            raise APIError(400, f"the answer to '{qid}' must be true or false, not {json_type(answer)}",
                           code="invalid_answers")
    return value


def json_type(value: Any) -> str:
    """JSON's name for a parsed value's type, for messages a client author understands."""
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string",
            list: "array", dict: "object"}.get(type(value), type(value).__name__)


# -- POST /classify ------------------------------------------------------------------------

CLASSIFY_FIELDS = ("text", "lang")


def classify_request(body: dict, *, max_chars: int) -> tuple[str, str | None]:
    """The (text, lang) of a /classify body; lang is None when not given (the model reads both)."""
    unknown = sorted(set(body) - set(CLASSIFY_FIELDS))
    if unknown:
        raise APIError(400, f"unknown field(s): {', '.join(unknown)}; expected 'text' and "
                            f"optionally 'lang'", code="unknown_field")
    text = post_text(body.get("text"), max_chars=max_chars)
    lang = None if body.get("lang") is None else language(body.get("lang"))
    return text, lang


def post_text(value: Any, *, max_chars: int, field: str = "text") -> str:
    """A post text to classify: a non-blank string of at most ``max_chars`` characters."""
    if value is None:
        raise APIError(400, f"'{field}' is required: the post text to classify", code="missing_text")
    if not isinstance(value, str):
        raise APIError(400, f"'{field}' must be a string, not a {json_type(value)}",
                       code="invalid_text")
    if not value.strip():
        raise APIError(400, f"'{field}' is empty; send the text of the post", code="empty_text")
    if len(value) > max_chars:
        raise APIError(413, f"'{field}' is {len(value)} characters long; the limit is {max_chars}",
                       code="text_too_long")
    return value
