"""Structural cues a bag of n-grams cannot see: negation scope, quotation, self-identification.

"I don't hate immigrants" and "I hate immigrants" share every word that matters, and so do a
slur and the post that quotes it to condemn it. These cues add marked copies of the words
in such a scope (``NEG_hate``, ``QUOTE_ratten``) next to the plain tokens, so the linear
model can learn that a word weighs differently inside a negation or a quote.

Punctuation and quotation marks are gone after normalisation, so the cues are found on the
original text, with the token spans from ``tokenize``. Every mark belongs to one token (its
*owner*): the single-text path in ``_explain`` shares a mark's contribution out to that
word, so explanations keep adding up. ``TextNormalizer`` appends the marks to the
normalised text after ``MARK_SEP``; ``WordAnalyzer`` turns that into the word block's
features, and the char block never sees them (``plain_text``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from ._normalize import Token

__all__ = ["CUES", "MARK_SEP", "WordAnalyzer", "marks", "plain_text"]

CUES = ("negation", "quote", "self", "question", "you")
# Never produced by normalisation: tokens are joined by single spaces and hold no whitespace.
MARK_SEP = "\t"
SCOPE = 3  # words marked after a negation or a self-identification

_NEGATIONS = frozenset("""
    niet geen nooit niks niets niemand nergens allerminst noch
    not no never nobody nothing none neither nor without
    dont doesnt didnt isnt arent wasnt werent cant wont aint shouldnt wouldnt couldnt havent
""".split())  # noqa: SIM905 (word lists read best as text)
# "ik ben ...", "I am ...", "as a ...": a writer speaking about their own identity.
_SELF_BIGRAMS = frozenset({("ik", "ben"), ("i", "am"), ("als", "moslim"), ("wij", "zijn"),
                           ("we", "are"), ("as", "a"), ("as", "an"), ("als", "een"),
                           ("ben", "zelf"), ("myself", "am")})
_SELF_UNIGRAMS = frozenset({"i'm", "im", "we're", "ikzelf"})
# Second person: the post speaks to its target ("jij bent ...", "you are ...").
_YOU = frozenset({"jij", "je", "jou", "u", "jullie", "you", "your", "you're", "youre", "ya",
                  "jouw", "ge", "gij"})
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# Words that condemn what is quoted: counter-speech, not hate. Verbs of saying ("zei",
# "noemen") are left out: as plain words they already mark reported speech, quote or not.
_CONDEMN = frozenset("""
    walgelijk walgelijke schandalig schandalige schamen schaam schaamt racisme racistisch
    racistische racist racisten discriminatie discriminerend discriminerende haatdragend
    onacceptabel kwetsend kwetsende gemeld melden aangifte ontmenselijkt ontmenselijken
    stoppen stop onzin sprookje verschrikkelijk triest misselijk nep fout
    disgusting racism racist racists bigot bigots bigotry hateful unacceptable shameful shame
    reported report hurtful awful vile wrong sick ashamed nonsense myth stop dehumanising
    dehumanizing
