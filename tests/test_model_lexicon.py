"""The evaluative lexicon and its ``lexicon`` cue: LEX_POS / LEX_NEG marks on words of praise
and contempt, so an unseen positive predicate about a group does not read as hate.

The behavioural probes below were written for this test (none is in training_data/): a
group plus a word of praise the training data rarely or never pairs with it must come out
0, the same group plus a word of contempt 1.
"""
from pathlib import Path

import numpy as np
import pytest

import model
from model import tokenize
from model._lexicon import NEGATIVE, POSITIVE, polarity
from model._structure import CUES, marks

TRAINING_DATA = Path(__file__).resolve().parent.parent / "training_data"
LEXICON_CUES = ("quote", "question", "lexicon")


def found(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return [(mark, tokens[owner].norm) for mark, owner in marks(text, tokens, ("lexicon",))]


def test_the_lexicon_is_sizeable_and_consistent():
    assert "lexicon" in CUES
    assert len(POSITIVE) >= 300 and len(NEGATIVE) >= 300
    assert not POSITIVE & NEGATIVE
    assert all(w == w.lower() and " " not in w for w in POSITIVE | NEGATIVE)


@pytest.mark.parametrize("word", ["mooi", "mooie", "geweldig", "geweldige", "lovely", "love",
                                  "loves", "loved", "prachtige", "wonderful", "bewonder"])
def test_positive_words_and_their_inflections(word):
    assert polarity(word) == 1


@pytest.mark.parametrize("word", ["vies", "vieze", "walgelijk", "walgelijke", "disgusting",
                                  "hate", "hates", "haat", "weerzinwekkend", "vile"])
def test_negative_words_and_their_inflections(word):
    assert polarity(word) == -1


@pytest.mark.parametrize("word", ["vrouwen", "moslims", "women", "zijn", "are", "kind", "weg"])
def test_group_words_and_ambiguous_words_are_not_listed(word):
    assert polarity(word) == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Vrouwen zijn FANTASTISCH", [("LEX_POS", "fantastisch")]),
    ("Muslims are disgusting vermin", [("LEX_NEG", "disgusting")]),
    ("I don't hate immigrants", [("NEG_LEX_NEG", "hate")]),
    ("ik haat moslims niet", [("NEG_LEX_NEG", "haat")]),
    ("not lovely, just disgusting", [("NEG_LEX_POS", "lovely"), ("LEX_NEG", "disgusting")]),
    ("de trein is te laat", []),
])
def test_lexicon_marks(text, expected):
    assert found(text) == expected


# -- behaviour of a model trained with the cue ---------------------------------------------

UNSEEN_PRAISE = [
    "Vrouwen zijn fantastisch",
    "Moslims zijn prachtige mensen",
    "Homo's zijn geweldig",
    "Vluchtelingen zijn een aanwinst voor onze buurt",
    "Immigrants are lovely people",
    "Gay people are brilliant",
    "Trans women are wonderful",
]
UNSEEN_CONTEMPT = [
    "Vrouwen zijn walgelijk",
    "Moslims zijn weerzinwekkend",
    "Women are repulsive",
    "Immigrants are vile",
]


@pytest.fixture(scope="module")
def lexicon_model():
    # The lexicon is a cue of the n-gram view (off by default): measured on that view alone.
    return model.train(model.load_dataset(TRAINING_DATA),
                       params={"cues": LEXICON_CUES, "encoder": None})


@pytest.mark.parametrize("text", UNSEEN_PRAISE)
def test_praise_of_a_group_is_not_flagged(lexicon_model, text):
    assert lexicon_model.classify(text)["label"] == 0


@pytest.mark.parametrize("text", UNSEEN_CONTEMPT)
def test_contempt_for_a_group_is_flagged(lexicon_model, text):
    assert lexicon_model.classify(text)["label"] == 1


def test_the_fast_path_reproduces_predict_proba_with_the_lexicon_cue(lexicon_model):
    texts = UNSEEN_PRAISE + UNSEEN_CONTEMPT + ["I don't hate women, not lovely either"]
    fast = [lexicon_model.classify(t, explain=False)["score"] for t in texts]
    np.testing.assert_allclose(fast, lexicon_model.scores(texts), rtol=1e-9, atol=1e-12)


def test_the_praise_word_carries_the_weight_against_the_label(lexicon_model):
    # Highlights show only words towards harmful; the word's share of the log-odds says it.
    text = "Vrouwen zijn fantastisch"
    ngram = lexicon_model._fast().score(text)
    shares = {text[t.start:t.end]: w for t, w in zip(ngram.tokens, ngram.per_token)}
    assert shares["fantastisch"] < 0
    assert lexicon_model.classify(text)["explanation"] == []  # a "no" has no highlights


def test_none_of_these_sentences_is_training_data():
    texts = {model.normalize(t) for t in model.load_dataset(TRAINING_DATA).texts}
    written = UNSEEN_PRAISE + UNSEEN_CONTEMPT
    assert [text for text in written if model.normalize(text) in texts] == []
