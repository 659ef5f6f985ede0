"""Reading the console's query strings and form fields into checked values.

Plain functions over a mapping (``request.args``, ``request.form``): they return clean values
or raise ``FormError`` naming the field, which a page turns into a 400 that says what is wrong.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..learning.examples import CATEGORIES, STATES
from ..storage.examples import Filters

LANGS = ("nl", "en")
PER_PAGE = 50
MAX_PAGE = 1_000_000
MAX_BULK = 500
MAX_ID = 2**63 - 1
REVIEW_ACTIONS = ("accept", "reject", "save")
BULK_ACTIONS = ("accept", "reject", "label1", "label0", "erase")


class FormError(ValueError):
    """A field with a value the page cannot use; ``field`` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _choice(args: Mapping, field: str, allowed: tuple, *, required: bool = False):
    value = args.get(field, "")
    if value == "" and not required:
        return None
    if value not in allowed:
        raise FormError(field)
    return value


def filters(args: Mapping) -> Filters:
    """The review queue's filters; the queue shows new examples unless asked otherwise."""
    state = args.get("state", "new")
    if state not in (*STATES, "all"):
        raise FormError("state")
    label = _choice(args, "label", ("0", "1"))
    team = args.get("team", "")
    if len(team) > 64:
        raise FormError("team")
    return Filters(state=None if state == "all" else state,
                   label=None if label is None else int(label),
                   lang=_choice(args, "language", LANGS), team=team or None,
                   disagreement=args.get("disagreement") == "1")


def page_number(args: Mapping) -> int:
    value = args.get("page", "1") or "1"
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_PAGE:
        raise FormError("page")
    return int(value)


def example_id(value: str) -> int:
    if not (isinstance(value, str) and value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_ID:
        raise FormError("id")
    return int(value)


def example_ids(form) -> list[int]:
    """The ticked examples of the bulk form (``ids``, repeated), at least one."""
    values = form.getlist("ids")
    if not values or len(values) > MAX_BULK:
        raise FormError("ids")
    return sorted({example_id(v) for v in values})


def review(form: Mapping) -> tuple[str, dict]:
    """One example's form: the action and the changes (label, category, language, state)."""
    action = _choice(form, "action", REVIEW_ACTIONS, required=True)
    changes: dict = {}
    label = _choice(form, "label", ("0", "1"))
    if label is not None:
        changes["label"] = int(label)
        category = _choice(form, "category", CATEGORIES)
        changes["category"] = category if changes["label"] == 1 else None
    lang = _choice(form, "language", LANGS)
    if lang is not None:
        changes["lang"] = lang
    if action == "accept":
        changes["state"] = "accepted"
    elif action == "reject":
        changes["state"] = "rejected"
    return action, changes


def bulk_action(form: Mapping) -> str:
    return _choice(form, "action", BULK_ACTIONS, required=True)


def bulk_changes(action: str) -> dict:
    return {"accept": {"state": "accepted"}, "reject": {"state": "rejected"},
            "label1": {"label": 1}, "label0": {"label": 0, "category": None}}[action]


def local_path(value: str | None, *, default: str) -> str:
    """A path on this server under /console to go back to (never another site)."""
    if not value or not value.startswith("/console") or value.startswith("//") \
            or "\\" in value or any(ord(c) < 32 for c in value) or len(value) > 2000:
        return default
    return value
