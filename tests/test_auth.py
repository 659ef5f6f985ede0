"""Tokens and roles: who may call which endpoint, and the token commands."""
import re

import pytest

from server import auth
from server.cli import main
from server.database import get_db

from .conftest import make_token, token_client

BOTH_BACKENDS = True

ADMIN_ONLY = [
    ("GET", "/api/v1/examples"),
    ("GET", "/api/v1/examples/1"),
    ("PATCH", "/api/v1/examples/1"),
    ("DELETE", "/api/v1/examples/1"),
    ("POST", "/api/v1/retrain"),
    ("POST", "/api/v1/models/20260101T000000Z-00000000/activate"),
]


def _concrete_urls(app):
    """Every route of the app with sample values for its variables, and its methods."""
    samples = {"int": "1", "default": "x"}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        url = re.sub(r"<(?:(\w+):)?\w+>", lambda m: samples.get(m.group(1) or "default", "x"), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url


@pytest.mark.parametrize("header, code", [
    (None, "missing_token"),
    ("", "missing_token"),
    ("Bearer", "malformed_token"),
    ("Bearer short", "malformed_token"),
    ("Basic dXNlcjpwYXNzd29yZA==", "malformed_token"),
    ("Bearer rw_" + "x" * 43 + " extra", "malformed_token"),
    ("Bearer rw_" + "x" * 43, "unknown_token"),
    ("bearer rw_" + "y" * 43, "unknown_token"),
])
def test_a_request_without_a_usable_token_gets_401(anon_client, header, code):
    headers = {} if header is None else {"Authorization": header}
    resp = anon_client.post("/api/v1/classify", json={"text": "hallo"}, headers=headers)
    assert resp.status_code == 401
    assert resp.get_json()["error"]["code"] == code
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")


def test_every_endpoint_but_health_refuses_anonymous(app, anon_client):
    routes = list(_concrete_urls(app))
    assert ("POST", "/api/v1/examples") in routes and ("GET", "/api/v1/models") in routes
    for method, url in routes:
        resp = anon_client.open(url, method=method, json={})
        if url == "/api/v1/health":
            assert resp.status_code == 200
        elif url.startswith(("/console/signin", "/console/static/")):
            continue  # the console's open pages: its sign-in form and its style sheet and script
        elif url.startswith("/console"):
            # The console's own guard: a page sends a browser to the sign-in form, a form or a
            # fetch without a session is refused.
            if method == "GET" and not url.endswith("/status"):  # /status is the progress fetch
                assert resp.status_code == 302 and "/console/signin" in resp.headers["Location"], url
            else:
                assert resp.status_code == 401, f"{method} {url} answered {resp.status_code} without a session"
        else:
            assert resp.status_code == 401, f"{method} {url} answered {resp.status_code} without a token"


def test_health_is_public_and_lists_the_features(anon_client):
    body = anon_client.get("/api/v1/health").get_json()
    assert body["status"] == "ok"
    assert body["features"] == ["examples", "retrain"]
    assert body["model_version"]


@pytest.mark.parametrize("method, url", ADMIN_ONLY)
def test_a_worker_token_is_refused_on_admin_endpoints(client, method, url):
    resp = client.open(url, method=method, json={"state": "accepted"})
    assert resp.status_code == 403
    assert resp.get_json()["error"] == {
        "code": "forbidden", "name": "Forbidden",
        "message": "this needs a token with the admin role; yours has the worker role"}


def test_an_admin_token_may_do_what_a_worker_may(admin_client):
    resp = admin_client.post("/api/v1/classify", json={"text": "Fijne dag allemaal"})
    assert resp.status_code == 200


def test_a_revoked_token_gets_401(app, client):
    assert client.post("/api/v1/classify", json={"text": "hallo"}).status_code == 200
    with app.app_context():
        assert auth.revoke_token(get_db(), "test-worker")
    resp = client.post("/api/v1/classify", json={"text": "hallo"})
    assert resp.status_code == 401
    assert resp.get_json()["error"]["code"] == "revoked_token"


def test_only_the_hash_of_a_token_is_stored(app, worker_token):
    with app.app_context():
        rows = get_db().execute("SELECT * FROM tokens").fetchall()
    stored = [str(value) for row in rows for value in tuple(row)]
    assert not any(worker_token in value for value in stored)
    assert auth.hash_token(worker_token) in stored


def test_token_names_and_roles_are_checked(app):
    with app.app_context():
        conn = get_db()
        with pytest.raises(auth.TokenError, match="unknown role 'root'"):
            auth.create_token(conn, name="x", role="root")
        with pytest.raises(auth.TokenError, match="invalid token name 'met spatie'"):
            auth.create_token(conn, name="met spatie", role="worker")
        auth.create_token(conn, name="anna", role="worker")
        with pytest.raises(auth.TokenError, match="'anna' exists already"):
            auth.create_token(conn, name="anna", role="admin")
        assert auth.revoke_token(conn, "anna")
        auth.create_token(conn, name="anna", role="admin")  # a revoked name may be reused


# -- the token commands ----------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, data_dir, database_url):
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    if database_url:
        monkeypatch.setenv("REAGEERWIJZER_DATABASE", database_url)
    return data_dir


def test_token_commands(cli_env, capsys, app):
    assert main(["token", "create", "--role", "worker", "--name", "buurtteam"]) == 0
    out = capsys.readouterr().out
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("rw_") and "shown only this once" in out
    client = token_client(app, secret)
    assert client.post("/api/v1/classify", json={"text": "hallo"}).status_code == 200

    assert main(["token", "list"]) == 0
    listing = capsys.readouterr().out
    assert "buurtteam" in listing and "worker" in listing and secret not in listing

    assert main(["token", "revoke", "buurtteam"]) == 0
    assert client.post("/api/v1/classify", json={"text": "hallo"}).status_code == 401
    assert main(["token", "revoke", "buurtteam"]) == 2
    assert "no active token named 'buurtteam'" in capsys.readouterr().err
    assert main(["token", "create", "--role", "admin", "--name", "bad name"]) == 2
    assert "invalid token name" in capsys.readouterr().err


# -- CORS ------------------------------------------------------------------------------------

EXTENSION = "chrome-extension://" + "a" * 32


@pytest.mark.parametrize("origin, allowed", [
    (EXTENSION, True),
    ("moz-extension://12345678-1234-1234-1234-123456789abc", True),
    ("https://intranet.example.org", True),  # configured
    ("https://evil.example", False),
    ("http://localhost:8080", False),
    ("chrome-extension://" + "z" * 32, False),
])
def test_cors_admits_only_extensions_and_configured_origins(app_config, origin, allowed):
    from server import create_app
    app = create_app({**app_config, "CORS_ORIGINS": "https://intranet.example.org"})
    client = token_client(app, make_token(app, "w", "worker"))
    resp = client.post("/api/v1/classify", json={"text": "hallo"}, headers={"Origin": origin})
    assert resp.status_code == 200
    assert resp.headers.get("Access-Control-Allow-Origin") == (origin if allowed else None)
    preflight = client.options("/api/v1/examples", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200  # a preflight carries no token
    assert preflight.headers.get("Access-Control-Allow-Origin") == (origin if allowed else None)
