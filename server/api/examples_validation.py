"""Validation of labelled examples, for the API and the CSV import alike.

Plain functions over parsed values: they return clean values or raise ValueError subclasses
naming the bad value. The API turns them into 400s; the import names the CSV line.
"""
from __future__ import annotations

import math
import re
from typing import Any

from ..learning import language
from ..learning.examples import CATEGORIES, LABELS, STATES, NewExample
from .validation import LANGUAGES, json_type

EXAMPLE_FIELDS = {"text", "label", "category", "lang", "score", "model_version"}
CHANGE_FIELDS = {"state", "label", "category", "lang"}
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
_VERSION_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")


class InvalidExample(ValueError):
    """An example field is missing or wrong; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def example(body: dict, *, max_chars: int, state: str = "new") -> NewExample:
    """A POSTed example (or an imported CSV row) as a NewExample."""
    unknown = sorted(set(body) - EXAMPLE_FIELDS)
    if unknown:
        raise InvalidExample(unknown[0], f"unknown field(s): {', '.join(unknown)}; expected "
                                         f"{', '.join(sorted(EXAMPLE_FIELDS))}")
    lab = label(body.get("label"))
    cat = category(body.get("category"))
    if cat is not None and lab == 0:
        raise InvalidExample("category", "a category fits only label 1 (harmful); "
                                         "leave it out for label 0")
    clean_text = text(body.get("text"), max_chars=max_chars)
    # Without a 'lang' the text's own language is recognised: never the worker's screen language.
    lang_of_text = lang(body["lang"]) if body.get("lang") is not None else language.detect(clean_text)
    return NewExample(text=clean_text, label=lab,
                      lang=lang_of_text, category=cat, score=score(body.get("score")),
                      model_version=model_version(body.get("model_version")), state=state)


def changes(body: dict) -> dict:
    """A PATCH body: a new review state, a new label and category, and/or the post's language."""
    unknown = sorted(set(body) - CHANGE_FIELDS)
    if unknown:
        raise InvalidExample(unknown[0], f"unknown field(s): {', '.join(unknown)}; expected "
                                         "'state', 'label', 'category' and/or 'lang'")
    if not body:
        raise InvalidExample("state", "send 'state' (accepted or rejected), 'label' and 'category', "
                                      "and/or 'lang'")
    result: dict[str, Any] = {}
    if "state" in body:
        result["state"] = state(body["state"])
    if "label" in body:
        result["label"] = label(body["label"])
    if "category" in body:
        result["category"] = category(body["category"])
    if "lang" in body:
        result["lang"] = lang(body["lang"])
    if result.get("label") == 0 and result.get("category"):
        raise InvalidExample("category", "a category fits only label 1 (harmful)")
    return result


def text(value: Any, *, max_chars: int) -> str:
    if not isinstance(value, str):
        raise InvalidExample("text", f"'text' must be a string, not {json_type(value)}")
    if not value.strip():
        raise InvalidExample("text", "'text' is empty")
    if len(value) > max_chars:
        raise InvalidExample("text", f"'text' has {len(value)} characters; at most {max_chars} are accepted")
    return value


def label(value: Any) -> int:
    if isinstance(value, bool) or value not in LABELS or not isinstance(value, int):
        raise InvalidExample("label", f"'label' must be 0 (not harmful) or 1 (discriminatory, "
                                      f"hurtful or threatening), not {value!r}")
    return value


def category(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if value not in CATEGORIES:
        raise InvalidExample("category", f"unknown category {value!r}; use one of: {', '.join(CATEGORIES)}")
    return value


def lang(value: Any) -> str:
    if value not in LANGUAGES:
        raise InvalidExample("lang", f"'lang' must be one of: {', '.join(LANGUAGES)}, not {value!r}")
    return value


def score(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) \
            or not 0 <= value <= 1:
        raise InvalidExample("score", f"'score' must be a number from 0 to 1, not {value!r}")
    return float(value)


def model_version(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _VERSION_SHAPE.fullmatch(value):
        raise InvalidExample("model_version", f"'model_version' must be a version name "
                                              f"(letters, digits, . _ + -), not {value!r}")
    return value


def state(value: Any, *, allowed: tuple[str, ...] = STATES) -> str:
    if value not in allowed:
        raise InvalidExample("state", f"unknown state {value!r}; use one of: {', '.join(allowed)}")
    return value


def page_args(args: dict) -> tuple[int, int]:
    """?page= and ?per_page= as positive integers (per_page at most MAX_PER_PAGE)."""
    return (_positive(args.get("page"), "page", default=1, limit=MAX_PAGE),
            _positive(args.get("per_page"), "per_page", default=20, limit=MAX_PER_PAGE))


def _positive(value: str | None, name: str, *, default: int, limit: int) -> int:
    if value is None or value == "":
        return default
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= limit:
        raise InvalidExample(name, f"'{name}' must be a whole number from 1 to {limit}, not {value!r}")
    return int(value)
