"""Perspective's attributes from our classifier's answer.

Our model gives ``score``, P(discriminatory, hurtful or threatening), and ``categories``, that
score split over the three kinds of harm (they add up to it). Perspective's attributes:

* TOXICITY: ``score``, the model's calibrated probability (the same number /api/v1/classify gives).
* IDENTITY_ATTACK: ``categories.discriminatory``, P(harmful and aimed at a group for who they are).
* INSULT: ``categories.hurtful``.
* THREAT: ``categories.threatening``.
* PROFANITY: from a word list (``profanity``): swearing is not what the model was taught.
* SEVERE_TOXICITY: max(THREAT, IDENTITY_ATTACK, TOXICITY x PROFANITY). Perspective's severe
  toxicity ignores the milder forms (an insult without swearing, a curse word in a friendly
  post); what stays are threats and attacks on a group (the kinds Dutch criminal law names:
  art. 285 and 137c-d Sr) and harmful posts that swear. It is never above TOXICITY.

Every value is a probability in [0, 1]; ``value`` rounds it to 6 decimals, as Perspective does
about.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from . import profanity

ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "THREAT", "PROFANITY")
CATEGORY_OF = {"IDENTITY_ATTACK": "discriminatory", "INSULT": "hurtful", "THREAT": "threatening"}


def _number(value) -> float:
    """A score from the classifier's answer as a float in [0, 1] (0 when missing or not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, float(value)))


def _category(result: dict, name: str) -> float:
    categories = result.get("categories")
    return _number(categories.get(name)) if isinstance(categories, dict) else 0.0


def values(result: dict, text: str, wanted: tuple[str, ...]) -> dict[str, float]:
    """The ``wanted`` attributes of ``text``, given the classifier's ``result`` for it."""
    toxicity = _number(result.get("score"))
    cache: dict[str, float] = {}

    def profane() -> float:
        if "p" not in cache:
            cache["p"] = profanity.score(text)
        return cache["p"]

    rules: dict[str, Callable[[], float]] = {
        "TOXICITY": lambda: toxicity,
        "IDENTITY_ATTACK": lambda: _category(result, "discriminatory"),
        "INSULT": lambda: _category(result, "hurtful"),
        "THREAT": lambda: _category(result, "threatening"),
        "PROFANITY": profane,
        "SEVERE_TOXICITY": lambda: min(toxicity, max(_category(result, "threatening"),
                                                     _category(result, "discriminatory"),
                                                     toxicity * profane())),
    }
    return {name: round(rules[name](), 6) for name in wanted}
