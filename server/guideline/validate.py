"""Checks a guideline file before the server uses it.

An organisation may edit the wording or the tree; a mistake there must stop the server at
startup with a message that names the spot, not surface later as a wrong advice.
"""
from __future__ import annotations

from typing import Any


class GuidelineError(ValueError):
    """The guideline file is malformed; the message lists every problem found."""


# Reply drafts per outcome: one is no choice, more than four is a menu nobody reads.
MIN_DRAFTS, MAX_DRAFTS = 2, 4
MAX_DRAFT_CHARS = 400


def _categories() -> tuple[str, ...]:
    # The harm categories are the model's vocabulary; imported late so the guideline can be
    # checked without loading scikit-learn first.
    from model import CATEGORIES
    return CATEGORIES


def _names(problems: list[str], where: str, value: Any, expected: str) -> list[str]:
    """A list of ids, or a problem (and no ids) when it is not one."""
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return value
    problems.append(f"{where} must be {expected}, not {value!r}")
    return []


def validate_emergency(contacts: Any, langs: list[str]) -> None:
    """The emergency contacts: {"contacts": [{id, text, phone?, url?}], "support": texts}."""
    problems: list[str] = []
    if not isinstance(contacts, dict):
        raise GuidelineError("must be an object with 'contacts' and 'support'")

    def texts(where: str, value: Any) -> None:
        if not isinstance(value, dict):
            problems.append(f"{where}: expected texts per language {langs}")
            return
        for lang in langs:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                problems.append(f"{where}: text missing for language '{lang}'")

    rows = contacts.get("contacts")
    if not isinstance(rows, list) or not rows:
        problems.append("'contacts' must be a non-empty list")
        rows = []
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            problems.append(f"contact #{i} must be an object with an 'id'")
            continue
        texts(f"contact '{row['id']}' text", row.get("text"))
        if "phone" in row and not (isinstance(row["phone"], str) and any(c.isdigit() for c in row["phone"])):
            problems.append(f"contact '{row['id']}': phone {row['phone']!r} has no number to dial")
        if "url" in row and not (isinstance(row["url"], str) and row["url"].startswith("https://")):
            problems.append(f"contact '{row['id']}': url must start with https://, not {row['url']!r}")
    texts("support", contacts.get("support"))
    if problems:
        raise GuidelineError("invalid emergency contacts:\n  - " + "\n  - ".join(problems))


