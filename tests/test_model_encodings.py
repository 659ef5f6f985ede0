"""The sentence encoder and its cache: offline, versioned, and each text encoded once."""
import subprocess
import sys

import numpy as np
import pytest

import model
from model import SentenceEncoder
from model.encodings import EncodingCache, precomputed_path, read_segment

from .conftest import TRAINING_DATA

TEXTS = ["Mooi weer vandaag", "Jij bent een vieze kakkerlak", "You are a worthless loser",
         "ik weet waar je woont 😡", "  Mooi   weer vandaag  "]


@pytest.fixture(scope="module")
def encoder():
    return SentenceEncoder()


def test_the_encoder_gives_one_unit_vector_per_text(encoder):
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), encoder.dim) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    # Whitespace does not change what the encoder sees (and so not the cache key).
    np.testing.assert_array_equal(vectors[0], vectors[4])
    assert SentenceEncoder.key(TEXTS[0]) == SentenceEncoder.key(TEXTS[4])
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_the_encoder_runs_without_any_network():
    # A fresh interpreter in which opening a socket fails: the weights come from the package.
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import sys, model\n"
        "v = model.SentenceEncoder().encode(['geen internet nodig'])\n"
        "assert v.shape == (1, 512), v.shape\n"
        "assert not any(m.startswith(('huggingface_hub', 'transformers')) for m in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin",
                                            "PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0, done.stderr


def test_an_unknown_encoder_is_refused():
    with pytest.raises(ValueError, match="unknown encoder 'bert'"):
        SentenceEncoder("bert")


def test_the_cache_encodes_each_text_once_and_keeps_it(tmp_path, encoder):
    cache = EncodingCache(tmp_path, encoder, shipped=False)
    first = cache.encode(TEXTS[:3])
    assert (cache.misses, cache.hits) == (3, 0)
    again = EncodingCache(tmp_path, encoder, shipped=False)  # a later training: read from disk
    both = again.encode(TEXTS[:4])
    assert (again.misses, again.hits) == (1, 3)
    np.testing.assert_array_equal(both[:3], first)
    # Stored as float16, and a fresh vector is rounded the same way.
    np.testing.assert_array_equal(first, encoder.encode(TEXTS[:3]).astype(np.float16).astype(np.float32))
    files = sorted((tmp_path / encoder.ident).glob("*.npz"))
    segments = [read_segment(path, encoder) for path in files]
    assert sorted(keys.shape for keys, _vectors in segments) == [(1, 32), (3, 32)]
    assert {vectors.dtype for _keys, vectors in segments} == {np.dtype(np.float16)}


def test_the_cache_is_kept_per_encoder_version(tmp_path, encoder):
    EncodingCache(tmp_path, encoder, shipped=False).encode(TEXTS[:2])
    other = SentenceEncoder()
    other.version = "0.0.1"  # as if another version were installed
    cache = EncodingCache(tmp_path, other, shipped=False)
    assert len(cache) == 0 and (tmp_path / encoder.ident).is_dir()
    assert not (tmp_path / other.ident).exists()


def test_a_damaged_cache_file_costs_time_not_correctness(tmp_path, encoder, capsys):
    cache = EncodingCache(tmp_path, encoder, shipped=False)
    expected = cache.encode(TEXTS[:2])
    for path in (tmp_path / encoder.ident).glob("*.npz"):
        path.write_bytes(b"not a numpy file")
    again = EncodingCache(tmp_path, encoder, shipped=False)
    assert "ignoring encoding cache file" in capsys.readouterr().err
    np.testing.assert_array_equal(again.encode(TEXTS[:2]), expected)
    assert again.misses == 2


def test_many_small_cache_files_are_merged(tmp_path, encoder, monkeypatch):
    import model.encodings as encodings
    monkeypatch.setattr(encodings, "MAX_SEGMENTS", 3)
    for i in range(5):
        EncodingCache(tmp_path, encoder, shipped=False).encode([f"tekst nummer {i}"])
    files = list((tmp_path / encoder.ident).glob("*.npz"))
    assert len(files) <= 3
    assert len(EncodingCache(tmp_path, encoder, shipped=False)) == 5


def test_training_takes_encodings_from_the_cache(tmp_path):
    dataset = model.load_dataset(TRAINING_DATA.parent / "tests" / "fixtures" / "training_small")
    model.train(dataset, encodings=tmp_path)
    from model._train import training_texts
    texts = training_texts(dataset)  # the examples and their stop-word skeletons
    # What the shipped file lacked was written to the folder.
    assert len(EncodingCache(tmp_path, SentenceEncoder(), shipped=False)) > 0
    cache = EncodingCache(tmp_path, SentenceEncoder())
    cache.encode(texts)
    assert cache.misses == 0  # a retraining on the same texts encodes nothing


def test_the_shipped_cache_holds_every_training_text(encoder):
    # The first start on a fresh machine trains from it; a text missing here is encoded then,
    # which is slow for thousands. Rebuild: python -m model.encodings build
    path = precomputed_path(encoder)
    assert path.is_file(), f"{path} is missing: run python -m model.encodings build"
    keys, vectors = read_segment(path, encoder)
    shipped = {k.tobytes() for k in keys}
    from model._train import training_texts
    texts = training_texts(model.load_dataset(TRAINING_DATA))  # the examples and their skeletons
    missing = [i for i, t in enumerate(texts) if SentenceEncoder.key(t) not in shipped]
    assert missing == [], f"{len(missing)} training texts are not in {path.name}"
    assert vectors.dtype == np.float16