""".split())  # noqa: SIM905 (word lists read best as text)
_BOUNDARY = re.compile(r"[.,;:!?()\[\]{}\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\n|/-]|'(?!\w)|(?<!\w)'")
# Quotations, one kind per opening mark: (the opening mark in its context, the characters
# that end its content or None when the closing mark may also stand inside as an apostrophe,
# the closing mark in its context). At most QUOTE_MAX characters inside, no line break.
# ``_quotations`` finds them in one pass, not one regex: a regex tries up to QUOTE_MAX
# characters at every opening mark, so a text of apostrophes that close nothing ("'a " * 1666)
# cost QUOTE_MAX steps per character.
_QUOTE_KINDS = (
    (re.compile(r'(?<!\w)"(?=\S)'), re.compile('"'), re.compile(r'(?<=\S)"')),
    (re.compile("\u201c"), re.compile("\u201d"), re.compile("\u201d")),
    (re.compile("\u201e"), re.compile("[\u201d\u201c]"), re.compile("[\u201d\u201c]")),
    (re.compile(r"\u2018(?=\S)"), None, re.compile(r"(?<=\S)\u2019(?!\w)")),
    (re.compile("\u00ab"), re.compile("\u00bb"), re.compile("\u00bb")),
    (re.compile(r"(?<!\w)'(?=\S)"), None, re.compile(r"(?<=\S)'(?!\w)")),
)
QUOTE_MAX = 300
_LINE_BREAK = re.compile("\n")
_REPORTED = re.compile(
    # (?=[...]): the verbs' first letters, so most word starts are passed over at once.
    r"""\b(?=[cnprstwyz])(?:said|says|say|wrote|writes|tweeted|posted|yelled|shouted|screamed|told\s+(?:me|us)
      |called\s+(?:me|us|him|her|them)|zei|zegt|zeggen|schreef|schrijft|riep|roept|schreeuwde
      |twitterde|tweette|postte|noemde\s+(?:me|mij|ons|hem|haar|hen))\s*:\s*([^.!?\n]{1,300})""",
    re.VERBOSE | re.IGNORECASE,
)


def marks(text: str, tokens: list[Token], cues: tuple[str, ...]) -> list[tuple[str, int]]:
    """``(mark, owner token index)`` pairs for the structural ``cues`` found in ``text``."""
    if not cues or not tokens:
        return []
    out: list[tuple[str, int]] = []
    norms = [t.norm for t in tokens]
    for cue in CUES:  # a fixed order, so training and the fast path emit the same marks
        if cue in cues:
            out.extend(_FINDERS[cue](text, tokens, norms))
    return out


def _breaks(text: str, tokens: list[Token]) -> list[bool]:
    """``breaks[i]``: punctuation between token i-1 and token i ends a clause."""
    breaks = [True]
    for prev, tok in pairwise(tokens):
        breaks.append(_BOUNDARY.search(text, prev.end, tok.start) is not None)
    return breaks


def _is_negation(norm: str) -> bool:
    return norm in _NEGATIONS or norm.endswith("n't")


def _negation(text: str, tokens: list[Token], norms: list[str]):
    breaks = _breaks(text, tokens)
    n = len(norms)
    for i, norm in enumerate(norms):
        if not _is_negation(norm):
            continue
        j = i + 1
        while j < n and j <= i + SCOPE and not breaks[j] and not _is_negation(norms[j]):
            yield "NEG_" + norms[j], j
            j += 1
        if j == i + 1 and norm == "niet":
            # Dutch puts "niet" after what it negates: "ik haat moslims niet".
            k = i
            while k > 0 and k > i - SCOPE and not breaks[k]:
                k -= 1
                yield "NEG_" + norms[k], k


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = _quotations(text)
    spans += [m.span(1) for m in _REPORTED.finditer(text)]
    return spans


def _quotations(text: str) -> list[tuple[int, int]]:
    """The quotations of ``text``, leftmost first and not overlapping, as a regex with one
    alternative per kind would find them, in time linear in the length of the text."""
    positions = lambda pattern: [m.start() for m in pattern.finditer(text)]  # noqa: E731
    breaks = positions(_LINE_BREAK)
    openings = []
    for opener, stops, closer in _QUOTE_KINDS:
        closings = positions(closer)
        ends = None if stops is None else positions(stops)
        openings += [(p, closings, ends) for p in positions(opener)]
    openings.sort(key=lambda opening: opening[0])
    spans: list[tuple[int, int]] = []
    for p, closings, ends in openings:
        if spans and p < spans[-1][1]:
            continue  # inside the quotation found before
        if ends is None:  # the first closing mark after one character of content
            i = bisect_left(closings, p + 2)
            q = closings[i] if i < len(closings) else None
        else:  # the first character that ends the content, if it closes the quotation
            i = bisect_left(ends, p + 1)
            q = ends[i] if i < len(ends) else None
            j = bisect_left(closings, q) if q is not None else 0
            if q is not None and (q < p + 2 or j == len(closings) or closings[j] != q):
                q = None
        if q is None or q - p - 1 > QUOTE_MAX:
            continue
        b = bisect_left(breaks, p + 1)
        if b < len(breaks) and breaks[b] < q:
            continue
        spans.append((p, q + 1))
    return spans


def _starts_inside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of ``spans``: one sweep over both, sorted,
    instead of every token against every span (quadratic for "1?" * 2500)."""
    merged: list[list[int]] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    inside, k = [], 0
    for token in tokens:  # in text order
        while k < len(merged) and merged[k][1] <= token.start:
            k += 1
        inside.append(k < len(merged) and merged[k][0] <= token.start)
    return inside


def _quotes(text: str, tokens: list[Token], norms: list[str]):
    spans = _quoted_spans(text)
    if not spans:
        return
    inside = _starts_inside(tokens, spans)
    for i, norm in enumerate(norms):
        if inside[i]:
            yield "QUOTE_" + norm, i
    if any(inside):
        for i, norm in enumerate(norms):
            if not inside[i] and norm in _CONDEMN:
                yield "QUOTE_CONDEMN", i


def _self(text: str, tokens: list[Token], norms: list[str]):
    breaks = _breaks(text, tokens)
    n = len(norms)
    for i, norm in enumerate(norms):
        start = None
        if norm in _SELF_UNIGRAMS:
            start = i + 1
        elif i + 1 < n and (norm, norms[i + 1]) in _SELF_BIGRAMS and not breaks[i + 1]:
            start = i + 2
        if start is None:
            continue
        j = start
        while j < n and j < start + SCOPE and not breaks[j]:
            yield "SELF_" + norms[j], j
            j += 1


def _question(text: str, tokens: list[Token], norms: list[str]):
    """Words of a sentence that ends in a question mark: "why are they so ...?"."""
    spans = [m.span() for m in _SENTENCE.finditer(text) if "?" in m.group()]
    if not spans:
        return
    for i, inside in enumerate(_starts_inside(tokens, spans)):
        if inside:
            yield "Q_" + norms[i], i


def _you(text: str, tokens: list[Token], norms: list[str]):
    breaks = _breaks(text, tokens)
    n = len(norms)
    for i, norm in enumerate(norms):
        if norm not in _YOU:
            continue
        j = i + 1
        while j < n and j <= i + SCOPE and not breaks[j]:
            yield "YOU_" + norms[j], j
            j += 1


def plain_text(doc: str) -> str:
    """The normalised text without the marks: what the char block sees."""
    return doc.partition(MARK_SEP)[0]


class WordAnalyzer:
    """Word n-grams of the normalised text plus the marks, each mark a feature on its own.

    The word block's analyser (a class, not a closure, so the pipeline pickles). Word
    n-grams never cross into the marks.
    """

    def __init__(self, ngram_range: tuple[int, int] = (1, 2)) -> None:
        self.ngram_range = tuple(ngram_range)

    def __call__(self, doc: str) -> list[str]:
        plain, _, extra = doc.partition(MARK_SEP)
        tokens = plain.split()
        lo, hi = self.ngram_range
        grams: list[str] = []
        for n in range(lo, hi + 1):
            if n == 1:
                grams.extend(tokens)
            else:
                grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        grams.extend(extra.split())
        return grams

    def __repr__(self) -> str:
        return f"WordAnalyzer(ngram_range={self.ngram_range})"


# Each cue's finder: (text, tokens, normalised words) -> (mark, owning word index) pairs.
_FINDERS = {"negation": _negation, "quote": _quotes, "self": _self, "question": _question,
            "you": _you}
