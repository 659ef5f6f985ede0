"""Training on the small fixture set: scores, threshold, categories, explanations, metrics."""
import numpy as np
import pytest

import model
from model import CATEGORIES, evaluate, load_dataset

from .conftest import FIXTURES

# Samples without a word the model knows: nothing to explain.
WORDLESS = ("!!!", "x" * 3000)
SAMPLES = [
    "Jij bent een vieze K4NK3R-lijer 🤮 https://example.org",
    "Ik weet waar je woont en ik kom je halen",
    "Mooi weer vandaag, lekker naar het strand",
    "All immigrants are criminals",
    "k a n k e r   op,  @iemand!!",
    "!!!",
    "x" * 3000,
    "Ééntje: geëmigreerd, ideeën; 𝐤𝐚𝐧𝐤𝐞𝐫 and ｍｏｒｅ",
]


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURES / "training_small")


def test_the_model_learns_the_fixture(small_model, dataset):
    assert 0.05 <= small_model.threshold <= 0.95
    metrics = evaluate(small_model, dataset.texts, dataset.labels)
    assert metrics["accuracy"] > 0.95  # training data: a sanity check, not a measurement
    assert small_model.info["metrics"]["out_of_fold"]["macro_f1"] > 0.6
    assert small_model.info["training_data"]["sha256"] == dataset.sha256


