"""The server's model store: first-start training, ACTIVE, versions, swap, loud startup failures."""
import threading

import pytest

import model
from server import create_app
from server.learning.model_store import ACTIVE_FILE, ModelStore, ModelStoreError, UnknownVersionError

from .conftest import FIXTURES, SESSION_SIGNER


def config_for(data_dir):
    return {"TESTING": True, "DATA_DIR": str(data_dir),
            "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
            "REGRESSION_SET": str(FIXTURES / "retrain" / "regression.csv")}


def test_first_start_trains_saves_and_activates(tmp_path, caplog):
    caplog.set_level("INFO")
    app = create_app(config_for(tmp_path / "data"))
    store = app.extensions["model_store"]
    models = tmp_path / "data" / "models"
    assert store.active_version == (models / ACTIVE_FILE).read_text().strip()
    assert (models / store.active_version / "model.joblib").is_file()
    assert "training a model on" in caplog.text
    # Counts are logged; texts never are.
    train_texts = model.load_dataset(FIXTURES / "training_small").texts
    assert not any(text in caplog.text for text in train_texts)
    assert store.classify("Ik steek je neer")["model_version"] == store.active_version


def test_a_second_start_loads_the_active_version(app, data_dir):
    first = app.extensions["model_store"].active_version
    again = create_app(config_for(data_dir)).extensions["model_store"]
    assert again.active_version == first
    assert len(again.list_versions()) == 1


def test_startup_fails_when_the_active_artifact_is_corrupt(app, data_dir):
    version = app.extensions["model_store"].active_version
    artifact = data_dir / "models" / version / "model.joblib"
    artifact.write_bytes(artifact.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(model.ModelIntegrityError, match="signature does not match"):
        create_app(config_for(data_dir))


def test_startup_fails_when_the_active_folder_is_missing(app, data_dir):
    (data_dir / "models" / ACTIVE_FILE).write_text("20990101T000000Z-deadbeef\n")
    with pytest.raises(ModelStoreError, match="20990101T000000Z-deadbeef.*does not exist"):
        create_app(config_for(data_dir))


def test_startup_fails_on_a_malformed_active_file(app, data_dir):
    (data_dir / "models" / ACTIVE_FILE).write_text("../../etc\n")
    with pytest.raises(ModelStoreError, match="not a model version id"):
        create_app(config_for(data_dir))


def test_without_active_file_the_newest_version_is_activated(app, data_dir):
    version = app.extensions["model_store"].active_version
    (data_dir / "models" / ACTIVE_FILE).unlink()
    store = create_app(config_for(data_dir)).extensions["model_store"]
    assert store.active_version == version
    assert (data_dir / "models" / ACTIVE_FILE).read_text().strip() == version


def test_add_list_activate_and_swap(app, small_model):
    store = app.extensions["model_store"]
    first = store.active_version
    second = store.add(small_model)
    assert second != first and store.active_version == first
    listed = {v["version"]: v for v in store.list_versions()}
    assert set(listed) == {first, second}
    assert listed[first]["active"] and not listed[second]["active"]
    assert listed[second]["threshold"] == small_model.threshold
    store.activate(second)
    assert store.active_version == second == store.read_active()
    store.swap(first)  # serves it, without touching ACTIVE
    assert store.active_version == first and store.read_active() == second


@pytest.mark.parametrize("version", ["../models", "nope", "20990101T000000Z-deadbeef", None])
def test_unknown_versions_are_refused_and_nothing_changes(app, version):
    store = app.extensions["model_store"]
    before = store.active_version, store.model
    with pytest.raises(UnknownVersionError):
        store.activate(version)
    assert (store.active_version, store.model) == before


def test_a_corrupt_version_is_not_swapped_in(app, small_model):
    store = app.extensions["model_store"]
    before = store.active_version
    broken = store.add(small_model)
    (store.models_dir / broken / "model.joblib").write_bytes(b"not a model")
    with pytest.raises(model.ModelIntegrityError):
        store.swap(broken)
    assert store.active_version == before


def test_classify_during_swaps_is_consistent(app, small_model):
    store = app.extensions["model_store"]
    versions = [store.active_version, store.add(small_model)]
    errors = []

    def reader():
        for _ in range(200):
            result = store.classify("Ik steek je neer")
            if result["model_version"] not in versions:
                errors.append(result["model_version"])
    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(6):
        store.swap(versions[i % 2])
    for t in threads:
        t.join()
    assert not errors


def test_the_store_outside_flask(tmp_path, small_model):
    store = ModelStore(tmp_path / "models", signer=SESSION_SIGNER)
    assert store.read_active() is None and store.list_versions() == []
    with pytest.raises(ModelStoreError, match="no model is loaded"):
        store.classify("hallo")
    version = store.add(small_model)
    store.record_active(version)
    store.open(training_data_dir=tmp_path / "unused")
    assert store.active_version == version
