"""Findings 4, 6, 9-15: permissions, storage failures, CSV, ids, logins, CORS, hosts, paths, revocation."""
import csv
import logging
import os
import sqlite3
import stat

import pytest

from server import create_app
from server.cli import main as cli
from server.database import get_db
from server.storage import connection

from .conftest import make_token, token_client

CHROMIUM_ID = "abcdefghijklmnopabcdefghijklmnop"
OTHER_CHROMIUM_ID = "ponmlkjihgfedcbaponmlkjihgfedcba"


# -- 4. file permissions -----------------------------------------------------------------------

def test_data_folder_and_files_are_private_whatever_the_umask(tmp_path, app_config, small_model):
    old = os.umask(0)
    try:
        app = create_app({**app_config, "DATA_DIR": str(tmp_path / "fresh")})
        make_token(app, "w", "worker")
        token_client(app, make_token(app, "a", "admin")).post(
            "/api/v1/examples", json={"text": "iets", "label": 0, "lang": "nl"})
        app.extensions["model_store"].add(small_model)
    finally:
        os.umask(old)
    root = tmp_path / "fresh"
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    seen = 0
    for path in root.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        seen += 1
    names = {p.name for p in root.rglob("*")}
    assert {"reageerwijzer.sqlite3", "reageerwijzer.sqlite3-wal", "reageerwijzer.sqlite3-shm",
            "ACTIVE", "model.joblib", "model.sig", "secret.key"} <= names, names
    assert seen > 8


def test_an_open_data_folder_is_made_private_at_startup(app, app_config, data_dir):
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "reageerwijzer.sqlite3", 0o644)
    create_app(app_config)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "reageerwijzer.sqlite3").stat().st_mode) == 0o600


# -- 6. read-only or full data folder -----------------------------------------------------------

def _failing_writes(monkeypatch, pragma):
    original = connection.Database.connect

    def connect(self, **kwargs):
        conn = original(self, **kwargs)
        conn.execute(pragma(conn))
        return conn
    monkeypatch.setattr(connection.Database, "connect", connect)


@pytest.mark.parametrize("pragma, cause", [
    (lambda conn: "PRAGMA query_only = ON", "read-only"),
    (lambda conn: conn.execute("VACUUM") and  # no free pages left to fill
     f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}", "is full"),
])
def test_a_failing_write_answers_503_naming_the_cause(app, client, monkeypatch, caplog, pragma, cause):
    _failing_writes(monkeypatch, pragma)
    text = ("een lange tekst die niet in het log mag " * 120)[:4900]  # needs new pages
    response = client.post("/api/v1/examples", json={"text": text, "label": 0, "lang": "nl"})
    assert response.status_code == 503, response.get_json()
    message = response.get_json()["error"]["message"]
    assert cause in message
    assert response.headers["Retry-After"]
    assert "storage failure in POST /api/v1/examples: " in caplog.text and cause in caplog.text
    assert "lange tekst" not in caplog.text
    health = client.get("/api/v1/health").get_json()
    assert health["status"] == "degraded" and cause in health["reason"]


def test_health_is_ok_without_storage_problems(client):
    assert client.get("/api/v1/health").get_json()["status"] == "ok"


# -- 9. CSV formula injection ------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\tverstopt", "\rterug", "'al een apostrof", "gewone tekst"]


def test_export_escapes_formulas_and_import_restores_them(app, client, tmp_path, data_dir,
                                                         monkeypatch, admin_client):
    for i, text in enumerate(FORMULAS):
        client.post("/api/v1/examples", json={"text": f"{text} {i}", "label": 0, "lang": "nl"})
    stored = {e["text"] for e in admin_client.get("/api/v1/examples?per_page=100").get_json()["examples"]}
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    out = tmp_path / "out.csv"
    assert cli(["examples", "export", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        cells = [row["text"] for row in csv.DictReader(fh)]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # Import into a fresh data folder: the texts come back exactly as stored.
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(fresh))
    assert cli(["examples", "import", str(out)]) == 0
    with sqlite3.connect(fresh / "reageerwijzer.sqlite3") as conn:
        imported = {row[0] for row in conn.execute("SELECT text FROM examples")}
    assert imported == stored


# -- 10. example ids are never reused -----------------------------------------------------------

def test_an_erased_examples_id_is_never_given_again(client, admin_client):
    first = client.post("/api/v1/examples", json={"text": "een", "label": 0, "lang": "nl"}).get_json()["id"]
    last = client.post("/api/v1/examples", json={"text": "twee", "label": 0, "lang": "nl"}).get_json()["id"]
    admin_client.delete(f"/api/v1/examples/{last}")
    newer = client.post("/api/v1/examples", json={"text": "drie", "label": 0, "lang": "nl"}).get_json()["id"]
    assert newer > last > first
    # A stale PATCH for the erased id relabels nothing.
    assert admin_client.patch(f"/api/v1/examples/{last}", json={"label": 1}).status_code == 404


def test_the_migration_keeps_existing_examples_and_their_ids(tmp_path, app_config):
    path = tmp_path / "old" / "reageerwijzer.sqlite3"
    path.parent.mkdir()
    from server.storage.migrations import MIGRATIONS
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO examples (id, text, text_key, label, lang, saved_by, created_at)"
                     " VALUES (7, 'oud', 'k7', 0, 'nl', 'x', '2026-01-01T00:00:00Z')")
    connection.Database(str(path)).migrate()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id, text FROM examples").fetchall() == [(7, "oud")]
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'examples'").fetchone()[0]
    assert "AUTOINCREMENT" in sql


# -- 11. failed logins --------------------------------------------------------------------------

