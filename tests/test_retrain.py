"""Retraining: the background job, the gate, rollback, and serving without a hitch meanwhile.

Trains on the small fixture set (tests/fixtures/training_small) and judges candidates on a small
regression set written for these tests (tests/fixtures/retrain/regression.csv).
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from server import create_app
from server.cli import main
from server.learning import jobs, retrain
from server.storage import connection as db

from .conftest import FIXTURES, make_token, token_client

JOB_TIMEOUT = 60


def wait_for_job(client, job_id: str, *, until=lambda job: job["state"] in ("succeeded", "failed"),
                 timeout: float = JOB_TIMEOUT) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        resp = client.get(f"/api/v1/jobs/{job_id}")
        assert resp.status_code == 200
        job = resp.get_json()
        if until(job):
            return job
        assert time.monotonic() < deadline, f"job {job_id} still {job['state']} ({job['stage']})"
        time.sleep(0.02)


def start_retraining(admin_client) -> dict:
    resp = admin_client.post("/api/v1/retrain")
    assert resp.status_code == 202, resp.get_json()
    job = resp.get_json()
    assert job["state"] == "queued"
    assert resp.headers["Location"].endswith(f"/api/v1/jobs/{job['id']}")
    return job


BOTH_BACKENDS = True


@contextlib.contextmanager
def database(config: dict):
    """A connection (autocommit) to the database of an app's configuration, either backend."""
    store = db.from_config(config)
    conn = store.connect()
    try:
        yield conn
    finally:
        conn.close()
        store.close()


# -- the gate, as a plain function -----------------------------------------------------------------

@pytest.mark.parametrize("active, candidate, promote", [
    (None, 0.5, True),      # nothing to compare with
    (0.80, 0.80, True),     # equal
    (0.80, 0.85, True),     # better
    (0.80, 0.79, True),     # a drop of exactly the margin
    (0.80, 0.7899, False),  # just over it
    (0.80, 0.40, False),
])
def test_gate(active, candidate, promote):
    decision = retrain.gate({"candidate_macro_f1": candidate, "active_macro_f1": active}, max_drop=0.01)
    assert decision["promote"] is promote
    assert decision["reason"].startswith("promoted" if promote else "not promoted")
    if active is not None:
        assert decision["drop"] == pytest.approx(active - candidate)
        assert f"{candidate:.4f}" in decision["reason"] and f"{active:.4f}" in decision["reason"]


# -- through the API --------------------------------------------------------------------------------

def test_retrain_promotes_an_equal_model_and_rollback_restores_the_old(app, client, admin_client,
                                                                       monkeypatch, data_dir):
    old = client.get("/api/v1/health").get_json()["model_version"]
    accepted = client.post("/api/v1/examples", json={
        "text": "Jij bent een waardeloze sukkel en iedereen lacht je uit", "label": 1, "lang": "nl"})
    admin_client.patch(f"/api/v1/examples/{accepted.get_json()['id']}", json={"state": "accepted"})
    client.post("/api/v1/examples", json={"text": "Nog niet beoordeeld", "label": 0, "lang": "nl"})

    job = wait_for_job(client, start_retraining(admin_client)["id"])
    assert job["state"] == "succeeded", job["error"]
    assert job["progress"] == 1
    report = job["report"]
    assert report["training"]["from_database"] == 1  # the accepted one, not the new one
    assert report["training"]["categories_inferred"] == 1
    assert report["cross_validation"]["folds"] == 5
    assert report["regression"]["set"] == "regression.csv"
    decision = report["decision"]
    assert decision["promoted"] is True
    assert decision["max_drop"] == 0.01
    assert decision["drop"] <= 0.01
    assert decision["active_macro_f1"] == report["regression"]["active_macro_f1"]
    new = report["candidate_version"]
    assert report["active_version_before"] == old and report["active_version"] == new

    assert client.get("/api/v1/health").get_json()["model_version"] == new
    assert client.post("/api/v1/classify", json={"text": "hallo"}).get_json()["model_version"] == new
    models = client.get("/api/v1/models").get_json()
    assert models["active"] == new
    by_version = {v["version"]: v for v in models["versions"]}
    assert set(by_version) == {old, new}
    assert by_version[new]["active"] and not by_version[old]["active"]
    assert by_version[new]["metrics"]["regression"]["macro_f1"] == decision["candidate_macro_f1"]
    assert by_version[new]["metrics"]["cross_validation"]["folds"] == 5

    # Rollback through the API.
    resp = admin_client.post(f"/api/v1/models/{old}/activate")
    assert resp.status_code == 200
    assert resp.get_json() == {"active": old, "previous": new}
    assert client.get("/api/v1/health").get_json()["model_version"] == old
    assert (data_dir / "models" / "ACTIVE").read_text().strip() == old
    for version, status in [("20200101T000000Z-00000000", 404), ("not-a-version", 404)]:
        resp = admin_client.post(f"/api/v1/models/{version}/activate")
        assert resp.status_code == status
        assert client.get("/api/v1/health").get_json()["model_version"] == old

    # Another process (the CLI) activates a version: the server follows it.
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    if app.config.get("DATABASE"):
        monkeypatch.setenv("REAGEERWIJZER_DATABASE", app.config["DATABASE"])
    monkeypatch.setattr(retrain, "FOLLOW_INTERVAL", 0)
    assert main(["models", "activate", new]) == 0
    assert client.get("/api/v1/health").get_json()["model_version"] == new


