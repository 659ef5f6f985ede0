"""Spelling variants, as posts really obfuscate words (leetspeak, spaces, dots, asterisks, typos).

Every step applies them to the same share of both labels, so a variant is no label cue. The
leetspeak table and the emoji per kind are in ``training_data/obfuscation.toml``.
"""
from __future__ import annotations

from . import data

MARK_OPEN, MARK_CLOSE = "\x01", "\x02"  # around the span of a post that may get a variant
WORD_TRANSFORMS = ("leet", "spaced", "dotted", "asterisk", "drop", "double", "swap")
TEXT_TRANSFORMS = ("nospace", "caps", "emoji", "punct")
ALL_TRANSFORMS = WORD_TRANSFORMS + TEXT_TRANSFORMS


def mark(span):
    return MARK_OPEN + span + MARK_CLOSE


def strip_marks(text):
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def same_text(marked):
    """The same-text key of a post that may still carry marks."""
    return data.same_text(strip_marks(marked))


def leet():
    """letter -> the symbols that stand in for it"""
    return data.obfuscation()["leet"]


def word_variant(word, kind, rng):
    """One named variant of ``word`` (step templates); None when it does not apply."""
    chars = list(word)
    n = len(chars)
    if kind == "leet":
        table = leet()
        pos = [i for i, c in enumerate(chars) if c.lower() in table]
        if not pos:
            return None
        for i in [i for i in pos if rng.random() < 0.5] or [rng.choice(pos)]:
            chars[i] = rng.choice(table[chars[i].lower()])
        return "".join(chars)
    if kind in ("spaced", "dotted"):
        return (" " if kind == "spaced" else ".").join(chars)
    if kind == "asterisk":
        pos = [i for i in range(1, n - 1) if chars[i].lower() in "aeiouy"] or list(range(1, n - 1))
        for i in sorted(rng.sample(pos, min(len(pos), rng.choice([1, 1, 2])))):
            chars[i] = "*"
        return "".join(chars)
    if kind == "drop":
        i = rng.randrange(1, n - 1)
        return "".join(chars[:i] + chars[i + 1:])
    if kind == "double":
        i = rng.randrange(1, n)
        return "".join(chars[:i] + [chars[i]] * rng.choice([1, 1, 2, 3]) + chars[i:])
    if kind == "swap":
        pos = [i for i in range(1, n - 2) if chars[i] != chars[i + 1]]
        if not pos:
            return None
        i = rng.choice(pos)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)
    raise ValueError(kind)


def text_variant(text, kind, transforms, rng):
    """The whole-text variants among ``transforms``: glued words, punctuation, capitals, emoji."""
    if "nospace" in transforms:
        words = text.split(" ")
        if len(words) >= 5:
            k = rng.choice([2, 2, 3])
            j = rng.randrange(0, len(words) - k + 1)
            text = " ".join(words[:j] + ["".join(words[j:j + k])] + words[j + k:])
    if "punct" in transforms:
        base = text.rstrip(" .!?")
        tail = rng.choice(["??", "?!", "???"]) if text.rstrip().endswith("?") else \
            rng.choice(["!!!", "!!1", "...", "!!!!!", " !!", "?!"])
        text = base + tail
    if "caps" in transforms:
        text = text.upper()
    if "emoji" in transforms:
        e = rng.choice(data.obfuscation()["emoji"][kind])
        text = text + rng.choice([" ", "", " "]) + e * rng.choice([1, 1, 2, 3])
    return text


def typo_nl(rng, w):
    """One spelling variant of a word (step contrasts_nl); unchanged if it is too short."""
    letters = [i for i, c in enumerate(w) if c.isalpha()]
    if len(letters) < 4:
        return w
    op = rng.choice(["drop", "drop", "swap", "leet", "spaces", "star", "double"])
    inner = letters[1:-1]
    if op == "drop":
        i = rng.choice(inner)
        return w[:i] + w[i + 1:]
    if op == "swap":
        i = rng.choice(inner[:-1] or inner)
        if i + 1 < len(w) and w[i + 1].isalpha():
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        return w[:i] + w[i + 1:]
    if op == "leet":
        table = leet()
        cand = [i for i in letters if w[i].lower() in table]
        if not cand:
            return w[:inner[0]] + w[inner[0] + 1:]
        picks = set(rng.sample(cand, min(len(cand), rng.choice([1, 2]))))
        return "".join(rng.choice(table[c.lower()]) if i in picks else c for i, c in enumerate(w))
    if op == "spaces":
        return " ".join(w)
    if op == "star":
        i = rng.choice([i for i in inner if w[i].lower() in "aeiou"] or inner)
        return w[:i] + "*" + w[i + 1:]
    i = rng.choice(inner)
    return w[:i] + w[i] + w[i:]


def typo_en(word, rng):
    """One spelling variant of a word or phrase (step contrasts_en)."""
    table = leet()
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    kind = rng.choice(["drop", "swap", "leet", "spaces", "nospace", "star"])
    if kind == "nospace" and " " not in word:
        kind = "drop"
    if kind == "spaces" and len(word.split(" ")[0]) > 9:
        kind = "leet"
    if kind == "leet" and not any(word[i].lower() in table for i in letters):
        kind = "swap"
    inner = letters[1:-1] if len(letters) > 3 else letters
    if kind == "drop":
        i = rng.choice(inner)
        return word[:i] + word[i + 1:]
    if kind == "swap":
        cand = [i for i in inner if i + 1 < len(word) and word[i + 1].isalpha()
                and word[i] != word[i + 1]]
        if not cand:
            i = rng.choice(inner)
            return word[:i] + word[i + 1:]
        i = rng.choice(cand)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "leet":
        cand = [i for i in letters if word[i].lower() in table]
        out = list(word)
        for i in rng.sample(cand, min(len(cand), rng.choice([1, 2]))):
            out[i] = rng.choice(table[word[i].lower()])
        return "".join(out)
    if kind == "spaces":
        first, _, rest = word.partition(" ")
        return " ".join(first) + (" " + rest if rest else "")
    if kind == "nospace":
        return word.replace(" ", "")
    i = rng.choice([i for i in inner if word[i].lower() in "aeiou"] or inner)
    return word[:i] + "*" + word[i + 1:]


def typo_light(rng, text, protect):
    """Spelling noise on one word longer than four letters that is not in ``protect`` (step balance)."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha() and w.lower() not in protect]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    op = rng.randrange(4)
    j = rng.randrange(1, len(w) - 1)
    if op == 0:
        w = w[:j] + w[j + 1:]
    elif op == 1:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif op == 2:
        for letter in "eo":
            w = w.replace(letter, leet()[letter][0], 1)
    else:
        w = w[:j] + " " + w[j:]
    words[i] = w
    return " ".join(words)