def validate(doc: Any) -> None:
    problems: list[str] = []
    if not isinstance(doc, dict):
        raise GuidelineError("the guideline must be a JSON object")
    if doc.get("format_version") != 1:
        problems.append(f"format_version must be 1, not {doc.get('format_version')!r}")
    langs = doc.get("languages")
    if not (isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs)):
        problems.append("languages must be a non-empty list of language codes")
        langs = []

    def texts(where: str, value: Any) -> None:
        if not isinstance(value, dict):
            problems.append(f"{where}: expected texts per language {langs}, found {type(value).__name__}")
            return
        for lang in langs:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                problems.append(f"{where}: text missing for language '{lang}'")

    def section(name: str) -> dict:
        value = doc.get(name)
        if not isinstance(value, dict) or not value:
            problems.append(f"'{name}' must be a non-empty object")
            return {}
        return value

    texts("title", doc.get("title"))
    questions, outcomes, tips = section("questions"), section("outcomes"), section("tips")
    for clash in sorted(set(questions) & set(outcomes)):
        problems.append(f"'{clash}' is both a question and an outcome")

    for qid, q in questions.items():
        if not isinstance(q, dict):
            problems.append(f"question '{qid}' must be an object")
            continue
        texts(f"question '{qid}' text", q.get("text"))
        if "help" in q:
            texts(f"question '{qid}' help", q["help"])
        for branch in ("yes", "no"):
            target = q.get(branch)
            if not isinstance(target, str) or (target not in questions and target not in outcomes):
                problems.append(f"question '{qid}': '{branch}' leads to unknown node {target!r}")

    drafts = doc.get("drafts", {})
    if not isinstance(drafts, dict):
        problems.append("'drafts' must be an object of draft replies")
        drafts = {}

    for oid, o in outcomes.items():
        if not isinstance(o, dict):
            problems.append(f"outcome '{oid}' must be an object")
            continue
        texts(f"outcome '{oid}' title", o.get("title"))
        texts(f"outcome '{oid}' advice", o.get("advice"))
        for flag in ("reporting", "show_chain_partners", "show_donts", "follow_up", "emergency"):
            if flag in o and not isinstance(o[flag], bool):
                problems.append(f"outcome '{oid}': '{flag}' must be true or false, not {o[flag]!r}")
        for tip in _names(problems, f"outcome '{oid}': 'tips'", o.get("tips", []), "a list of tip ids"):
            if tip not in tips:
                problems.append(f"outcome '{oid}' names unknown tip {tip!r}")
        named = _names(problems, f"outcome '{oid}': 'drafts'", o.get("drafts", []), "a list of draft ids")
        for draft in named:
            if draft not in drafts:
                problems.append(f"outcome '{oid}' names unknown draft {draft!r}")
        if named and not MIN_DRAFTS <= len(named) <= MAX_DRAFTS:
            problems.append(f"outcome '{oid}' offers {len(named)} draft(s); offer {MIN_DRAFTS} to "
                            f"{MAX_DRAFTS}, or none")

    for tid, tip in tips.items():
        texts(f"tip '{tid}' title", tip.get("title") if isinstance(tip, dict) else None)
        texts(f"tip '{tid}' text", tip.get("text") if isinstance(tip, dict) else None)
        if isinstance(tip, dict) and "categories" in tip:
            named = _names(problems, f"tip '{tid}': 'categories'", tip["categories"], "a list of harm categories")
            for category in named:
                if category not in _categories():
                    problems.append(f"tip '{tid}' names unknown category {category!r}; "
                                    f"use {', '.join(_categories())}")

    for did, draft in drafts.items():
        if not isinstance(draft, dict):
            problems.append(f"draft '{did}' must be an object")
            continue
        if draft.get("tip") not in tips:
            problems.append(f"draft '{did}' must name the tip it builds on; {draft.get('tip')!r} is not a tip")
        texts(f"draft '{did}' text", draft.get("text"))
        for lang in langs:
            text = draft.get("text", {}).get(lang) if isinstance(draft.get("text"), dict) else None
            if isinstance(text, str) and len(text) > MAX_DRAFT_CHARS:
                problems.append(f"draft '{did}' ({lang}) has {len(text)} characters; a reply of at most "
                                f"{MAX_DRAFT_CHARS} is read")

    donts = doc.get("donts")
    if not isinstance(donts, list) or not donts:
        problems.append("'donts' must be a non-empty list")
    else:
        for i, dont in enumerate(donts):
            texts(f"don't #{i + 1} ({dont.get('id') if isinstance(dont, dict) else '?'})",
                  dont.get("text") if isinstance(dont, dict) else None)

    def conditions(where: str, value: Any) -> dict:
        """A 'when'/'after' object: question id -> the answer (true/false) it waits for."""
        if value is None:
            return {}
        if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
            problems.append(f"{where} must be an object of question id -> true/false")
            return {}
        return value

    addenda = doc.get("addenda", [])
    if not isinstance(addenda, list):
        problems.append("'addenda' must be a list")
        addenda = []
    for i, addendum in enumerate(addenda):
        if not isinstance(addendum, dict):
            problems.append(f"addendum #{i + 1} must be an object")
            continue
        for qid in conditions(f"addendum #{i + 1}: 'when'", addendum.get("when")):
            if qid not in questions:
                problems.append(f"addendum #{i + 1} depends on unknown question {qid!r}")
        texts(f"addendum #{i + 1} text", addendum.get("text"))

    optional = doc.get("optional_questions") or {}
    if not isinstance(optional, dict):
        problems.append("'optional_questions' must be an object of question id -> question")
        optional = {}
    for qid, opt in optional.items():
        if qid not in questions:
            problems.append(f"optional question {qid!r} is not a question")
        if not isinstance(opt, dict):
            problems.append(f"optional question {qid!r} must be an object")
            continue
        for cond in conditions(f"optional question {qid!r}: 'after'", opt.get("after")):
            if cond not in questions:
                problems.append(f"optional question {qid!r} depends on unknown question {cond!r}")
        texts(f"optional question '{qid}' text", opt.get("text"))

    start = doc.get("start")
    if not isinstance(start, str) or start not in questions:
        problems.append(f"start {start!r} is not a question")
    elif not problems:
        problems.extend(_tree_problems(start, questions, outcomes))
    if problems:
        raise GuidelineError("invalid guideline:\n  - " + "\n  - ".join(problems))


def _tree_problems(start: str, questions: dict, outcomes: dict) -> list[str]:
    """Every branch must end in an outcome without revisiting a question; nothing may be unreachable."""
    problems: list[str] = []
    reached: set[str] = set()

    def walk(node: str, trail: tuple[str, ...]) -> None:
        reached.add(node)
        if node in outcomes:
            return
        if node in trail:
            problems.append("cycle: " + " -> ".join(trail[trail.index(node):] + (node,)))
            return
        for branch in ("yes", "no"):
            walk(questions[node][branch], trail + (node,))

    walk(start, ())
    for node in sorted((set(questions) | set(outcomes)) - reached):
        kind = "question" if node in questions else "outcome"
        problems.append(f"{kind} '{node}' cannot be reached from '{start}'")
    return problems
