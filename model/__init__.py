"""Reageerwijzer's text classifier: is a post discriminatory, hurtful or threatening?

It pre-fills the guideline's first question; the social worker confirms or corrects it.
Two views of the text, fused (see ``_hybrid``): a linear model on word and character n-grams
of normalised text (``_pipeline``), which knows the words of the training set and explains
itself word by word, and a multilingual sentence encoder (``_encoder``), which knows what
sentences mean. Every "yes" comes with the words of the post that pushed it towards harmful.
Encodings of training texts are cached (``model.encodings``).

Typical use::

    dataset = load_dataset("training_data")
    model = train(dataset)
    save(model, "models/v1")
    model = load("models/v1", root="models")
    model.classify("...")  # {"label", "score", "threshold", "confidence", "categories", "explanation"}
"""
from __future__ import annotations

from ._classifier import LABELS, PostClassifier
from ._data import CATEGORIES, LANGUAGES, DataError, Dataset, Example, load_dataset, make_dataset, read_csv
from ._encoder import EncoderVersionError, SentenceEncoder
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
from ._train import cache_encodings, cross_validate, process_pool, train

# The longest post text the classifier is asked about, in characters: a selection longer than
# this is not one post. It bounds the time one classification takes (see benchmarks/).
MAX_TEXT_CHARS = 5000

__all__ = [
    "CATEGORIES",
    "LABELS",
    "LANGUAGES",
    "MAX_TEXT_CHARS",
    "DataError",
    "EncoderVersionError",
    "Dataset",
    "Example",
    "ModelFileError",
    "ModelIntegrityError",
    "ModelMissingError",
    "ModelPathError",
    "ModelVersionError",
    "PostClassifier",
    "SentenceEncoder",
    "cache_encodings",
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
