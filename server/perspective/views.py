"""POST /v1alpha1/comments:analyze and comments:suggestscore, and the discovery document.

The comment's text is used for the answer (analyze) or stored scrubbed as an example
(suggestscore, when allowed); it is never logged. Auth is the server's own: a worker token, in
``Authorization: Bearer`` or, as Perspective clients send their API key, in ``?key=``.
"""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, request

from ..api import validation
from ..auth import current_principal, query_key
from ..database import get_db
from ..learning import examples
from ..learning.model_store import get_store
from . import PREFIX, attributes, discovery, language, requests, spans
from .errors import PerspectiveError

log = logging.getLogger(__name__)

bp = Blueprint("perspective", __name__, url_prefix=PREFIX)
# Google serves the discovery document at the root, beside the versioned paths.
discovery_bp = Blueprint("perspective_discovery", __name__)


@bp.post("/comments:analyze")
@query_key
def analyze():
    asked = requests.analyze(validation.json_object(request), max_chars=_max_chars())
    store = get_store()
    wanted = tuple(asked.attributes)
    result = store.classify(asked.text, explain=False)
    summary = attributes.values(result, asked.text, wanted)
    pieces = spans.sentences(asked.text) if asked.spans else []
    if len(pieces) <= 1:
        # Without spanAnnotations Perspective gives one span: the whole comment.
        pieces = [(0, len(asked.text))]
        per_span = [summary]
    else:
        per_span = [attributes.values(store.classify(asked.text[b:e], explain=False),
                                      asked.text[b:e], wanted) for b, e in pieces]
    scores = {}
    for name in wanted:
        threshold = asked.attributes[name] or 0.0
        if summary[name] < threshold:
            continue  # Perspective leaves out an attribute whose score is under its threshold
        scores[name] = {
            "spanScores": [{"begin": b, "end": e, "score": _probability(values[name])}
                           for (b, e), values in zip(pieces, per_span) if values[name] >= threshold],
            "summaryScore": _probability(summary[name]),
        }
    detected = language.detect(asked.text)
    answer = {"attributeScores": scores, "languages": asked.languages or [detected],
              "detectedLanguages": [detected]}
    if asked.client_token is not None:
        answer["clientToken"] = asked.client_token
    return answer


@bp.post("/comments:suggestscore")
@query_key
def suggest_score():
    if not feedback_allowed(current_app.config.get("PERSPECTIVE_FEEDBACK")):
        raise PerspectiveError(403, "feedback (comments:suggestscore) is switched off on this "
                                    "server: its organisation keeps no comments from this API. An "
                                    "admin can switch it on with REAGEERWIJZER_PERSPECTIVE_FEEDBACK=true",
                               code="feedback_switched_off")
    suggested = requests.suggest(validation.json_object(request), max_chars=_max_chars())
    detected = language.detect(suggested.text)
    answer = {"detectedLanguages": [detected], "requestedLanguages": suggested.languages}
    if suggested.client_token is not None:
        answer["clientToken"] = suggested.client_token
    if suggested.do_not_store:
        log.info("perspective feedback not stored: the client sent doNotStore")
        return answer
    label, category = verdict(suggested.scores)
    ours = get_store().classify(suggested.text, explain=False)
    new = examples.NewExample(text=suggested.text, label=label, category=category,
                              lang=(suggested.languages or [detected])[0],
                              score=_score_or_none(ours.get("score")),
                              model_version=ours.get("model_version"))
    example_id, created = examples.add(get_db(), new, saved_by=current_principal().name)
    log.info("perspective feedback: example %s %s (label %s, %d chars)", example_id,
             "saved" if created else "exists", label, len(new.text))
    return answer


@discovery_bp.get("/$discovery/rest")
@query_key
def discovery_document():
    """What Google's API client libraries read to know the methods (``discoveryServiceUrl``).
    Behind a token like everything but /health: the client library sends its key with it."""
    return discovery.document(request.host_url)


# The harm attributes a moderator's verdict maps to our label; PROFANITY says nothing about harm.
HARM = ("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "THREAT")


def verdict(scores: dict[str, float]) -> tuple[int, str | None]:
    """(label, category) of a moderator's suggested scores: harmful when any harm attribute is
    at least 0.5; the category of the strongest of IDENTITY_ATTACK, INSULT, THREAT among those."""
    harm = {name: value for name, value in scores.items() if name in HARM}
    if not harm:
        raise requests.bad("suggest a score for at least one of " + ", ".join(HARM) + "; "
                           "PROFANITY alone says nothing about harm", "no_harm_attribute")
    if max(harm.values()) < 0.5:
        return 0, None
    kinds = {attributes.CATEGORY_OF[n]: v for n, v in harm.items() if n in attributes.CATEGORY_OF and v >= 0.5}
    return 1, (max(kinds, key=kinds.get) if kinds else None)


def feedback_allowed(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return value is True or value == 1


def _probability(value: float) -> dict:
    return {"value": value, "type": "PROBABILITY"}


def _score_or_none(value):
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        and 0 <= value <= 1 else None


def _max_chars() -> int:
    return int(current_app.config["MAX_TEXT_CHARS"])
