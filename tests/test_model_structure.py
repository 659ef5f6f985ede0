"""Structural cues: which words get negation, quotation and self-identification marks."""
import pytest

from model import tokenize
from model._structure import MARK_SEP, WordAnalyzer, marks, plain_text

ALL = ("negation", "quote", "self")


def found(text: str, cues=ALL) -> list[str]:
    return [mark for mark, _owner in marks(text, tokenize(text), cues)]


@pytest.mark.parametrize(("text", "expected"), [
    ("I don't hate immigrants", ["NEG_hate", "NEG_immigrants"]),
    ("ik heb niks tegen homo's, echt niet", ["NEG_tegen", "NEG_homo's", "NEG_echt"]),
    ("never trust them, they lie", ["NEG_trust", "NEG_them"]),
    ("geen een twee drie vier vijf", ["NEG_een", "NEG_twee", "NEG_drie"]),
    ("ik haat moslims niet", ["NEG_moslims", "NEG_haat", "NEG_ik"]),
    ("Mooi weer vandaag", []),
])
def test_negation_scope(text, expected):
    assert found(text, ("negation",)) == expected


@pytest.mark.parametrize(("text", "quoted"), [
    ('Iemand riep "vieze kakkerlak" naar me', ["vieze", "kakkerlak"]),
    ("kreeg weer 'ga terug' naar mn hoofd", ["ga", "terug"]),
    ("\u201cJoden zijn geldwolven\u201d, wat een onzin", ["joden", "zijn", "geldwolven"]),
    ("\u00abrot op\u00bb", ["rot", "op"]),
    ("He said: immigrants are criminals. Shameful.", ["immigrants", "are", "criminals"]),
    ("homo's en lesbo's zijn welkom", []),
])
def test_quoted_words(text, quoted):
    got = [m for m in found(text, ("quote",)) if m != "QUOTE_CONDEMN"]
    assert got == ["QUOTE_" + w for w in quoted]


def test_a_quote_with_condemnation_is_flagged_on_the_condemning_word():
    text = 'Iemand riep "vieze kakkerlak" naar me, walgelijk'
    tokens = tokenize(text)
    flags = [owner for mark, owner in marks(text, tokens, ("quote",)) if mark == "QUOTE_CONDEMN"]
    assert [tokens[i].norm for i in flags] == ["walgelijk"]
    assert "QUOTE_CONDEMN" not in found("vieze kakkerlak, walgelijk", ("quote",))


def test_self_identification():
    assert found("I'm gay and proud", ("self",)) == ["SELF_gay", "SELF_and", "SELF_proud"]
    assert found("ik ben moslim", ("self",)) == ["SELF_moslim"]


def test_no_cues_no_marks():
    assert found("I don't hate 'them'", ()) == []


def test_every_owner_is_a_token_index():
    text = "Niet 'rot op' zei ik: nooit! I'm not"
    tokens = tokenize(text)
    assert all(0 <= owner < len(tokens) for _mark, owner in marks(text, tokens, ALL))


def test_word_analyzer_keeps_marks_out_of_ngrams():
    doc = "ik haat niet" + MARK_SEP + "NEG_x QUOTE_y"
    assert WordAnalyzer((1, 2))(doc) == ["ik", "haat", "niet", "ik haat", "haat niet",
                                        "NEG_x", "QUOTE_y"]
    assert plain_text(doc) == "ik haat niet"
    assert WordAnalyzer((1, 2))("a b") == ["a", "b", "a b"]
