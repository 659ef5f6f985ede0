"""Erasure augmentation: the function words of a harmful post, on their own, are harmless.

Much of the training data comes from templates, and the harmful templates share their
function words ("die ... zijn gewoon ...", "they are all ..."). A model then learns those
words as evidence: a harmful post with its slurs and insults deleted still scored 0.99.
That is wrong, and it makes the highlights unfaithful (deleting the highlighted words should
remove the verdict; see _faithfulness). So training adds, for every harmful example, its
*skeleton*: the same text with every word but the stop words cut out, labelled 0. The
skeletons exist only inside training; they are not training data and are never shown.
"""
from __future__ import annotations

from ._classifier import has_content
from ._data import Dataset
from ._explain import STOP_WORDS
from ._highlight import without_terms
from ._normalize import normalize, tokenize


def skeleton(text: str) -> str | None:
    """``text`` with its non-stop words cut out, or None when nothing (or everything) is left."""
    tokens = tokenize(text)
    content = {text[t.start:t.end] for t in tokens if t.norm not in STOP_WORDS}
    if not content or len(content) == len({text[t.start:t.end] for t in tokens}):
        return None
    rest = without_terms(text, content)
    return rest if has_content(rest) else None


def skeletons(dataset: Dataset) -> list[str]:
    """The skeletons of the harmful examples, each once, none equal to an example's text."""
    seen = {normalize(t) for t in dataset.texts}
    out = []
    for example in dataset.examples:
        if example.label != 1:
            continue
        rest = skeleton(example.text)
        if rest is None:
            continue
        key = normalize(rest)
        if key not in seen:
            seen.add(key)
            out.append(rest)
    return out
