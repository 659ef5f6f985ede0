"""Are the highlighted words really why a post was flagged? Measured the way ERASER does.

ERASER (DeYoung et al., 2020) calls an explanation *comprehensive* when removing the words it
points at removes the prediction. Here: for each flagged post (label 1), delete every
occurrence of its highlighted words and score it again; the share that falls below the
threshold is the comprehensiveness. A second check: when a flagged post contains a slur (a
word from a list the caller gives), that slur must be among the highlights.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._classifier import PostClassifier
from ._highlight import without_terms
from ._normalize import tokenize

__all__ = ["faithfulness", "without_terms"]


def faithfulness(model: PostClassifier, texts: Sequence[str], *,
                 slurs: Iterable[str] = ()) -> dict:
    """Comprehensiveness of the highlights on the flagged ``texts``, and slur coverage.

    Returns ``{"flagged", "comprehensive", "comprehensiveness", "mean_score_drop",
    "with_slur", "slur_highlighted", "slur_coverage", "missed_slurs"}``; ``missed_slurs``
    gives, per flagged post whose slur was not highlighted, the index of the post and the
    slur (never the post's text).
    """
    slurs = {s.lower() for s in slurs}
    flagged = comprehensive = with_slur = slur_hit = 0
    drops, missed = [], []
    for i, text in enumerate(texts):
        result = model.classify(text)
        if result["label"] != 1:
            continue
        flagged += 1
        terms = [item["term"] for item in result["explanation"]]
        after = model.classify(without_terms(text, terms), explain=False)["score"] if terms \
            else result["score"]
        comprehensive += after < model.threshold
        drops.append(result["score"] - after)
        found = {t.norm for t in tokenize(text)} & slurs
        if found:
            with_slur += 1
            shown = {t.norm for term in terms for t in tokenize(term)}
            if found & shown:
                slur_hit += 1
            else:
                missed.append({"index": i, "slurs": sorted(found)})
    return {
        "flagged": flagged,
        "comprehensive": comprehensive,
        "comprehensiveness": round(comprehensive / flagged, 4) if flagged else None,
        "mean_score_drop": round(sum(drops) / len(drops), 4) if drops else None,
        "with_slur": with_slur,
        "slur_highlighted": slur_hit,
        "slur_coverage": round(slur_hit / with_slur, 4) if with_slur else None,
        "missed_slurs": missed,
    }