def test_a_second_retrain_while_one_runs_gets_409_and_a_killed_training_changes_nothing(
        app_config, data_dir):
    app = create_app({**app_config, "RETRAIN_CV_FOLDS": 20})  # slow enough to kill mid-way
    client = token_client(app, make_token(app, "worker", "worker"))
    admin = token_client(app, make_token(app, "admin", "admin"))
    old = client.get("/api/v1/health").get_json()["model_version"]
    versions_before = sorted(p.name for p in (data_dir / "models").iterdir())

    job = start_retraining(admin)
    # Any stage the training process reported: with its folds in parallel, a single fold's
    # stage may pass too quickly to be seen.
    running = wait_for_job(client, job["id"], until=lambda j: j["state"] in ("succeeded", "failed")
                           or (j["stage"] or "").startswith(("loading data", "cross-validation")))
    with database(app_config) as conn:
        pid = conn.execute("SELECT worker_pid FROM jobs WHERE id = ?", (job["id"],)).fetchone()[0]
    assert running["state"] == "running" and pid and pid != os.getpid()
    os.kill(pid, signal.SIGSTOP)  # hold the training still, mid cross-validation

    second = admin.post("/api/v1/retrain")
    assert second.status_code == 409
    assert job["id"] in second.get_json()["error"]["message"]
    os.kill(pid, signal.SIGKILL)

    failed = wait_for_job(client, job["id"])
    assert failed["state"] == "failed"
    assert failed["error"] == ("the training process was killed (SIGKILL); the active model is "
                               "unchanged")
    assert client.get("/api/v1/health").get_json()["model_version"] == old
    assert client.post("/api/v1/classify", json={"text": "hallo"}).status_code == 200
    assert sorted(p.name for p in (data_dir / "models").iterdir()) == versions_before
    assert not (data_dir / "jobs" / job["id"]).exists()  # the examples copy is gone
    with database(app_config) as conn:
        if isinstance(conn, sqlite3.Connection):
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')"
                            ).fetchone()[0] == 0


def test_classify_never_fails_while_a_retrained_model_is_swapped_in(app, admin_client, worker_token):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    url = f"http://127.0.0.1:{server.server_port}/api/v1/classify"
    stop = threading.Event()
    outcomes: list[tuple[int, str | None]] = []

    def hammer(n: int) -> None:
        body = json.dumps({"text": f"Ga terug naar je eigen land, bericht {n}"}).encode()
        deadline = time.monotonic() + JOB_TIMEOUT
        while not stop.is_set() and time.monotonic() < deadline:
            request = urllib.request.Request(url, data=body, method="POST", headers={
                "Content-Type": "application/json", "Authorization": f"Bearer {worker_token}"})
            try:
                with urllib.request.urlopen(request, timeout=10) as resp:
                    outcomes.append((resp.status, json.load(resp)["model_version"]))
            except urllib.error.HTTPError as err:
                outcomes.append((err.code, None))
                err.close()
            time.sleep(0.02)

    old = app.extensions["model_store"].active_version
    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        job = wait_for_job(admin_client, start_retraining(admin_client)["id"])
        time.sleep(0.3)  # keep asking a little after the swap
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        server.shutdown()
        server.server_close()
    assert job["state"] == "succeeded" and job["report"]["decision"]["promoted"], job
    new = job["report"]["candidate_version"]
    assert outcomes and all(status == 200 for status, _ in outcomes), \
        {status for status, _ in outcomes}
    seen = [version for _, version in outcomes]
    assert set(seen) == {old, new}
    assert seen.index(new) > seen.index(old) and seen[-1] == new


def test_a_training_over_the_time_limit_is_stopped(app_config, data_dir):
    app = create_app({**app_config, "RETRAIN_TIMEOUT": 0.3})
    admin = token_client(app, make_token(app, "admin", "admin"))
    old = app.extensions["model_store"].active_version
    job = wait_for_job(admin, start_retraining(admin)["id"])
    assert job["state"] == "failed"
    assert "longer than RETRAIN_TIMEOUT (0.3 s)" in job["error"]
    assert app.extensions["model_store"].active_version == old


