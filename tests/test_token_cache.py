"""The token check before every request works from memory: the tokens table is read again only
after a change, and revocations count at once (this process) or within a second (another)."""
from __future__ import annotations

import contextlib

from server import auth
from server.database import get_db

from .conftest import token_client

HELLO = {"text": "hallo"}


def _statements(app) -> list[str]:
    """The SQL the app's token cache runs from now on."""
    statements: list[str] = []
    cache = app.extensions["token_cache"]
    cache._current_rows(check=True)  # open its connection
    cache._conn.set_trace_callback(statements.append)
    return statements


def test_requests_touch_no_database_while_nothing_changes(app, client):
    statements = _statements(app)
    for _ in range(5):
        assert client.post("/api/v1/classify", json=HELLO).status_code == 200
    assert statements == []


def test_tokens_made_or_revoked_in_this_process_count_at_once(app, client):
    assert client.post("/api/v1/classify", json=HELLO).status_code == 200
    with contextlib.closing(app.extensions["db"].connect()) as other:
        secret = auth.create_token(other, name="nieuw", role="worker")
        newcomer = token_client(app, secret)
        assert newcomer.post("/api/v1/classify", json=HELLO).status_code == 200
        assert auth.revoke_token(other, "nieuw")
    resp = newcomer.post("/api/v1/classify", json=HELLO)
    assert resp.status_code == 401
    assert resp.get_json()["error"]["code"] == "revoked_token"
    assert client.post("/api/v1/classify", json=HELLO).status_code == 200


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_another_process_s_new_token_works_at_once_and_its_revocation_soon(app, client):
    clock = Clock()
    app.extensions["token_cache"] = auth.TokenCache(app.extensions["db"], clock=clock)
    assert client.post("/api/v1/classify", json=HELLO).status_code == 200
    secret = auth.TOKEN_PREFIX + "x" * 43
    with contextlib.closing(app.extensions["db"].connect()) as other:  # plain SQL: no hint
        other.execute("INSERT INTO tokens (name, role, token_hash, created_at) VALUES "
                      "('elders', 'worker', ?, '2026-01-01T00:00:00Z')", (auth.hash_token(secret),))
        outsider = token_client(app, secret)
        assert outsider.post("/api/v1/classify", json=HELLO).status_code == 200  # a miss rereads
        other.execute("UPDATE tokens SET revoked_at = '2026-01-01T00:00:01Z' WHERE name = 'elders'")
    clock.now += auth.CHECK_INTERVAL * 0.9
    assert outsider.post("/api/v1/classify", json=HELLO).status_code == 200  # not checked yet
    clock.now += auth.CHECK_INTERVAL * 0.2
    assert outsider.post("/api/v1/classify", json=HELLO).status_code == 401


def test_the_cache_holds_no_read_snapshot_that_would_block_a_checkpoint(app, client):
    assert client.post("/api/v1/classify", json=HELLO).status_code == 200
    with app.app_context():
        conn = get_db()
        conn.execute("CREATE TABLE scratch (x)")
        conn.execute("INSERT INTO scratch VALUES (1)")
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0  # an erasure's checkpoint (db.checkpoint) is not kept waiting
