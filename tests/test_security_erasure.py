"""Finding 3: erasure that erases: job folders, the write-ahead log, model versions, retention."""
import sqlite3
import threading
import time

import pytest

from server import create_app, database
from server.cli import main as cli
from server.learning import jobs as learning_jobs
from server.storage import connection, jobs, model_versions

from .conftest import FIXTURES, cli_settings

BOTH_BACKENDS = True

SECRET_WORD = "Zwqxjanvries"


def wait_job(conn, job_id, *, timeout):
    """Poll job ``job_id`` until it has finished (or ``timeout`` seconds passed)."""
    deadline = time.monotonic() + timeout
    while True:
        job = jobs.get(conn, job_id)
        if job is None or job["state"] not in jobs.UNFINISHED or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def save(client, text, label=1):
    body = {"text": text, "label": label, "lang": "nl", **({"category": "hurtful"} if label else {})}
    return client.post("/api/v1/examples", json=body).get_json()["id"]


def accept(admin_client, example_id):
    assert admin_client.patch(f"/api/v1/examples/{example_id}",
                              json={"state": "accepted"}).status_code == 200


def test_job_folders_of_a_killed_retrain_are_removed_at_startup(app, app_config, data_dir):
    stale = data_dir / "jobs" / "0123abcd"
    stale.mkdir(parents=True)
    (stale / "examples.jsonl").write_text(f'{{"text": "{SECRET_WORD}"}}\n')
    create_app(app_config)
    assert not stale.exists()


def test_job_folders_are_removed_after_every_job(app, admin_client, client, data_dir):
    accept(admin_client, save(client, f"{SECRET_WORD} is een rat"))
    job = admin_client.post("/api/v1/retrain").get_json()
    with app.app_context():
        finished = wait_job(database.get_db(), job["id"], timeout=300)
    assert finished["state"] == "succeeded", finished["error"]
    assert not (data_dir / "jobs" / job["id"]).exists()


def test_a_failure_before_the_worker_starts_marks_the_job_failed(app, admin_client, monkeypatch):
    # Finding 5: the write in mark_running fails (a full disk): the job must not stay queued.
    def disk_full(conn, job_id):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(jobs, "mark_running", disk_full)
    job = admin_client.post("/api/v1/retrain").get_json()
    with app.app_context():
        finished = wait_job(database.get_db(), job["id"], timeout=30)
    assert finished["state"] == "failed"
    assert "disk holding the data folder is full" in finished["error"]
    monkeypatch.undo()
    again = admin_client.post("/api/v1/retrain")
    assert again.status_code == 202, again.get_json()
    with app.app_context():
        wait_job(database.get_db(), again.get_json()["id"], timeout=300)


