"""Checks of Perspective's request bodies, as plain functions raising PerspectiveError (400).

Field names and meanings are Perspective's (AnalyzeCommentRequest, SuggestCommentScoreRequest).
A field Perspective has and we do not use (``context``, ``communityId``, ``sessionId``) is
accepted and ignored; an unknown field gets a 400 naming it, as Google's JSON parser answers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..api.validation import json_type
from .attributes import ATTRIBUTES
from .errors import PerspectiveError

ANALYZE_FIELDS = {"comment", "context", "requestedAttributes", "spanAnnotations", "languages",
                  "doNotStore", "clientToken", "sessionId", "communityId"}
SUGGEST_FIELDS = {"comment", "context", "attributeScores", "languages", "communityId",
                  "clientToken", "sessionId", "doNotStore"}
OUR_LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Analyze:
    text: str
    attributes: dict[str, float | None]  # attribute -> scoreThreshold
    languages: list[str]  # as asked, reduced to nl/en; empty when not given
    spans: bool
    client_token: str | None


@dataclass(frozen=True)
class Suggest:
    text: str
    scores: dict[str, float]  # attribute -> the summary value the moderator gave
    languages: list[str]
    do_not_store: bool
    client_token: str | None


def bad(message: str, code: str = "invalid_argument") -> PerspectiveError:
    return PerspectiveError(400, message, code=code)


def analyze(body: dict, *, max_chars: int) -> Analyze:
    _known(body, ANALYZE_FIELDS)
    attributes = body.get("requestedAttributes")
    if not isinstance(attributes, dict) or not attributes:
        raise bad("'requestedAttributes' is required: an object of attribute name -> options, "
                  f"e.g. {{\"TOXICITY\": {{}}}}; this server scores {', '.join(ATTRIBUTES)}",
                  "missing_attributes")
    wanted = {}
    for name, options in attributes.items():
        wanted[_attribute(name)] = _threshold(name, options)
    return Analyze(text=comment_text(body.get("comment"), max_chars=max_chars), attributes=wanted,
                   languages=languages(body.get("languages"), list(wanted)),
                   spans=_flag(body, "spanAnnotations"), client_token=_client_token(body))


def suggest(body: dict, *, max_chars: int) -> Suggest:
    _known(body, SUGGEST_FIELDS)
    given = body.get("attributeScores")
    if not isinstance(given, dict) or not given:
        raise bad("'attributeScores' is required: attribute name -> {\"summaryScore\": "
                  "{\"value\": 0..1}}", "missing_attribute_scores")
    scores = {}
    for name, entry in given.items():
        attribute = _attribute(name)
        summary = entry.get("summaryScore") if isinstance(entry, dict) else None
        value = summary.get("value") if isinstance(summary, dict) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) \
                or not 0 <= value <= 1:
            raise bad(f"attributeScores.{attribute}.summaryScore.value must be a number from 0 to 1, "
                      f"not {json_type(value) if not isinstance(value, (int, float)) else value}",
                      "invalid_score")
        scores[attribute] = float(value)
    return Suggest(text=comment_text(body.get("comment"), max_chars=max_chars), scores=scores,
                   languages=languages(body.get("languages"), list(scores)),
                   do_not_store=_flag(body, "doNotStore"), client_token=_client_token(body))


def comment_text(comment: Any, *, max_chars: int) -> str:
    if not isinstance(comment, dict):
        raise bad("'comment' is required: {\"text\": \"...\"}", "missing_comment")
    _known(comment, {"text", "type"}, where="comment.")
    if comment.get("type", "PLAIN_TEXT") != "PLAIN_TEXT":
        raise bad(f"comment.type {str(comment.get('type'))[:40]!r} is not supported; send PLAIN_TEXT",
                  "unsupported_text_type")
    text = comment.get("text")
    if not isinstance(text, str):
        raise bad(f"comment.text must be a string, not {json_type(text)}", "invalid_text")
    if not text.strip():
        raise bad("comment.text is empty", "empty_text")
    if len(text) > max_chars:
        raise bad(f"comment.text is {len(text)} characters long; this server scores at most "
                  f"{max_chars}", "text_too_long")
    return text


def languages(value: Any, attributes: list[str]) -> list[str]:
    """The requested languages as nl/en (region subtags dropped: nl-BE is nl); 400 for others."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad("'languages' must be a list of language codes such as [\"nl\"]", "invalid_languages")
    out, unsupported = [], []
    for code in value:
        primary = code.strip().lower().replace("_", "-").split("-")[0]
        if primary in OUR_LANGUAGES:
            if primary not in out:
                out.append(primary)
        else:
            unsupported.append(code[:20])
    if unsupported:
        raise bad(f"Attribute {attributes[0]} does not support request languages: "
                  f"{', '.join(unsupported)}; this server reads {' and '.join(OUR_LANGUAGES)}",
                  "language_not_supported_by_attribute")
    return out


def _attribute(name: str) -> str:
    if name not in ATTRIBUTES:
        raise bad(f"unknown attribute {str(name)[:40]!r}: this server scores "
                  f"{', '.join(ATTRIBUTES)}", "unknown_attribute")
    return name


def _threshold(name: str, options: Any) -> float | None:
    if options is None:
        return None
    if not isinstance(options, dict):
        raise bad(f"requestedAttributes.{name} must be an object of options, not {json_type(options)}",
                  "invalid_attribute_options")
    _known(options, {"scoreType", "scoreThreshold"}, where=f"requestedAttributes.{name}.")
    if options.get("scoreType", "PROBABILITY") != "PROBABILITY":
        raise bad(f"requestedAttributes.{name}.scoreType must be PROBABILITY, the only score type "
                  "this server gives", "unsupported_score_type")
    threshold = options.get("scoreThreshold")
    if threshold is None:
        return None
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or math.isnan(threshold) \
            or not 0 <= threshold <= 1:
        raise bad(f"requestedAttributes.{name}.scoreThreshold must be a number from 0 to 1",
                  "invalid_threshold")
    return float(threshold)


def _flag(body: dict, name: str) -> bool:
    value = body.get(name, False)
    if not isinstance(value, bool):
        raise bad(f"'{name}' must be true or false, not {json_type(value)}", f"invalid_{name.lower()}")
    return value


def _client_token(body: dict) -> str | None:
    token = body.get("clientToken")
    if token is not None and (not isinstance(token, str) or len(token) > 1000):
        raise bad("'clientToken' must be a string of at most 1000 characters", "invalid_client_token")
    return token


def _known(body: dict, fields: set[str], *, where: str = "") -> None:
    unknown = sorted(str(k)[:40] for k in set(body) - fields)
    if unknown:
        raise bad(f"Invalid JSON payload received. Unknown name {where}{unknown[0]!r}; known: "
                  f"{', '.join(sorted(fields))}", "unknown_field")
