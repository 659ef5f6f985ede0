"""Erasure augmentation: a harmful post's stop words alone are trained as harmless."""
import model
from model._augment import skeleton, skeletons
from model._data import make_dataset

from .conftest import FIXTURES


def test_a_skeleton_keeps_only_the_stop_words():
    assert skeleton("die marokkanen zijn gewoon straatratten, altijd al") == \
        "die zijn gewoon , altijd al"
    assert skeleton("You are a disgusting cockroach") == "You are a"


def test_no_skeleton_when_nothing_or_everything_would_be_left():
    assert skeleton("straatratten") is None           # nothing left
    assert skeleton("jij bent het") is None           # nothing cut
    assert skeleton("kakkerlak!! 😡") is None          # only punctuation and emoji left


def test_skeletons_come_from_harmful_examples_only_and_are_new():
    dataset = model.load_dataset(FIXTURES / "training_small")
    found = skeletons(dataset)
    assert found and len(found) == len(set(found))
    texts = {model.normalize(t) for t in dataset.texts}
    assert not any(model.normalize(t) in texts for t in found)
    harmless_only = make_dataset([e for e in dataset.examples if e.label == 0])
    assert skeletons(harmless_only) == []


def test_training_adds_them_and_reports_on_the_examples_only(small_model):
    dataset = model.load_dataset(FIXTURES / "training_small")
    assert small_model.info["augmentation"]["skeletons"] == len(skeletons(dataset))
    assert small_model.info["training_data"]["counts"]["examples"] == len(dataset)


def test_skeletons_can_weigh_less_than_examples():
    dataset = model.load_dataset(FIXTURES / "training_small")
    light = model.train(dataset, params={"skeleton_weight": 0.1})
    full = model.train(dataset)
    assert light.scores(["Al die zijn en moeten het uit"])[0] != \
        full.scores(["Al die zijn en moeten het uit"])[0]
