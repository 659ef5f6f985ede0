"""Finding 1: a model planted in the model folder, with a matching sidecar, never runs.

The planted artifact is a pickle that creates a file when it is unpickled; every test checks
that the file was never made (no code of it ran), through the API, through ACTIVE, at
startup, in the training worker and in the listings.
"""
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import time

import joblib
import pytest

import model
from server import create_app
from server.cli import main as cli
from server.database import get_db
from server.learning import retrain
from server.learning.signing import KEY_ENV, KEY_FILE
from server.storage import model_versions

from .conftest import cli_settings, token_client

BOTH_BACKENDS = True

PLANTED = "20990101T000000Z-0badc0de"


class RunsCode:
    """Unpickling this calls open(marker, "w"): the proof that a load ran foreign code."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def plant(models_dir, marker, version=PLANTED):
    """A version folder whose sidecar matches its artifact exactly, as an attacker would make it."""
    real = next(p for p in sorted(models_dir.iterdir()) if p.is_dir() and not p.name.startswith("."))
    folder = models_dir / version
    folder.mkdir()
    joblib.dump(RunsCode(marker), folder / "model.joblib")
    sidecar = json.loads((real / "model.json").read_text())
    data = (folder / "model.joblib").read_bytes()
    sidecar["version"] = version
    sidecar["artifact"] = {"file": "model.joblib", "sha256": hashlib.sha256(data).hexdigest(),
                           "bytes": len(data)}
    (folder / "model.json").write_text(json.dumps(sidecar))
    return folder


@pytest.fixture
def marker(tmp_path):
    path = tmp_path / "code-ran"
    yield path
    assert not path.exists(), "the planted pickle was unpickled"


def test_planted_version_is_refused_through_the_api(app, admin_client, data_dir, marker):
    plant(data_dir / "models", marker)
    before = app.extensions["model_store"].active_version
    response = admin_client.post(f"/api/v1/models/{PLANTED}/activate")
    assert response.status_code == 409
    assert "cannot be loaded" in response.get_json()["error"]["message"]
    assert app.extensions["model_store"].active_version == before


def test_planted_version_named_in_active_is_not_followed(app, client, data_dir, marker, monkeypatch):
    monkeypatch.setattr(retrain, "FOLLOW_INTERVAL", 0)
    before = app.extensions["model_store"].active_version
    plant(data_dir / "models", marker)
    (data_dir / "models" / "ACTIVE").write_text(PLANTED + "\n")
    assert client.post("/api/v1/classify", json={"text": "hallo", "lang": "nl"}).status_code == 200
    assert app.extensions["model_store"].active_version == before


def test_planted_version_named_in_active_stops_startup(app, app_config, data_dir, marker):
    plant(data_dir / "models", marker)
    (data_dir / "models" / "ACTIVE").write_text(PLANTED + "\n")
    with pytest.raises(model.ModelFileError, match="not signed by this server"):
        create_app(app_config)


def test_a_planted_copy_with_a_signature_from_another_key_is_refused(app, app_config, data_dir,
                                                                     tmp_path, admin_client):
    # Another server's genuine, signed version: its signature does not hold under this key.
    other = create_app({**app_config, "DATA_DIR": str(tmp_path / "other")})
    other_store = other.extensions["model_store"]
    source = other_store.models_dir / other_store.active_version
    target = data_dir / "models" / PLANTED
    shutil.copytree(source, target)
    response = admin_client.post(f"/api/v1/models/{PLANTED}/activate")
    assert response.status_code == 409


def test_an_unrecorded_version_signed_with_the_right_key_is_refused(app, admin_client, data_dir,
                                                                   marker):
    # Even with the key (say, read from a backup), a version the database never recorded stays out.
    folder = plant(data_dir / "models", marker)
    app.extensions["model_store"].signer.sign(folder)
    assert admin_client.post(f"/api/v1/models/{PLANTED}/activate").status_code == 409


def test_the_training_worker_refuses_a_planted_active_version(app, data_dir, marker, tmp_path):
    plant(data_dir / "models", marker)
    examples = tmp_path / "examples.jsonl"
    examples.write_text("")
    env = {**os.environ, KEY_ENV: app.extensions["model_store"].signer.key_hex()}
    argv = ["--training-data", app.config["TRAINING_DATA_DIR"], "--examples", str(examples),
            "--regression-set", app.config["REGRESSION_SET"], "--models-dir",
            str(data_dir / "models"), "--job-id", "j1", "--cv-folds", "2",
            "--active-version", PLANTED]
    # stdin stays open: the worker stops when it closes (its parent is gone).
    with subprocess.Popen(retrain.worker_command(argv), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        out = proc.stdout.read()
        assert proc.wait(timeout=120) == 1
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert events[-1]["event"] == "error"
    assert "not signed" in events[-1]["message"]


def test_models_list_marks_a_version_that_fails_the_check(app, client, data_dir, marker,
                                                         monkeypatch, capsys):
    plant(data_dir / "models", marker)
    listed = {v["version"]: v for v in client.get("/api/v1/models").get_json()["versions"]}
    assert "not signed" in listed[PLANTED]["error"]
    assert str(data_dir) not in listed[PLANTED]["error"]
    assert all("error" not in v for name, v in listed.items() if name != PLANTED)
    cli_settings(monkeypatch, app)
    assert cli(["models", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if PLANTED in x)
    assert "FAILS THE CHECK" in line


def test_versions_are_recorded_with_their_hash(app, data_dir):
    store = app.extensions["model_store"]
    version = store.active_version
    with app.app_context():
        row = model_versions.get(get_db(), version)
    artifact = (data_dir / "models" / version / "model.joblib").read_bytes()
    assert row["artifact_sha256"] == hashlib.sha256(artifact).hexdigest()
    assert row["signature"] == (data_dir / "models" / version / "model.sig").read_text().strip()


def test_the_key_file_is_private_and_outside_the_model_folder(app, data_dir):
    key = data_dir / KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not list((data_dir / "models").rglob(KEY_FILE))


def test_a_secret_key_setting_replaces_the_key_file(tmp_path, app_config):
    config = {**app_config, "DATA_DIR": str(tmp_path / "d"), "SECRET_KEY": "s" * 40}
    first = create_app(config).extensions["model_store"]
    assert not (tmp_path / "d" / KEY_FILE).exists()
    # The same secret verifies what it signed; another one does not.
    assert create_app(config).extensions["model_store"].active_version == first.active_version
    with pytest.raises(model.ModelFileError, match="signature does not match"):
        create_app({**config, "SECRET_KEY": "t" * 40})


def test_a_short_secret_key_is_refused(tmp_path, app_config):
    with pytest.raises(ValueError, match="at least 32"):
        create_app({**app_config, "DATA_DIR": str(tmp_path / "d"), "SECRET_KEY": "short"})


def test_startup_with_a_tampered_active_model_prints_one_plain_line(app, data_dir):
    version = app.extensions["model_store"].active_version
    artifact = data_dir / "models" / version / "model.joblib"
    artifact.write_bytes(artifact.read_bytes()[:-4] + b"XXXX")
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir),
           "REAGEERWIJZER_TRAINING_DATA_DIR": app.config["TRAINING_DATA_DIR"],
           **({"REAGEERWIJZER_DATABASE": app.config["DATABASE"]} if app.config.get("DATABASE") else {})}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "server", "serve", "--port", "0"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert time.monotonic() - started < 120
    assert proc.returncode == 2
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and str(data_dir) not in lines[0]
    assert "signature does not match" in lines[0]


def test_the_api_error_for_a_broken_version_names_no_path(app, admin_client, data_dir, marker):
    folder = plant(data_dir / "models", marker)
    (folder / "model.json").write_text("{not json")
    response = admin_client.post(f"/api/v1/models/{PLANTED}/activate")
    assert str(data_dir) not in response.get_data(as_text=True)
    listed = token_client(app, None)
    assert listed.get("/api/v1/models").status_code == 401
