"""Text normalisation shared by training and serving.

Posts that attack people are written to slip past filters: ``K4NK3R``, ``k a n k e r``,
``k.a.n.k.e.r``, ``kankerrrr``, fullwidth or bold letters, zero-width spaces. Normalising
undoes the common tricks so the n-gram features see one spelling.

The text is cut into tokens *on the original string*, and each token is normalised on its
own. Every normalised token keeps the span of the original text it came from, so an
explanation can point at the words as the writer typed them (the popup highlights them).
Hyphenated compounds stay one token (Dutch writes ``kanker-lijer`` and ``kankerlijer``
alike). The normalised text is the tokens joined by single spaces: the word vectoriser splits on
whitespace and the ``char_wb`` vectoriser never crosses a space, so every feature belongs
to exactly one token (a word bigram to two).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Token", "tokenize", "normalize", "URL", "USER", "EMAIL", "NUMBER"]

# Placeholders: the fact that a post has a link, a mention or a number can matter; which one does not.
URL = "_url_"
USER = "_user_"
EMAIL = "_email_"
NUMBER = "_num_"

# Invisible characters used to break a word up for a filter while it still reads as one word.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Characters of a word: letters, digits, combining accents (text in NFD form), circled letters,
# and the symbols that stand in for letters (@, $) or hide them (*).
_WORD_CHARS = r"\w\u0300-\u036f\u24b6-\u24e9@$*"
# A single letter (or leet digit) in a run of letters spelt out with one separator: "k a n k e r",
# "k.a.n.k.e.r" (the same separator throughout, so "d.w.z. a.u.b." stays two abbreviations).
_UNIT = r"(?:[^\W\d_]|[013457@$])"
_SEP = r"[ .\-*_\u00b7\u2022/]{1,3}"
_EMOJI_BASE = (r"[\U0001F000-\U0001FAFF\u2300-\u23FF\u2600-\u27BF\u2B00-\u2BFF"
               r"\u2190-\u21FF\u3030\u303D\u3297\u3299]")
_EMOJI_MOD = r"\ufe0f?[\U0001F3FB-\U0001F3FF]?"
_EMOJI = rf"(?:[\U0001F1E6-\U0001F1FF]{{2}}|{_EMOJI_BASE}{_EMOJI_MOD}(?:\u200d{_EMOJI_BASE}{_EMOJI_MOD})*)"

_TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"]+)
  | (?P<email>[\w.+-]{{1,64}}@[\w-]+(?:\.[\w-]+)+)
  | (?P<user>(?<![\w@])@\w+)
  | (?P<spaced>(?<![{_WORD_CHARS}]){_UNIT}(?P<sep>{_SEP}){_UNIT}(?:(?P=sep){_UNIT})+(?![{_WORD_CHARS}]))
  | (?P<number>(?<![{_WORD_CHARS}])\d+(?:[.,:]\d+)*%?(?![{_WORD_CHARS}]))
  | (?P<word>[{_WORD_CHARS}]+(?:(?:['\u2019{_INVISIBLE}]+|-)[{_WORD_CHARS}]+)*)
  | (?P<emoji>{_EMOJI})
    """,
    re.VERBOSE,
)

_SEP_RE = re.compile(_SEP)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "@": "a", "5": "s", "$": "s", "7": "t"})
_REPEATS = re.compile(r"(.)\1{2,}")
# "3e", "21ste", "10x", "18jarige", "5km": a number with a suffix, not a word in leetspeak.
_NUMBER_WITH_SUFFIX = re.compile(
    r"\d+(?:e|de|ste|ste|st|nd|rd|th|x|k|km|kg|m|cm|u|h|uur|min|jaar|jarige|jarigen|s|pm|am|%)")
_EMOJI_NOISE = re.compile(r"[\ufe0f\U0001F3FB-\U0001F3FF]")
_STRIP_INVISIBLE = str.maketrans("", "", _INVISIBLE)


class Token(NamedTuple):
    """A normalised token and the span ``text[start:end]`` of the original it came from."""

    norm: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The normalised tokens of ``text`` with their original spans; punctuation is dropped."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        raw = match.group()
        if kind == "url":
            norm = URL
        elif kind == "email":
            norm = EMAIL
        elif kind == "user":
            norm = USER
        elif kind == "number":
            norm = NUMBER
        elif kind == "emoji":
            norm = _EMOJI_NOISE.sub("", raw) or raw
        elif kind == "spaced":
            norm = _normalize_word(_SEP_RE.sub("", raw))
        else:
            norm = _normalize_word(raw)
        if norm:
            tokens.append(Token(norm, match.start(), match.end()))
    return tokens


# Training normalises each text many times: deduplication, then every cross-validation fold's
# subset, fit and predict. Remembering whole texts cuts a 10k-example retraining by a fifth.
# (Bounded: 2**18 texts is about 60 MB at most. The server's classify path uses tokenize().)
@lru_cache(maxsize=1 << 18)
def normalize(text: str) -> str:
    """The normalised text the vectorisers see: normalised tokens joined by single spaces."""
    return " ".join(token.norm for token in tokenize(text))


@lru_cache(maxsize=65_536)  # words repeat across posts; this is most of tokenize's time
def _normalize_word(raw: str) -> str:
    # A hyphenated compound is one word: "k4nker-lijer" reads as "kankerlijer".
    word = unicodedata.normalize("NFKC", raw.translate(_STRIP_INVISIBLE)).lower().replace("-", "")
    # Collapse stretched letters before dropping accents, so 'ideeën' and 'zeeën' stay whole.
    word = _REPEATS.sub(r"\1\1", word)
    word = _strip_accents(word).replace("\u2019", "'").strip("'")
    if word.startswith("*") and word.endswith("*"):
        word = word.strip("*")  # *zucht*: emphasis, not a hidden letter
    if not any(ch.isalnum() for ch in word):
        return ""
    if word.isdigit() or _NUMBER_WITH_SUFFIX.fullmatch(word):
        return NUMBER
    if any(ch.isalpha() for ch in word):
        unleet = word.translate(_LEET)
        if unleet != word:  # "k@@@nker": the stretch was made of symbols
            word = _REPEATS.sub(r"\1\1", unleet)
    return word


def _strip_accents(word: str) -> str:
    """Drop accents but keep every letter: 'geëmigreerd' -> 'geemigreerd', 'één' -> 'een'.

    Unlike an ASCII fold this keeps letters that have no plain-ASCII form (ß, ø, ı, Arabic,
    Cyrillic), so those words are not silently erased.
    """
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)