def test_single_text_path_matches_the_pipeline(small_model, dataset):
    texts = dataset.texts[:40] + SAMPLES
    batch = small_model.scores(texts)
    single = np.array([small_model.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, batch, rtol=0, atol=1e-9)
    batch_categories = small_model.category_scores(texts)
    for text, expected in zip(texts, batch_categories):
        got = small_model.classify(text)["categories"]
        assert got == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("text", SAMPLES)
def test_classify_result_shape(small_model, text):
    result = small_model.classify(text)
    assert set(result) == {"label", "score", "threshold", "categories", "explanation"}
    assert result["label"] in (0, 1) and 0.0 <= result["score"] <= 1.0
    assert result["label"] == int(result["score"] >= result["threshold"])
    assert set(result["categories"]) == set(CATEGORIES)
    assert sum(result["categories"].values()) == pytest.approx(result["score"])
    assert all(v >= 0 for v in result["categories"].values())


@pytest.mark.parametrize("text", SAMPLES)
def test_explanation_terms_are_substrings_sorted_by_weight(small_model, text):
    explanation = small_model.classify(text)["explanation"]
    if text in WORDLESS:
        assert explanation == []
        return
    assert 0 < len(explanation) <= 8  # the loop below must have something to check
    for item in explanation:
        assert set(item) == {"term", "weight"}
        assert item["term"] in text
        assert isinstance(item["weight"], float) and item["weight"] != 0
    weights = [abs(item["weight"]) for item in explanation]
    assert weights == sorted(weights, reverse=True)
    assert len({item["term"] for item in explanation}) == len(explanation)


def test_explanation_points_at_the_original_spelling(small_model):
    text = "Jij bent een K4NK3R lijer"
    terms = {item["term"] for item in small_model.classify(text)["explanation"]}
    assert "K4NK3R" in terms


def test_explanation_weights_add_up_to_the_log_odds(small_model):
    # With every word listed (a short text without stop words), the weights sum to
    # logit(score) - intercept.
    text = "Vieze domme sukkel"
    result = small_model.classify(text)
    intercept = float(small_model.pipeline[-1].intercept_[0])
    logit = np.log(result["score"] / (1 - result["score"]))
    assert sum(item["weight"] for item in result["explanation"]) == pytest.approx(
        logit - intercept, abs=1e-3)


@pytest.mark.parametrize("text", ["Jij bent een vieze kakkerlak en je moet weg uit ons land",
                                  "You are a disgusting cockroach, go back to your country"])
def test_explanation_leaves_out_stop_words_and_short_words(small_model, text):
    from model._explain import STOP_WORDS
    explanation = small_model.classify(text)["explanation"]
    assert explanation
    for item in explanation:
        norm = model.normalize(item["term"])
        assert norm not in STOP_WORDS and len(norm) > 2, item


def test_positive_weights_push_towards_label_1(small_model):
    result = small_model.classify("Ik steek je neer")
    assert result["label"] == 1
    assert result["explanation"][0]["weight"] > 0


def test_explain_false_skips_the_explanation(small_model):
    assert "explanation" not in small_model.classify("hallo", explain=False)


def test_evaluate_reports_metrics_and_groups(small_model):
    texts = ["Ik steek je neer", "Mooi weer vandaag", "You are a worthless loser", "Nice day"]
    metrics = evaluate(small_model, texts, [1, 0, 1, 0], groups=["nl", "nl", "en", "en"])
    assert set(metrics) >= {"accuracy", "macro_f1", "per_class", "confusion_matrix", "by_group"}
    assert set(metrics["per_class"]) == {"0", "1"}
    assert set(metrics["per_class"]["1"]) == {"precision", "recall", "f1", "support"}
    assert np.array(metrics["confusion_matrix"]).sum() == 4
    assert metrics["by_group"]["nl"]["examples"] == 2
    assert 0 <= metrics["by_group"]["en"]["accuracy"] <= 1


def test_evaluate_with_one_label_only_does_not_warn(small_model):
    metrics = evaluate(small_model, ["Mooi weer vandaag"], [0])
    assert metrics["examples"] == 1


@pytest.mark.parametrize(("texts", "labels", "message"), [
    (["a"], [0, 1], "1 texts but 2 labels"),
    ([], [], "no texts"),
    (["a"], [2], "labels must be 0 or 1"),
])
def test_evaluate_rejects_bad_input(small_model, texts, labels, message):
    with pytest.raises(ValueError, match=message):
        evaluate(small_model, texts, labels)


def test_cross_validate_reports_mean_and_std(dataset):
    result = model.cross_validate(dataset, folds=2)
    assert result["folds"] == 2 and result["examples"] == len(dataset)
    for key in ("accuracy", "macro_f1"):
        assert 0.5 < result[key]["mean"] <= 1.0
        assert result[key]["std"] >= 0 and len(result[key]["per_fold"]) == 2
    assert set(result["accuracy_by_lang"]) == {"nl", "en"}
    assert model.cross_validate(dataset, folds=2) == result  # fixed seed


def test_cross_validate_needs_two_folds(dataset):
    with pytest.raises(ValueError, match="at least 2 folds, not 1"):
        model.cross_validate(dataset, folds=1)


def test_training_is_deterministic(dataset, small_model):
    again = model.train(dataset)
    assert again.threshold == small_model.threshold
    np.testing.assert_array_equal(again.scores(SAMPLES), small_model.scores(SAMPLES))


def test_training_needs_both_labels(dataset):
    from model._data import make_dataset
    only_harmless = make_dataset([e for e in dataset.examples if e.label == 0])
    with pytest.raises(ValueError, match="both labels"):
        model.train(only_harmless)


def test_one_category_only_gets_the_whole_score(dataset):
    from model._data import make_dataset
    rows = [e for e in dataset.examples if e.category in ("none", "threatening")]
    m = model.train(make_dataset(rows))
    result = m.classify("Ik steek je neer")
    assert result["categories"]["threatening"] == pytest.approx(result["score"])
    assert result["categories"]["hurtful"] == 0.0
    assert m.category_scores(["Ik steek je neer"])[0] == pytest.approx(result["categories"])


STRUCTURED = [
    "I don't hate immigrants, they are our neighbours",
    "Ik haat moslims niet, ik haat het gezeik over ze",
    "Ik heb niks tegen homo's maar die optocht hoeft niet",
    'Iemand riep "vieze kakkerlak" naar mijn moeder, walgelijk',
    "Kreeg vandaag weer 'ga terug naar je land' naar mn hoofd",
    "He said: all immigrants are criminals. Disgusting.",
    "\u201cJoden zijn geldwolven\u201d is een oud antisemitisch sprookje",
    "\u00abrot op\u00bb zei hij, nooit meer",
    "I'm gay and proud, as a gay man I will not be silent",
    "Ik ben moslim en trots",
    "niet niet niet no no never",
]


@pytest.mark.parametrize("params", [
    {"word_weight": 1.5, "char_ngrams": (1, 4), "word_min_df": 1, "calibration_folds": 3},
    {"cues": ("negation", "quote", "self"), "word_ngrams": (1, 3), "word_min_df": 1},
    {"cues": ("quote",), "sublinear_tf": False, "class_weight": None},
])
def test_single_text_path_matches_with_other_feature_settings(dataset, params):
    m = model.train(dataset, params=params)
    texts = SAMPLES + STRUCTURED + dataset.texts[:40]
    single = np.array([m.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, m.scores(texts), rtol=0, atol=1e-9)
    for text, expected in zip(texts, m.category_scores(texts)):
        assert m.classify(text)["categories"] == pytest.approx(expected, abs=1e-9)


def test_structural_marks_are_features_and_explained(dataset):
    m = model.train(dataset, params={"cues": ("negation", "quote", "self"), "word_min_df": 1})
    vocab = m.pipeline.named_steps["features"].transformer_list[0][1].vocabulary_
    assert any(term.startswith("NEG_") for term in vocab)
    # Marks count for the word that carries them: with every word listed the weights still
    # add up to the log-odds.
    result = m.classify("Vieze domme sukkel, niet walgelijk")
    intercept = float(m.pipeline[-1].intercept_[0])
    logit = np.log(result["score"] / (1 - result["score"]))
    assert sum(item["weight"] for item in result["explanation"]) == pytest.approx(
        logit - intercept, abs=1e-3)
