"""Swear words in a comment, for Perspective's PROFANITY (and a part of SEVERE_TOXICITY).

Our model answers "discriminatory, hurtful or threatening?", which is not "does it swear?":
"fucking geweldig" swears and harms no one, "moslims zijn ratten" harms without a swear word.
So PROFANITY comes from a word list, Dutch and English, matched on the model's own tokens
(leetspeak, spaced-out letters and long letter runs already undone: ``k 4 n k 3 r`` is
``kanker``), with letter doublings ignored ("shiiit", "klootzak" = "klotzak") and a masked
letter allowed ("f*ck", "k*t").

A word counts when a token is a listed word, or starts with one of the curses that Dutch and
English glue in front of other words ("kankerlijer", "teringzooi", "klotebaan", "kutweer",
"fuckwit"); a two-word entry ("rot op") allows one word between ("rot toch op").
Disease curses (kanker, tyfus, tering, pleuris, kolere) are also the names of illnesses:
"mijn oma heeft kanker" and "longkanker" do not swear, so they count only at the front of a
word and not right after a word that talks about the illness (heeft, aan, tegen, ...).

Each listed word has a strength: how sure a reader is that it is a swear word whatever the
context (0.95 strong, 0.8 plain, 0.6 mild). The comment's PROFANITY is
1 - prod(1 - strength) over the words found, and NO_SWEARING when none is found: a list never
has every word, so not finding one is not certainty. Measured in tests/test_perspective_profanity.py.
"""
from __future__ import annotations

import re

import model

NO_SWEARING = 0.02

_STRONG = 0.95
_PLAIN = 0.8
_MILD = 0.6

# Word (or the front of a compound) -> strength. Letter doublings are ignored when matching.
WORDS = {
    # Dutch
    "kanker": _STRONG, "kk": _PLAIN, "tyfus": _STRONG, "tiefus": _STRONG, "tering": _STRONG,
    "kolere": _STRONG, "klere": _PLAIN, "pleuris": _STRONG, "godverdomme": _STRONG,
    "godverdomse": _STRONG, "godver": _PLAIN, "gvd": _PLAIN, "verdomme": _MILD, "verdomd": _MILD,
    "kut": _STRONG, "klootzak": _STRONG, "kloothommel": _PLAIN, "klote": _PLAIN, "hoer": _STRONG,
    "hoerenjong": _STRONG, "slet": _PLAIN, "lul": _PLAIN, "lullo": _PLAIN, "eikel": _MILD,
    "zak hooi": _MILD, "pik": _PLAIN, "stront": _PLAIN, "kak": _MILD, "reet": _MILD,
    "rotzak": _PLAIN, "rot op": _PLAIN, "sodemieter": _PLAIN, "sodeju": _MILD, "potverdorie": _MILD,
    "shit": _PLAIN, "fuck": _STRONG, "fack": _STRONG, "fok": _PLAIN, "fokking": _PLAIN,
    "mongool": _PLAIN, "debiel": _MILD,
    # English
    "fucking": _STRONG, "motherfucker": _STRONG, "fucker": _STRONG, "fck": _STRONG, "wtf": _PLAIN,
    "cunt": _STRONG, "bitch": _PLAIN, "asshole": _STRONG, "arsehole": _STRONG, "bastard": _PLAIN,
    "bullshit": _PLAIN, "dick": _PLAIN, "dickhead": _STRONG, "prick": _PLAIN, "twat": _STRONG,
    "wanker": _STRONG, "bollocks": _PLAIN, "piss": _MILD, "pissed": _MILD, "crap": _MILD,
    "damn": _MILD, "goddamn": _PLAIN, "whore": _STRONG, "slut": _PLAIN, "cock": _PLAIN,
}

# Curses that start compounds; other listed words count only whole ("pikant" is no "pik").
COMPOUND_FRONTS = frozenset({"kanker", "tyfus", "tiefus", "tering", "kolere", "klere", "pleuris",
                             "kut", "klote", "hoer", "hoeren", "godver", "godverdomme", "fuck",
                             "fack", "shit", "klootzak", "motherfucker", "bullshit"})

# Curse words that are also illnesses: only at the front of a word, and not after these.
DISEASES = frozenset({"kanker", "tyfus", "tiefus", "tering", "pleuris", "kolere"})
_ILLNESS_CONTEXT = frozenset("""
    heeft had hebben hebt kreeg krijgt krijgen aan tegen met naar door tegen van
    diagnose behandeling onderzoek overleden gestorven genezen ziek patiënt patiënten
""".split())  # noqa: SIM905 (word lists read best as text)

# Words that start with a compound front but do not swear.
_INNOCENT = frozenset({"shitake", "shiitake", "klerk", "klerken", "hoera", "kutter", "kutters"})


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


_SQUEEZED = sorted(((_squeeze(w), s) for w in WORDS for s in [WORDS[w]]),
                   key=lambda item: -len(item[0]))
_SQUEEZED_DISEASES = frozenset(_squeeze(w) for w in DISEASES)
_SQUEEZED_FRONTS = frozenset(_squeeze(w) for w in COMPOUND_FRONTS)
_INNOCENT_SQUEEZED = frozenset(_squeeze(w) for w in _INNOCENT)
_ILLNESS_SQUEEZED = frozenset(_squeeze(w) for w in _ILLNESS_CONTEXT)
_MASK = re.compile(r"[*#@$!]+")


def found(text: str) -> list[tuple[int, int, float]]:
    """(begin, end, strength) of each swear word in ``text`` (offsets into ``text``)."""
    tokens = model.tokenize(text)
    norms = [_squeeze(t.norm) for t in tokens]
    hits = []
    for i, token in enumerate(tokens):
        strength = _match(norms, i)
        if strength is not None:
            hits.append((token.start, token.end, strength))
    return hits


def score(text: str) -> float:
    """PROFANITY for ``text``: 1 - prod(1 - strength) over its swear words, or NO_SWEARING."""
    return combine([strength for _b, _e, strength in found(text)])


def combine(strengths: list[float]) -> float:
    if not strengths:
        return NO_SWEARING
    keep = 1.0
    for strength in strengths:
        keep *= 1.0 - strength
    return 1.0 - keep


def _match(norms: list[str], i: int) -> float | None:
    word = norms[i]
    if word in _INNOCENT_SQUEEZED or not word[:1].isalpha():
        return None
    if _MASK.search(word):
        pattern = re.compile("[a-z]{1,3}".join(re.escape(part) for part in _MASK.split(word)))
        for listed, strength in _SQUEEZED:
            if " " not in listed and pattern.fullmatch(listed):
                return strength
        return None
    for listed, strength in _SQUEEZED:
        if " " in listed:
            first, second = listed.split(" ", 1)
            if word == first and second in norms[i + 1:i + 3]:
                return strength
            continue
        if word == listed or (listed in _SQUEEZED_FRONTS and word.startswith(listed)):
            if listed in _SQUEEZED_DISEASES and _about_illness(norms, i, whole=word == listed):
                return None
            return strength
    return None


def _about_illness(norms: list[str], i: int, *, whole: bool) -> bool:
    """Whether a disease word at ``i`` names the illness rather than curses."""
    if not whole:
        return False  # "kankerlijer": a compound with the disease in front curses
    before = norms[max(0, i - 2):i]
    return any(w in _ILLNESS_SQUEEZED for w in before)
