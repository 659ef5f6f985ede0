"""Highlights a worker can trust (issue 9): measured on the regression set with the real model.

Comprehensiveness as the ERASER benchmark defines it: deleting a flagged post's highlighted
words must take it below the threshold for at least 70 % of the flagged posts; and a slur in
a flagged post must be among its highlights.
"""
import pytest

from model._data import read_csv
from model._faithfulness import faithfulness, without_terms

from .conftest import FIXTURES, TRAINING_DATA

REGRESSION = TRAINING_DATA / "regression" / "regression.csv"
SLURS = [line.strip() for line in (FIXTURES / "slurs.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def test_without_terms_cuts_whole_tokens_only():
    assert without_terms("jij vieze kakkerlak, vieze!", ["vieze"]) == "jij kakkerlak, !"
    assert without_terms("kakkerlakken zijn kakkerlak", ["kakkerlak"]) == "kakkerlakken zijn"


def test_the_measure_counts_a_highlight_that_does_not_carry_the_verdict(small_model):
    # A sanity check of the measure itself on the small model: both counts are bounded and
    # a post without slurs does not count towards slur coverage.
    result = faithfulness(small_model, ["Ik steek je neer", "Mooi weer vandaag"], slurs=SLURS)
    assert result["flagged"] == 1 and 0 <= result["comprehensive"] <= 1
    assert result["with_slur"] == 0 and result["slur_coverage"] is None


@pytest.mark.slow
def test_highlights_are_comprehensive_and_include_the_slur(real_model):
    texts = [e.text for e in read_csv(REGRESSION)]
    result = faithfulness(real_model, texts, slurs=SLURS)
    assert result["flagged"] >= 100
    assert result["comprehensiveness"] >= 0.70, result
    assert result["with_slur"] >= 5
    assert result["missed_slurs"] == [], result["missed_slurs"]


@pytest.mark.slow
def test_the_real_model_answers_no_to_texts_without_words(real_model):
    for text in (".", "😀", "!!!", "@jan"):
        assert real_model.classify(text)["label"] == 0