def test_the_checkpoint_is_retried_and_its_failure_reported(app, client, admin_client, data_dir,
                                                           monkeypatch, caplog, backend):
    if backend == "postgresql":
        pytest.skip("SQLite's write-ahead log; PostgreSQL's erasure (VACUUM) is tested in test_examples_api")
    monkeypatch.setattr(connection, "CHECKPOINT_ATTEMPTS", 3)
    example_id = save(client, f"{SECRET_WORD} mag weg")
    reader = sqlite3.connect(data_dir / "reageerwijzer.sqlite3", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM examples").fetchall()  # holds a snapshot with the row
    body = admin_client.delete(f"/api/v1/examples/{example_id}").get_json()
    assert body["erased"] is True and body["log_emptied"] is False
    assert "write-ahead log could not be emptied" in body["message"]
    assert "write-ahead log could not be emptied" in caplog.text
    reader.execute("COMMIT")
    reader.close()


def test_the_checkpoint_succeeds_once_the_reader_lets_go(app, client, admin_client, data_dir, backend):
    if backend == "postgresql":
        pytest.skip("SQLite's write-ahead log; PostgreSQL's erasure (VACUUM) is tested in test_examples_api")
    example_id = save(client, f"{SECRET_WORD} mag weg")
    reader = sqlite3.connect(data_dir / "reageerwijzer.sqlite3", isolation_level=None,
                             check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM examples").fetchall()
    threading.Timer(0.3, lambda: reader.execute("COMMIT")).start()
    body = admin_client.delete(f"/api/v1/examples/{example_id}").get_json()
    assert body["log_emptied"] is True
    wal = data_dir / "reageerwijzer.sqlite3-wal"
    assert not wal.exists() or SECRET_WORD.encode() not in wal.read_bytes()
    reader.close()


def test_models_delete_through_the_api_never_the_active_one(app, admin_client, client, small_model):
    store = app.extensions["model_store"]
    active = store.active_version
    other = store.add(small_model)
    assert admin_client.delete(f"/api/v1/models/{active}").status_code == 409
    assert client.delete(f"/api/v1/models/{other}").status_code == 403
    assert admin_client.delete(f"/api/v1/models/{other}").status_code == 204
    assert not (store.models_dir / other).exists()
    with app.app_context():
        assert model_versions.get(database.get_db(), other) is None
    assert admin_client.delete(f"/api/v1/models/{other}").status_code == 404


def test_models_delete_on_the_command_line(app, data_dir, small_model, monkeypatch, capsys):
    store = app.extensions["model_store"]
    other = store.add(small_model)
    cli_settings(monkeypatch, app)
    assert cli(["models", "delete", store.active_version]) == 2
    assert "active model" in capsys.readouterr().err
    assert cli(["models", "delete", other]) == 0
    assert not (store.models_dir / other).exists()


def test_retention_keeps_the_newest_inactive_versions(app, small_model):
    store = app.extensions["model_store"]
    made = []
    for _ in range(3):
        made.append(store.add(small_model))
        time.sleep(1.05)  # version ids are to the second
    assert store.prune(keep=1) == made[:2]
    names = {v["version"] for v in store.list_versions()}
    assert names == {store.active_version, made[2]}


def test_erasing_lists_the_versions_trained_on_it_and_purge_removes_them(
        app, app_config, admin_client, client, data_dir, monkeypatch, capsys):
    keep_id = save(client, "dit mag blijven staan", label=0)
    gone_id = save(client, f"{SECRET_WORD} woont hier, die rat")
    accept(admin_client, keep_id)
    accept(admin_client, gone_id)
    job = admin_client.post("/api/v1/retrain").get_json()
    with app.app_context():
        finished = wait_job(database.get_db(), job["id"], timeout=300)
    assert finished["state"] == "succeeded", finished["error"]
    trained = finished["report"]["candidate_version"]
    with app.app_context():
        assert model_versions.example_ids(database.get_db(), trained) == [keep_id, gone_id]

    body = admin_client.delete(f"/api/v1/examples/{gone_id}").get_json()
    assert body["versions_carrying"] == [trained]
    assert "--purge" in body["message"]

    for name, value in {"DATA_DIR": data_dir, "TRAINING_DATA_DIR": FIXTURES / "training_small",
                        "REGRESSION_SET": FIXTURES / "retrain" / "regression.csv",
                        "RETRAIN_CV_FOLDS": 2, "KEEP_MODEL_VERSIONS": 5}.items():
        monkeypatch.setenv(f"REAGEERWIJZER_{name}", str(value))
    cli_settings(monkeypatch, app)
    # Erase again through the CLI (a second example) with --purge: retrained, versions deleted.
    third = save(client, f"{SECRET_WORD} nog een keer, rat")
    with app.app_context():
        model_versions.record(database.get_db(), trained, example_ids=[third],
                              **{k: model_versions.get(database.get_db(), trained)[k]
                                 for k in ("artifact_sha256", "signature")})
    assert cli(["examples", "erase", str(third), "--purge"]) == 0
    out = capsys.readouterr().out
    assert f"still carries it: model version {trained}" in out
    assert f"deleted model version {trained}" in out
    assert not (data_dir / "models" / trained).exists()
    store = create_app(app_config).extensions["model_store"]
    assert store.active_version != trained
    with app.app_context():
        conn = database.get_db()
        assert model_versions.carrying(conn, gone_id) == []
        assert model_versions.carrying(conn, third) == []
        assert model_versions.example_ids(conn, store.active_version) == [keep_id]


def test_keep_model_versions_defaults_to_five(app):
    assert app.config["KEEP_MODEL_VERSIONS"] == 5


@pytest.mark.parametrize("state", ["queued", "running"])
def test_startup_keeps_the_folder_of_a_job_that_still_runs(app, app_config, data_dir, state):
    with app.app_context():
        job = learning_jobs.create(database.get_db(), kind="retrain", created_by="test",
                          owner=app.extensions["boot"].id)
        if state == "running":
            jobs.mark_running(database.get_db(), job["id"])
    folder = data_dir / "jobs" / job["id"]
    folder.mkdir(parents=True)
    create_app(app_config)
    assert folder.exists()
