"""Behaviour of the model trained on the real training_data/, in the style of functional test suites.

Every sentence here was written for these tests (none is in training_data/). Each test holds
one phenomenon the classifier must get right for the guideline's first question to be useful.
The model is trained once per session (``real_model`` in conftest): these tests are ``slow``.
"""
import pytest

import model

from .conftest import TRAINING_DATA

pytestmark = pytest.mark.slow


def label(real_model, text: str) -> int:
    return real_model.classify(text)["label"]


# One table: (phenomenon, a sentence showing it, the label the model must give it).
# A hateful post and its counter-speech twin use the same group and words, opposite intent.
BEHAVIOUR = [
    ("hate", "Joden zijn geldwolven die alles willen controleren", 1),
    ("counter-speech twin",
     "Het idee dat joden geldwolven zijn die alles controleren is een oud antisemitisch sprookje", 0),
    ("hate", "Vluchtelingen zijn ongedierte, gooi ze eruit", 1),
    ("counter-speech twin", "Wie vluchtelingen ongedierte noemt, ontmenselijkt mensen die alles kwijt zijn", 0),
    ("hate", "Moslims zijn ratten en horen niet in dit land", 1),
    ("counter-speech twin", "Moslims ratten noemen is walgelijk, dit soort haat moet stoppen", 0),
    ("hate", "Transgenders zijn gestoorde freaks", 1),
    ("counter-speech twin", "Iemand noemde mijn transgender vriendin een gestoorde freak, ik heb het gemeld", 0),
    ("obfuscated slur", "Jij bent een vuile k@nk3rh0er", 1),
    ("obfuscated slur", "Wat een k.a.n.k.e.r.l.i.j.e.r ben jij", 1),
    ("obfuscated slur", "Vuile n e g e r, rot op naar je eigen land", 1),
    ("obfuscated slur", "You are a f4gg0t", 1),
    ("neutral group mention", "Mijn buurvrouw is moslim en we drinken elke week samen thee", 0),
    ("neutral group mention", "De synagoge in onze stad bestaat honderd jaar", 0),
    ("neutral group mention", "My neighbour is gay and runs the local bakery", 0),
    ("negated hate", "Ik vind helemaal niet dat vluchtelingen minder waard zijn dan wij", 0),
    ("negated hate", "Ik heb niks tegen homo's, laat iedereen lekker zichzelf zijn", 0),
    ("negated hate", "I don't hate immigrants at all, they are our neighbours", 0),
    ("untargeted profanity", "Kut, ik heb de bus weer gemist", 0),
    ("untargeted profanity", "Godverdomme, mijn telefoon is kapot gevallen", 0),
    ("untargeted profanity", "Fuck, I forgot my keys again", 0),
]


# Known misses, strict so the test says so when a model gets them right. The first 2 December
# model missed two: the condemned slur "Moslims ratten noemen is walgelijk" (0.90) and the
# negated "niks tegen homo's" (0.52); the second generation scores them 0.37 and 0.48
# (threshold 0.49), so there are none now. Add a miss here with its score.
KNOWN_MISSES: dict[str, str] = {
    # Posts on the edge, right or wrong as the data moves by a few rows: none at the moment.
    # "Wie vluchtelingen ongedierte noemt ..." became right with the third generation of the data,
    # "Ik heb niks tegen homo's, laat iedereen lekker zichzelf zijn" with the fourth (3 December).
}
CASES = [pytest.param(p, t, e, id=f"{p}: {t[:30]}",
                      marks=[pytest.mark.xfail(strict=True, reason=f"known miss: {KNOWN_MISSES[t]}")]
                      if t in KNOWN_MISSES else [])
         for p, t, e in BEHAVIOUR]


@pytest.mark.parametrize(("phenomenon", "text", "expected"), CASES)
def test_behaviour(real_model, phenomenon, text, expected):
    assert label(real_model, text) == expected, phenomenon


THREATS = [
    "Ik weet waar je woont, vanavond steek ik je neer",
    "Als je morgen op school komt sla ik je hersens in",
    "I will find you and I will break your legs",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_is_flagged_as_threatening(real_model, text):
    result = real_model.classify(text)
    assert result["label"] == 1
    assert max(result["categories"], key=result["categories"].get) == "threatening"


def test_the_explanation_highlights_the_obfuscated_word(real_model):
    text = "Wat een k.a.n.k.e.r.l.i.j.e.r ben jij"
    explanation = real_model.classify(text)["explanation"]
    weights = {item["term"]: item["weight"] for item in explanation}
    assert weights.get("k.a.n.k.e.r.l.i.j.e.r", 0) > 0


def test_none_of_these_sentences_is_training_data():
    texts = {model.normalize(t) for t in model.load_dataset(TRAINING_DATA).texts}
    written = [text for _, text, _ in BEHAVIOUR] + THREATS
    assert [text for text in written if model.normalize(text) in texts] == []
