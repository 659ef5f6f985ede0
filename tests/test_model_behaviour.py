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


# (hateful, counter-speech twin): the same group and words, opposite intent.
TWINS_NL = [
    ("Joden zijn geldwolven die alles willen controleren",
     "Het idee dat joden geldwolven zijn die alles controleren is een oud antisemitisch sprookje"),
    ("Vluchtelingen zijn ongedierte, gooi ze eruit",
     "Wie vluchtelingen ongedierte noemt, ontmenselijkt mensen die alles kwijt zijn"),
    # Known miss of the 2 December model (issue 9): counter-speech that repeats the slur with
    # condemnation scores 0.90 ("walgelijk" and "ratten" both read as harm). Strict, so the
    # test says so when a model gets it right.
    pytest.param("Moslims zijn ratten en horen niet in dit land",
                 "Moslims ratten noemen is walgelijk, dit soort haat moet stoppen",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: condemned slur")),
    ("Transgenders zijn gestoorde freaks",
     "Iemand noemde mijn transgender vriendin een gestoorde freak, ik heb het gemeld"),
]


@pytest.mark.parametrize(("hateful", "counter"), TWINS_NL)
def test_hate_and_its_counter_speech_twin_differ(real_model, hateful, counter):
    assert label(real_model, hateful) == 1
    assert label(real_model, counter) == 0


OBFUSCATED = [
    "Jij bent een vuile k@nk3rh0er",
    "Wat een k.a.n.k.e.r.l.i.j.e.r ben jij",
    "Vuile n e g e r, rot op naar je eigen land",
    "You are a f4gg0t",
]


@pytest.mark.parametrize("text", OBFUSCATED)
def test_an_obfuscated_slur_is_still_caught(real_model, text):
    assert label(real_model, text) == 1


NEUTRAL_GROUP_MENTIONS = [
    "Mijn buurvrouw is moslim en we drinken elke week samen thee",
    "De synagoge in onze stad bestaat honderd jaar",
    "My neighbour is gay and runs the local bakery",
]


@pytest.mark.parametrize("text", NEUTRAL_GROUP_MENTIONS)
def test_a_neutral_mention_of_a_group_is_not_flagged(real_model, text):
    assert label(real_model, text) == 0


NEGATED_HATE = [
    "Ik vind helemaal niet dat vluchtelingen minder waard zijn dan wij",
    # Known miss of the 2 December model (issue 9): scored 0.52, "uncertain" (just over
    # the threshold); strict, so the test says so when a model gets it right.
    pytest.param("Ik heb niks tegen homo's, laat iedereen lekker zichzelf zijn",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: negated hate, 0.52")),
    "I don't hate immigrants at all, they are our neighbours",
]


@pytest.mark.parametrize("text", NEGATED_HATE)
def test_negated_hate_is_not_flagged(real_model, text):
    assert label(real_model, text) == 0


UNTARGETED_PROFANITY = [
    "Kut, ik heb de bus weer gemist",
    "Godverdomme, mijn telefoon is kapot gevallen",
    "Fuck, I forgot my keys again",
]


@pytest.mark.parametrize("text", UNTARGETED_PROFANITY)
def test_untargeted_profanity_is_not_flagged(real_model, text):
    assert label(real_model, text) == 0


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
    def values(case):  # a pytest.param holds its values apart
        return list(getattr(case, "values", case if isinstance(case, tuple) else (case,)))
    written = [text for pair in TWINS_NL for text in values(pair)]
    for case in OBFUSCATED + NEUTRAL_GROUP_MENTIONS + NEGATED_HATE + UNTARGETED_PROFANITY + THREATS:
        written += values(case)
    assert [text for text in written if model.normalize(text) in texts] == []
