"""PROFANITY (the word list) measured on hand-written sentences, and SEVERE_TOXICITY's bounds.

tests/fixtures/perspective/profanity.csv: 44 sentences written for this test, Dutch and
English, half swearing (also in compounds, leetspeak, masked and spaced-out letters) and half
not (illness names, words that start like a swear word, harmful posts without swearing). The
list was written with these sentences in view, so the figures are an upper bound for unseen
text; the README gives them as such.
"""
from __future__ import annotations

import csv

from server.perspective import attributes, profanity

from .conftest import FIXTURES


def rows():
    with open(FIXTURES / "perspective" / "profanity.csv", encoding="utf-8", newline="") as fh:
        return [(row["text"], row["profane"] == "1") for row in csv.DictReader(fh)]


def test_profanity_precision_and_recall():
    found = [(profanity.score(text) >= 0.5, profane) for text, profane in rows()]
    hits = sum(f and p for f, p in found)
    precision = hits / sum(f for f, _ in found)
    recall = hits / sum(p for _, p in found)
    wrong = [text for (text, profane), (f, _) in zip(rows(), found) if f != profane]
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, wrong)


def test_severe_toxicity_never_above_toxicity_and_ignores_a_friendly_curse():
    text = "wat een fucking mooie goal"
    friendly = {"score": 0.1, "categories": {"discriminatory": 0.02, "hurtful": 0.07, "threatening": 0.01}}
    got = attributes.values(friendly, text, ("SEVERE_TOXICITY", "PROFANITY"))
    assert got["PROFANITY"] >= 0.9 and got["SEVERE_TOXICITY"] < 0.1
    insult = {"score": 0.9, "categories": {"discriminatory": 0.05, "hurtful": 0.8, "threatening": 0.05}}
    assert attributes.values(insult, "je bent dom", ("SEVERE_TOXICITY",))["SEVERE_TOXICITY"] < 0.1
    assert attributes.values(insult, "je bent een kankerlijer", ("SEVERE_TOXICITY",))["SEVERE_TOXICITY"] > 0.8
    threat = {"score": 0.9, "categories": {"discriminatory": 0.0, "hurtful": 0.1, "threatening": 0.8}}
    assert attributes.values(threat, "ik maak je af", ("SEVERE_TOXICITY",))["SEVERE_TOXICITY"] == 0.8


def test_a_classifier_answer_missing_fields_is_read_as_zero():
    # The classifier's answer grows (confidence, positions); read only what we use, defensively.
    got = attributes.values({"score": 0.7, "confidence": "high"}, "hoi", attributes.ATTRIBUTES)
    assert got["TOXICITY"] == 0.7 and got["THREAT"] == 0.0 and got["INSULT"] == 0.0
    assert attributes.values({"score": "x", "categories": None}, "hoi", ("TOXICITY", "INSULT")) == {
        "TOXICITY": 0.0, "INSULT": 0.0}
