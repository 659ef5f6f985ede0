"""Structural cues cost time linear in the text: crafted texts, and the same marks as before.

``"1?" * 2500`` once cost 500 times a normal post: every token was checked against every
question sentence, and the quotation regex tried 300 characters at every apostrophe. The
one-pass versions must find exactly what the regexes found (checked against them here).
"""
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import tokenize
from model._structure import _REPORTED, CUES, _quotations, marks

# The regexes the one-pass code replaced, kept here as the reference.
REFERENCE_QUOTE = re.compile(
    r"""(?<!\w)"(?=\S)[^"\n]{1,300}?(?<=\S)"
      | \u201c[^\u201d\n]{1,300}\u201d
      | \u201e[^\u201d\u201c\n]{1,300}[\u201d\u201c]
      | \u2018(?=\S)[^\n]{1,300}?(?<=\S)\u2019(?!\w)
      | \u00ab[^\u00bb\n]{1,300}\u00bb
      | (?<!\w)'(?=\S)[^\n]{1,300}?(?<=\S)'(?!\w)""",
    re.VERBOSE,
)
REFERENCE_REPORTED = re.compile(_REPORTED.pattern.replace("(?=[cnprstwyz])", ""),
                                re.VERBOSE | re.IGNORECASE)

QUOTE_TEXT = st.text(alphabet=st.sampled_from(list("ab  \n.'\"\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb:_")),
                     max_size=120)


@given(QUOTE_TEXT)
@settings(max_examples=600, deadline=None)
def test_quotations_are_what_the_regex_found(text):
    assert _quotations(text) == [m.span() for m in REFERENCE_QUOTE.finditer(text)]


@pytest.mark.parametrize("text", [
    "'" + "a" * 299 + "'", "'" + "a" * 300 + "'", "'" + "a" * 301 + "'",
    "\u201c" + "b" * 300 + "\u201d", "\u201c" + "b" * 301 + "\u201d",
    "'a' 'b'", "x'y' 'z", "\"a\nb\" \"c\"", "''a'", "'a ''",
])
def test_quotations_at_the_edges(text):
    assert _quotations(text) == [m.span() for m in REFERENCE_QUOTE.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list("saidzeiSAIDZtold me: .\n")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_reported_speech_as_before(text):
    assert [m.span(1) for m in _REPORTED.finditer(text)] == \
        [m.span(1) for m in REFERENCE_REPORTED.finditer(text)]


def _cost(text: str) -> float:
    tokens = tokenize(text)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        marks(text, tokens, CUES)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit", ["1?", "'a ", '"a" ', "\u201ca", "\u2018a ", "zei: a "])
def test_ten_times_the_text_costs_about_ten_times(unit):
    # Quadratic work shows as ~100x for 10x the text; linear as ~10x. Measured as a ratio of
    # the same code on the same machine, so a busy machine does not change the verdict.
    short, long = unit * (500 // len(unit)), unit * (5000 // len(unit))
    assert _cost(long) / _cost(short) < 30
