"""Reageerwijzer's text classifier: is a post discriminatory, hurtful or threatening?

It pre-fills the guideline's first question; the social worker confirms or corrects it.
A linear model on word and character n-grams of normalised text (see ``_pipeline``), fast
enough to answer one post in well under a millisecond and simple enough to explain: every
prediction comes with the words of the post that pushed the score most.

Typical use::

    dataset = load_dataset("training_data")
    model = train(dataset)
    save(model, "models/v1")
    model = load("models/v1", root="models")
    model.classify("...")  # {"label", "score", "threshold", "categories", "explanation"}
"""
from __future__ import annotations

from ._classifier import LABELS, PostClassifier
from ._data import CATEGORIES, LANGUAGES, DataError, Dataset, Example, load_dataset, make_dataset, read_csv
from ._evaluate import evaluate
from ._normalize import normalize, tokenize
from ._persist import (
    ModelFileError,
    ModelIntegrityError,
    ModelMissingError,
    ModelPathError,
    ModelVersionError,
    load,
    read_sidecar,
    save,
)
from ._train import cross_validate, process_pool, train

# The longest post text the classifier is asked about, in characters: a selection longer than
# this is not one post. It bounds the time one classification takes (see benchmarks/).
MAX_TEXT_CHARS = 5000

__all__ = [
    "CATEGORIES",
    "LABELS",
    "LANGUAGES",
    "MAX_TEXT_CHARS",
    "DataError",
    "Dataset",
    "Example",
    "ModelFileError",
    "ModelIntegrityError",
    "ModelMissingError",
    "ModelPathError",
    "ModelVersionError",
    "PostClassifier",
    "cross_validate",
    "evaluate",
    "load",
    "load_dataset",
    "make_dataset",
    "normalize",
    "process_pool",
    "read_csv",
    "read_sidecar",
    "save",
    "tokenize",
    "train",
]