def test_failed_logins_are_logged_without_the_token_and_slowed(app_config, tmp_path, caplog):
    app = create_app({**app_config, "AUTH_FAILURE_LIMIT": 5, "AUTH_FAILURE_WINDOW": 60})
    good = make_token(app, "team", "worker")
    guess = "rw_" + "G" * 40
    caplog.set_level(logging.WARNING)
    statuses = [token_client(app, guess).get("/api/v1/guideline").status_code for _ in range(8)]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429] * 3
    blocked = token_client(app, good).get("/api/v1/guideline")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 60
    assert caplog.text.count("authentication failed from 127.0.0.1: unknown_token") == 5
    assert "blocked for 60 s after 5 failed authentications" in caplog.text
    assert guess not in caplog.text and "GGGG" not in caplog.text
    # Another address is not affected.
    other = token_client(app, good)
    other.environ_base["REMOTE_ADDR"] = "10.0.0.9"
    assert other.get("/api/v1/guideline").status_code == 200
    assert other.get("/api/v1/health").status_code == 200


# -- 12. CORS ------------------------------------------------------------------------------------

def test_only_the_configured_extensions_pass_cors(app_config, tmp_path):
    app = create_app({**app_config, "EXTENSION_IDS": CHROMIUM_ID})
    client = app.test_client()
    ours = client.get("/api/v1/health", headers={"Origin": f"chrome-extension://{CHROMIUM_ID}"})
    assert ours.headers.get("Access-Control-Allow-Origin") == f"chrome-extension://{CHROMIUM_ID}"
    other = client.get("/api/v1/health", headers={"Origin": f"chrome-extension://{OTHER_CHROMIUM_ID}"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_without_extension_ids_any_extension_passes(client):
    other = client.get("/api/v1/health", headers={"Origin": f"chrome-extension://{OTHER_CHROMIUM_ID}"})
    assert other.headers.get("Access-Control-Allow-Origin") == f"chrome-extension://{OTHER_CHROMIUM_ID}"


def test_a_malformed_extension_id_stops_startup(app_config):
    with pytest.raises(ValueError, match="EXTENSION_IDS: 'not-an-id'"):
        create_app({**app_config, "EXTENSION_IDS": "not-an-id"})


# -- 13. trusted hosts ---------------------------------------------------------------------------

@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("127.0.0.1:8080", 200), ("[::1]:8080", 200),
    ("evil.example", 400), ("127.0.0.1.evil.example", 400), ("[2001:db8::1]", 400),
])
def test_only_trusted_hosts_are_answered(anon_client, host, status):
    response = anon_client.get("/api/v1/health", headers={"Host": host})
    assert response.status_code == status
    if status == 400:
        assert response.get_json()["error"]["code"] == "untrusted_host"


def test_configured_hosts_and_subdomains(app_config):
    app = create_app({**app_config, "ALLOWED_HOSTS": "reageerwijzer.example.org,.intern.example"})
    client = app.test_client()
    assert client.get("/api/v1/health", headers={"Host": "reageerwijzer.example.org"}).status_code == 200
    assert client.get("/api/v1/health", headers={"Host": "a.intern.example"}).status_code == 200
    assert client.get("/api/v1/health", headers={"Host": "localhost"}).status_code == 400


def test_no_redirect_is_built_from_the_host(anon_client):
    response = anon_client.get("//api/v1//health", headers={"Host": "localhost"})
    assert response.status_code == 404
    assert "Location" not in response.headers


# -- 14. paths and tracebacks --------------------------------------------------------------------

def test_a_corrupt_sidecar_shows_a_worker_no_server_paths(app, client, data_dir):
    version = app.extensions["model_store"].active_version
    extra = data_dir / "models" / "20250101T000000Z-00000000"
    extra.mkdir()
    (extra / "model.json").write_text("{broken")
    (extra / "model.joblib").write_bytes(b"x")
    body = client.get("/api/v1/models").get_data(as_text=True)
    assert "20250101T000000Z-00000000" in body
    assert str(data_dir) not in body and "/tmp" not in body
    assert version in body


def test_a_failed_jobs_error_shows_a_worker_no_paths(app, client, admin_client, tmp_path):
    app.config["REGRESSION_SET"] = str(tmp_path / "nowhere" / "regression.csv")
    job = admin_client.post("/api/v1/retrain").get_json()
    from .test_security_erasure import wait_job
    with app.app_context():
        wait_job(get_db(), job["id"], timeout=60)
    as_worker = client.get(f"/api/v1/jobs/{job['id']}").get_json()
    assert as_worker["state"] == "failed"
    assert str(tmp_path) not in as_worker["error"] and "regression.csv" in as_worker["error"]
    as_admin = admin_client.get(f"/api/v1/jobs/{job['id']}").get_json()
    assert str(tmp_path) in as_admin["error"]


# -- 15. revocation -------------------------------------------------------------------------------

def test_revocation_through_the_api_counts_from_the_next_request(app, admin_client):
    token = make_token(app, "buurtteam", "worker")
    worker = token_client(app, token)
    assert worker.get("/api/v1/guideline").status_code == 200
    assert admin_client.delete("/api/v1/tokens/buurtteam").status_code == 204
    response = worker.get("/api/v1/guideline")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "revoked_token"
    listed = admin_client.get("/api/v1/tokens").get_json()["tokens"]
    assert any(t["name"] == "buurtteam" and t["revoked_at"] for t in listed)
    assert all("hash" not in key for t in listed for key in t)
    assert admin_client.delete("/api/v1/tokens/buurtteam").status_code == 404
    assert worker.delete("/api/v1/tokens/test-admin").status_code == 401
