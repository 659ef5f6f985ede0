"""(d) Crafted texts: the slowest post a fuzzer finds, against a typical post of the same length.

A text that makes one part of the classifier quadratic ("1?" * 2500 once took 500 times a
normal post) lets one client tie up a server thread. The fuzzer builds texts of the longest
accepted length from repeated fragments of the characters the tokeniser and the structural
cues react to, keeps the slowest and mutates them; the row reports the worst one found
against typical posts of the same length.
"""
from __future__ import annotations

import random
import time

# What the normaliser, the tokeniser and the structural cues treat specially.
FRAGMENTS = ("1", "?", "!", ".", ",", "-", "+", "@", "#", "'", '"', "\u201c", "\u201d", "\u201e",
             "\u2018", "\u2019", "\u00ab", "\u00bb", " ", "\n", "a", "k", "4", "niet ", "not ",
             "ik ben ", "jij ", "zei: ", "said: ", "www.", "http://", "x.nl/", "\u200b", "*",
             "/", ":", "\U0001F600", "\u0301", "_", "$", "%", "(", ")", "aaaa", "kanker", "e",
             "\uff20", "\uff11")
SEEDS = ("1?", "'a ", '"a" ', "-.", "+", "\u201ca", "a.", "k a n k e r ", "zei: a ", "niet ",
         "a@", "@a.", "www.a", "'a'", "\u2018a ", "1.1.", "a-", "a'-", "?\n")


def run(clf, *, typical_posts: list[str], length: int, quick: bool, seed: int = 0) -> dict:
    """The worst crafted text found in the time budget, and its cost relative to typical posts."""
    rng = random.Random(seed)
    budget = 20.0 if quick else 60.0

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            clf.classify(text)
            best = min(best, time.perf_counter() - t0)
        return best

    typical_text = _fill(" ".join(typical_posts), length)
    typical = min(cost(_fill(" ".join(rng.sample(typical_posts, len(typical_posts))), length))
                  for _ in range(3))
    typical = min(typical, cost(typical_text))
    pool = [(cost(_fill(s, length)), s) for s in SEEDS]
    tried = len(pool)
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline:
        pool.sort(reverse=True)
        parent = pool[rng.randrange(min(6, len(pool)))][1]
        child = _mutate(parent, rng)
        pool.append((cost(_fill(child, length)), child))
        tried += 1
        pool = sorted(pool, reverse=True)[:30]
    pool.sort(reverse=True)
    worst_seconds, worst = pool[0]
    return {"length": length, "texts_tried": tried, "budget_seconds": budget,
            "typical_ms": round(typical * 1000, 3),
            "worst_ms": round(worst_seconds * 1000, 3),
            "worst_pattern": worst[:40],
            "ratio": round(worst_seconds / typical, 2),
            "known_cases": {name: round(cost(_fill(s, length)) / typical, 2)
                            for name, s in (("'1?' * 2500", "1?"), ("\"'a \" * 1666", "'a "))}}


def _fill(pattern: str, length: int) -> str:
    return (pattern * (length // max(1, len(pattern)) + 1))[:length]


def _mutate(pattern: str, rng: random.Random) -> str:
    choice = rng.random()
    if choice < 0.4:  # insert a fragment
        at = rng.randrange(len(pattern) + 1)
        pattern = pattern[:at] + rng.choice(FRAGMENTS) + pattern[at:]
    elif choice < 0.6 and len(pattern) > 1:  # drop a character
        at = rng.randrange(len(pattern))
        pattern = pattern[:at] + pattern[at + 1:]
    elif choice < 0.8:  # replace a character
        at = rng.randrange(len(pattern))
        pattern = pattern[:at] + rng.choice(FRAGMENTS) + pattern[at + 1:]
    else:  # a new pattern from scratch
        pattern = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 6)))
    return pattern[:60] or "a"
