"""Deterministic enlargement of the training data: seeded word swaps, typos, emoji and casing.

The enlarged sets exist to time training at 1k, 10k and 100k examples; the variants keep the
label of the post they come from. Every variant normalises to a text not seen before, so the
model's own deduplication (by normalised text) keeps all of them.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

import model

EMOJI = ("😂", "🤮", "😡", "👍", "🙄", "💯", "🔥", "😤", "🤡", "❤️", "😭", "👀")
# Neighbours on a QWERTY keyboard, for plausible typos.
_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {ch: "".join(row[j] for j in (i - 1, i + 1) if 0 <= j < len(row))
               for row in _KEYS for i, ch in enumerate(row)}
COLUMNS = ("text", "label", "category", "lang", "source", "kind")


def swap_words(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 2:
        return text
    i = rng.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def typo(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if not letters:
        return text
    i = rng.choice(letters)
    ch = text[i]
    kind = rng.randrange(4)
    if kind == 0:  # a neighbouring key
        near = _NEIGHBOURS.get(ch.lower())
        return text[:i] + (rng.choice(near) if near else ch) + text[i + 1:]
    if kind == 1:  # a letter dropped
        return text[:i] + text[i + 1:]
    if kind == 2:  # a letter doubled
        return text[:i] + ch + text[i:]
    if i + 1 < len(text):  # two letters swapped
        return text[:i] + text[i + 1] + ch + text[i + 2:]
    return text


def add_emoji(text: str, rng: random.Random) -> str:
    emoji = rng.choice(EMOJI) * rng.randint(1, 2)
    words = text.split(" ")
    at = rng.randint(0, len(words))
    return " ".join([*words[:at], emoji, *words[at:]])


def recase(text: str, rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return text.upper()
    if kind == 1:
        return text.lower()
    words = text.split(" ")
    i = rng.randrange(len(words))
    words[i] = words[i].upper()
    return " ".join(words)


PERTURBATIONS = (swap_words, typo, add_emoji, recase)


def enlarge(examples: list, size: int, *, seed: int = 20261124) -> list[dict]:
    """``size`` rows: a seeded sample of ``examples`` when there are enough, else all of them
    plus perturbed variants (round-robin over the originals) until there are ``size``."""
    rng = random.Random(seed)
    originals = list(examples)
    rng.shuffle(originals)
    if size <= len(originals):
        return [_row(e, e.text) for e in originals[:size]]
    rows = [_row(e, e.text) for e in originals]
    seen = {model.normalize(e.text) for e in originals}
    k = 0
    while len(rows) < size:
        base = originals[k % len(originals)]
        k += 1
        for attempt in range(1, 12):
            text = base.text
            # Casing alone normalises away, so it always comes with a change that survives.
            for step in rng.sample(PERTURBATIONS, k=min(len(PERTURBATIONS), rng.randint(1, 2) + attempt // 4)):
                text = step(text, rng)
            key = model.normalize(text)
            if text.strip() and key not in seen:
                seen.add(key)
                rows.append(_row(base, text, source="bench-perturbed"))
                break
    return rows


def write_csv(rows: list[dict], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "train.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(example, text: str, *, source: str | None = None) -> dict:
    return {"text": text, "label": example.label, "category": example.category,
            "lang": example.lang, "source": source or example.source, "kind": example.kind}
