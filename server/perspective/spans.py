"""Sentences of a comment with their character offsets, for Perspective's ``spanScores``.

A sentence ends at ., ! or ? (or a run of them, or an ellipsis) followed by white space, or at a
line break. Offsets are Python string indices (code points) into the text as sent; the span
excludes the white space between sentences.
"""
from __future__ import annotations

import re

_SPLIT = re.compile(r"(?<=[.!?\u2026])\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each non-blank sentence of ``text``."""
    spans, start = [], 0
    for gap in _SPLIT.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    out = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((begin + lead, begin + lead + len(stripped)))
    return out
