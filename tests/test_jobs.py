"""Background jobs: one unfinished job per kind, owned by a boot (not a PID), ended by hand or at startup."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from server import create_app
from server.cli import main
from server.cli.jobs import MANUAL_REASON
from server.learning import jobs
from server.learning.boot import Boot, is_running
from server.storage import connection as db
from server.storage import jobs as job_rows

from .conftest import make_token, token_client
from .test_retrain import start_retraining, wait_for_job


@pytest.fixture
def conn(tmp_path):
    database = db.Database(str(tmp_path / "test.sqlite3"))
    database.migrate()
    with contextlib.closing(database.connect()) as connection:
        yield connection


def test_only_one_unfinished_job_per_kind(conn, tmp_path):
    owner = Boot(tmp_path / "boots").id
    job = jobs.create(conn, kind="retrain", created_by="admin", owner=owner)
    with pytest.raises(jobs.JobRunning, match=job["id"]) as info:
        jobs.create(conn, kind="retrain", created_by="admin", owner=owner)
    assert info.value.job["id"] == job["id"]
    assert job_rows.fail(conn, job["id"], "stopped")
    assert jobs.create(conn, kind="retrain", created_by="admin", owner=owner)["state"] == "queued"


def test_an_ended_job_stays_ended(conn, tmp_path):
    job = jobs.create(conn, kind="retrain", created_by="admin", owner=Boot(tmp_path / "b").id)
    assert job_rows.mark_running(conn, job["id"])
    assert job_rows.fail(conn, job["id"], "ended by hand")
    assert not job_rows.succeed(conn, job["id"], {"late": True})
    assert not job_rows.set_progress(conn, job["id"], 0.5, "late")
    assert not job_rows.fail(conn, job["id"], "again")
    ended = job_rows.get(conn, job["id"])
    assert (ended["state"], ended["error"], ended["report"]) == ("failed", "ended by hand", None)


def test_a_boot_is_running_until_it_ends(tmp_path):
    folder = tmp_path / "boots"
    boot = Boot(folder)
    assert is_running(folder, boot.id)  # also seen from this very process
    assert not is_running(folder, "0" * 32) and not is_running(folder, None)
    assert not is_running(folder, "../../etc/passwd")
    boot.close()
    assert not is_running(folder, boot.id)
    assert list(folder.iterdir()) == []


def test_a_restart_with_the_same_pid_fails_the_dead_servers_job(app_config):
    """In one process every app has the same PID, as a restarted container's server is PID 1 again."""
    first = create_app(app_config)
    with contextlib.closing(first.extensions["db"].connect()) as c:
        job = jobs.create(c, kind="retrain", created_by="admin", owner=first.extensions["boot"].id)
        job_rows.mark_running(c, job["id"])

    alongside = create_app(app_config)  # a second server while the first one runs
    with contextlib.closing(alongside.extensions["db"].connect()) as c:
        assert job_rows.get(c, job["id"])["state"] == "running"

    first.extensions["boot"].close()  # the first server is gone; its PID is ours still
    restarted = create_app(app_config)
    with contextlib.closing(restarted.extensions["db"].connect()) as c:
        failed = job_rows.get(c, job["id"])
        assert failed["state"] == "failed" and "stopped before it finished" in failed["error"]
        assert jobs.create(c, kind="retrain", created_by="admin",
                           owner=restarted.extensions["boot"].id)["state"] == "queued"


