"""Walks the guideline tree: answers so far in, next question or outcome out."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .validate import GuidelineError, validate, validate_emergency

# Emergency contacts shipped with the server, per country; an organisation picks one or its own file.
EMERGENCY_DEFAULTS = Path(__file__).resolve().parent / "emergency.json"


class AnswerError(ValueError):
    """The answers do not fit the tree (unknown question, off the path, not a yes/no)."""


@dataclass(frozen=True)
class Advice:
    """Where a set of answers leads: the next question, or the outcome with what fits it."""

    complete: bool
    path: list[str]
    next_question: dict | None
    outcome: dict | None
    optional_questions: list[dict] = field(default_factory=list)
    tips: list[dict] = field(default_factory=list)
    donts: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "complete": self.complete,
            "next_question": self.next_question,
            "outcome": self.outcome,
            "path": self.path,
            "optional_questions": self.optional_questions,
            "tips": self.tips,
            "donts": self.donts,
        }


class Guideline:
    """A validated guideline document."""

    def __init__(self, doc: dict, emergency: dict | None = None) -> None:
        validate(doc)
        if emergency is not None:
            validate_emergency(emergency, doc["languages"])
        self.doc = doc
        # Shown with every outcome marked "emergency" (the `refer` outcome): 112, police, reporting.
        self.emergency = emergency
        self.languages: list[str] = list(doc["languages"])
        self.questions: dict[str, dict] = doc["questions"]
        self.outcomes: dict[str, dict] = doc["outcomes"]
        self.optional: dict[str, dict] = doc.get("optional_questions") or {}

    # -- presentation ------------------------------------------------------------------
    def question(self, qid: str, lang: str) -> dict:
        q = self.questions[qid]
        return {"id": qid, "text": q["text"][lang], "help": q.get("help", {}).get(lang),
                "prefill": q.get("prefill")}

    def outcome(self, oid: str, lang: str, answers: dict[str, bool]) -> dict:
        o = self.outcomes[oid]
        addenda = [a["text"][lang] for a in self.doc.get("addenda", [])
                   if all(answers.get(q) is v for q, v in a["when"].items())]
        return {"id": oid, "title": o["title"][lang], "advice": o["advice"][lang],
                "addenda": addenda, "reporting": bool(o.get("reporting")),
                "show_chain_partners": bool(o.get("show_chain_partners")),
                "follow_up": bool(o.get("follow_up")),
                "emergency": self.emergency_for(lang) if o.get("emergency") else None,
                "drafts": [self.draft(did, lang) for did in o.get("drafts", [])]}

    def emergency_for(self, lang: str) -> dict | None:
        if self.emergency is None:
            return None
        contacts = [{"id": c["id"], "text": c["text"][lang], "phone": c.get("phone"), "url": c.get("url")}
                    for c in self.emergency["contacts"]]
        return {"contacts": contacts, "support": self.emergency["support"][lang]}

    def draft(self, did: str, lang: str) -> dict:
        d = self.doc["drafts"][did]
        return {"id": did, "tip": d["tip"], "text": d["text"][lang]}

    def tip(self, tid: str, lang: str) -> dict:
        t = self.doc["tips"][tid]
        return {"id": tid, "title": t["title"][lang], "text": t["text"][lang]}

    def tip_fits(self, tid: str, category: str | None) -> bool:
        """A tip meant for some harm categories only is left out when the post is of another one."""
        categories = self.doc["tips"][tid].get("categories")
        return category is None or not categories or category in categories

    def donts(self, lang: str) -> list[dict]:
        return [{"id": d.get("id"), "text": d["text"][lang]} for d in self.doc["donts"]]

    def describe(self, lang: str) -> dict:
        """The whole guideline in one language, for clients that walk it themselves offline."""
        self._check_lang(lang)
        return {
            "lang": lang,
            "title": self.doc["title"][lang],
            "start": self.doc["start"],
            "questions": {qid: {**self.question(qid, lang), "yes": q["yes"], "no": q["no"]}
                          for qid, q in self.questions.items()},
            "outcomes": {oid: {**self.outcome(oid, lang, {}), "tips": list(o.get("tips", [])),
                               "show_donts": o.get("show_donts", True)}
                         for oid, o in self.outcomes.items()},
            "optional_questions": {qid: {"id": qid, "text": o["text"][lang], "after": o.get("after", {})}
                                   for qid, o in self.optional.items()},
            "addenda": [{"id": a.get("id"), "when": a["when"], "text": a["text"][lang]}
                        for a in self.doc.get("addenda", [])],
            "tips": {tid: {**self.tip(tid, lang), "categories": self.doc["tips"][tid].get("categories")}
                     for tid in self.doc["tips"]},
            "donts": self.donts(lang),
        }

    # -- walking -----------------------------------------------------------------------
    def walk(self, answers: dict[str, Any], lang: str, category: str | None = None) -> Advice:
        """Where `answers` lead; `category` (the post's harm category, when known) leaves out
        tips written for other kinds of harm."""
        self._check_lang(lang)
        for qid, value in answers.items():
            if qid not in self.questions:
                raise AnswerError(f"unknown question '{qid}'; known: {', '.join(self.questions)}")
            if not isinstance(value, bool):
                raise AnswerError(f"answer to '{qid}' must be true or false, not {value!r}")

        path: list[str] = []
        node = self.doc["start"]
        while node in self.questions:
            path.append(node)
            if node not in answers:
                break
            node = self.questions[node]["yes" if answers[node] else "no"]

        optional = [qid for qid, opt in self.optional.items() if qid not in path
                    and all(answers.get(q) is v for q, v in opt.get("after", {}).items())]
        for qid in answers:
            if qid not in path and qid not in optional:
                raise AnswerError(f"question '{qid}' is not on the path of these answers "
                                  f"(path: {' > '.join(path)})")

        donts = self.donts(lang)
        optional_qs = [{"id": qid, "text": self.optional[qid]["text"][lang],
                        "answer": answers.get(qid)} for qid in optional]
        if node in self.questions:
            return Advice(complete=False, path=path, next_question=self.question(node, lang),
                          outcome=None, optional_questions=optional_qs, donts=donts)
        o = self.outcomes[node]
        tips = [self.tip(t, lang) for t in o.get("tips", []) if self.tip_fits(t, category)]
        # An outcome for harmless posts shows no don'ts about handling hate.
        if o.get("show_donts") is False:
            donts = []
        return Advice(complete=True, path=path, next_question=None,
                      outcome=self.outcome(node, lang, answers), optional_questions=optional_qs,
                      tips=tips, donts=donts)

    def leads_to(self, path: list[str], outcome: str) -> bool:
        """Do the questions ``path``, asked in this order from the start, end in ``outcome``?"""
        if not path or path[0] != self.doc["start"] or outcome not in self.outcomes:
            return False
        for here, there in zip(path, [*path[1:], outcome]):
            q = self.questions.get(here)
            if q is None or there not in (q["yes"], q["no"]):
                return False
        return True

    def _check_lang(self, lang: str) -> None:
        if lang not in self.languages:
            raise AnswerError(f"unknown language '{lang}'; choose one of: {', '.join(self.languages)}")


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuidelineError(f"{what} file not found: {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise GuidelineError(f"{what} file {path} is not valid JSON: {err}") from None


def load_emergency(setting: str | Path | None) -> dict | None:
    """The emergency contacts: a country code of the shipped defaults ("nl", "be"), or the path
    of an organisation's own file with the same shape as one country; None or "" for none."""
    if setting is None or str(setting).strip() == "":
        return None
    defaults = _read_json(EMERGENCY_DEFAULTS, "emergency contacts")
    key = str(setting).strip()
    if key.lower() in defaults:
        return defaults[key.lower()]
    path = Path(key)
    if path.suffix != ".json":
        raise GuidelineError(f"emergency contacts {key!r}: use one of {', '.join(defaults)} "
                             "or the path of a .json file")
    return _read_json(path, "emergency contacts")


def load_guideline(path: str | Path, emergency: str | Path | None = "nl") -> Guideline:
    """Read and validate a guideline file (and the emergency contacts, see load_emergency);
    GuidelineError names what is wrong."""
    path = Path(path)
    doc = _read_json(path, "guideline")
    try:
        validate(doc)
    except GuidelineError as err:
        raise GuidelineError(f"{path}: {err}") from None
    contacts = load_emergency(emergency)
    if contacts is not None:
        try:
            validate_emergency(contacts, doc["languages"])
        except GuidelineError as err:
            raise GuidelineError(f"emergency contacts {emergency}: {err}") from None
    return Guideline(doc, contacts)