def test_a_missing_regression_set_fails_the_job_with_its_name(app_config, tmp_path):
    app = create_app({**app_config, "REGRESSION_SET": str(tmp_path / "nope.csv")})
    admin = token_client(app, make_token(app, "admin", "admin"))
    job = wait_for_job(admin, start_retraining(admin)["id"])
    assert job["state"] == "failed"
    assert "regression set" in job["error"] and "nope.csv' not found" in job["error"]


def test_jobs_left_running_by_a_dead_server_are_failed_at_startup(app_config, data_dir):
    create_app(app_config)
    with database(app_config) as conn:
        conn.execute("INSERT INTO jobs (id, kind, state, owner_pid, created_at) "
                     "VALUES ('deadbeef', 'retrain', 'running', ?, '2026-01-01T00:00:00Z')",
                     (2 ** 22 + 4321,))
    app = create_app(app_config)
    admin = token_client(app, make_token(app, "admin", "admin"))
    job = admin.get("/api/v1/jobs/deadbeef").get_json()
    assert job["state"] == "failed" and "stopped before it finished" in job["error"]
    assert admin.get("/api/v1/jobs/nope").status_code == 404


# -- from the command line ---------------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, data_dir, app_config):
    for key in ("DATA_DIR", "TRAINING_DATA_DIR", "REGRESSION_SET", "DATABASE"):
        if key in app_config:
            monkeypatch.setenv(f"REAGEERWIJZER_{key}", str(app_config[key]))
    return data_dir


def write_flipped_batch(path: Path, *, copies: int = 3) -> int:
    """Accepted examples that say the opposite of the training data (a poisoned batch)."""
    with (FIXTURES / "training_small" / "train.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    suffixes = ["echt waar", "zeg ik je", "vind ik"][:copies]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label", "category", "lang", "state"])
        for row in rows:
            flipped = 1 - int(row["label"])
            for suffix in suffixes:
                writer.writerow([f"{row['text']} {suffix}", flipped, "hurtful" if flipped else "",
                                 row["lang"], "accepted"])
    return len(rows) * len(suffixes)


def test_the_gate_refuses_a_poisoned_batch(cli_env, app_config, tmp_path, capsys):
    batch = tmp_path / "poisoned.csv"
    count = write_flipped_batch(batch)
    assert main(["examples", "import", str(batch)]) == 0
    assert f"{count} new example(s)" in capsys.readouterr().out
    active_before = (cli_env / "models" / "ACTIVE").read_text().strip()

    assert main(["retrain"]) == 1  # trained, but not promoted
    out = capsys.readouterr().out
    assert "cross-validation fold 1/5" in out and "training" in out
    assert "Not promoted: macro-F1 on the regression set went from" in out
    assert (cli_env / "models" / "ACTIVE").read_text().strip() == active_before

    with database(app_config) as conn:
        row = conn.execute("SELECT * FROM jobs ORDER BY created_at DESC").fetchone()
    report = json.loads(row["report"])
    decision = report["decision"]
    assert row["state"] == "succeeded" and row["created_by"] == "cli"
    assert decision["promoted"] is False
    assert decision["drop"] > decision["max_drop"] == 0.01
    assert decision["candidate_macro_f1"] < decision["active_macro_f1"]
    assert f"a drop of {decision['drop']:.4f}, more than the allowed 0.0100" in decision["reason"]
    assert report["training"]["from_database"] == count
    assert report["active_version"] == active_before

    # The refused candidate is kept (listed, not active) and can be inspected.
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert f"* {active_before}" in listing and f"  {report['candidate_version']}" in listing


def test_cli_retrain_refuses_while_a_job_is_unfinished(cli_env, capsys):
    app = create_app()
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        job = jobs.create(conn, kind="retrain", created_by="admin", owner=app.extensions["boot"].id)
    assert main(["retrain"]) == 2
    assert f"retraining job {job['id']} is queued already" in capsys.readouterr().err


def test_cli_models_activate_names_unknown_versions(cli_env, capsys):
    assert main(["models", "activate", "20200101T000000Z-00000000"]) == 2
    assert "cannot activate 20200101T000000Z-00000000" in capsys.readouterr().err
    assert main(["models", "list", "--json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert len(versions) == 1 and versions[0]["active"]


def test_an_unexpected_error_is_stored_and_logged_without_its_message(app_config, monkeypatch, caplog):
    """A library's message may quote a post text; the job's error is read by every worker."""
    secret = "Jij vuile rat, ik weet waar je woont"

    def explode(*_args, **_kwargs):
        raise ValueError(f"could not convert {secret!r}")
    monkeypatch.setattr(retrain, "_train_and_gate", explode)
    app = create_app(app_config)
    admin = token_client(app, make_token(app, "admin", "admin"))
    job = wait_for_job(admin, start_retraining(admin)["id"])
    assert job["state"] == "failed"
    assert job["error"].startswith("unexpected error (ValueError); the active model is unchanged")
    assert secret not in job["error"]
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "failed unexpectedly: ValueError at " in logged and "explode" in logged
    assert secret not in logged