def _pid_namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-Urpf", "--mount-proc", "sh", "-c", "test $$ -eq 1"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _pid_namespaces_work(), reason="needs 'unshare' with user and PID namespaces")
def test_a_server_restarted_as_pid_1_fails_the_job_its_predecessor_left(app_config, data_dir):
    """The container case, for real: both servers run as PID 1 in their own PID namespace."""
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir),
           "REAGEERWIJZER_TRAINING_DATA_DIR": app_config["TRAINING_DATA_DIR"],
           "REAGEERWIJZER_REGRESSION_SET": app_config["REGRESSION_SET"],
           "REAGEERWIJZER_RETRAIN_CV_FOLDS": "20"}  # slow enough to be killed mid-way
    in_container = ["unshare", "-Urpf", "--mount-proc", "--kill-child", sys.executable]
    create_app(app_config)  # the schema, before the first "container" writes to it
    first = subprocess.Popen([*in_container, "-m", "server", "retrain"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        job_id = _wait_for_running_job(data_dir / "reageerwijzer.sqlite3")
    finally:
        first.kill()  # unshare dies, --kill-child kills PID 1, the kernel the rest
        first.wait()
    subprocess.run([*in_container, "-c", "from server import create_app; create_app()"],
                   env=env, check=True, timeout=120)
    with contextlib.closing(sqlite3.connect(data_dir / "reageerwijzer.sqlite3")) as c:
        state, error = c.execute("SELECT state, error FROM jobs WHERE id = ?", (job_id,)).fetchone()
    assert state == "failed" and "stopped before it finished" in error


def _wait_for_running_job(path, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.closing(sqlite3.connect(path)) as c:
            row = c.execute("SELECT id FROM jobs WHERE state = 'running' AND worker_pid IS NOT NULL"
                            ).fetchone()
        if row:
            return row[0]
        time.sleep(0.05)
    raise AssertionError("the retraining in the namespace never started its training process")


# -- reageerwijzer jobs list | fail -------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, app_config):
    for key in ("DATA_DIR", "TRAINING_DATA_DIR", "REGRESSION_SET"):
        monkeypatch.setenv(f"REAGEERWIJZER_{key}", str(app_config[key]))


def test_jobs_fail_ends_a_running_retraining_and_a_new_one_can_start(cli_env, app_config, capsys):
    app = create_app({**app_config, "RETRAIN_CV_FOLDS": 20})
    admin = token_client(app, make_token(app, "admin", "admin"))
    old = app.extensions["model_store"].active_version
    job = start_retraining(admin)
    wait_for_job(admin, job["id"], until=lambda j: j["state"] != "queued")

    assert main(["jobs", "list"]) == 0
    listing = capsys.readouterr().out
    assert job["id"] in listing and "owner running (pid " in listing

    assert main(["jobs", "fail", job["id"]]) == 0
    out = capsys.readouterr().out
    assert f"Job {job['id']} is failed" in out and "still running" in out
    ended = wait_for_job(admin, job["id"])
    assert (ended["state"], ended["error"]) == ("failed", MANUAL_REASON)
    # Its owner notices, stops its training and changes nothing.
    deadline = time.monotonic() + 60
    while jobs_worker_pid(app, job["id"]) is not None:
        assert time.monotonic() < deadline, "the ended job's training process kept running"
        time.sleep(0.05)
    assert app.extensions["model_store"].active_version == old
    second = admin.post("/api/v1/retrain")
    assert second.status_code == 202  # not 409: the ended job holds nothing
    assert main(["jobs", "fail", second.get_json()["id"]]) == 0
    for thread in threading.enumerate():
        if thread.name.startswith("retrain-"):
            thread.join(timeout=60)
            assert not thread.is_alive()

    assert main(["jobs", "fail", job["id"]]) == 2
    assert f"job {job['id']} is failed already" in capsys.readouterr().err
    assert main(["jobs", "fail", "nope"]) == 2
    assert "there is no job 'nope'" in capsys.readouterr().err


def jobs_worker_pid(app, job_id: str):
    with contextlib.closing(app.extensions["db"].connect()) as c:
        return c.execute("SELECT worker_pid FROM jobs WHERE id = ?", (job_id,)).fetchone()[0]


def test_jobs_list_json_and_a_gone_owner(cli_env, app_config, capsys):
    with contextlib.closing(create_app(app_config).extensions["db"].connect()) as c:
        job = jobs.create(c, kind="retrain", created_by="admin", owner="f" * 32)
    assert main(["jobs", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(j["id"], j["state"], j["owner"]) for j in listed] == [
        (job["id"], "queued", f"gone (pid {os.getpid()})")]
    assert main(["jobs", "list", "--limit", "0"]) == 2
