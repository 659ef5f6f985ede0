"""The API key (?key=) and the comment never reach a log line.

The production server runs at DEBUG (every logger: server, waitress, werkzeug, flask) and as
``reageerwijzer -vv serve``; Perspective requests with the key in the query string go through
every path: scores, span scores, feedback stored, bad attribute, bad key, bad JSON, a wrong
method, an internal error whose exception quotes the text. Neither the key, nor the comment,
nor its words may appear. Flask's development server (werkzeug) does log request lines: its
query strings are cut (``server.perspective.redact``).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid

import pytest
from werkzeug.serving import make_server as werkzeug_server

from server import create_app
from server.perspective.redact import redact

from .conftest import FIXTURES, make_token
from .serving import waitress_in_thread
from .test_no_text_in_logs import Everything, Http, debug_logging  # noqa: F401 (a fixture)


def comment() -> str:
    tag = uuid.uuid4().hex[:6]
    return f"jullie snorkelvlam{tag} zijn gribbeltak{tag} en moeten weg"


def perspective_session(port: int, key: str, text: str, *, on_internal_error=None) -> None:
    http = Http(port, token=key)
    q = f"?key={key}"
    analyze = "/v1alpha1/comments:analyze"

    def call(path, body=None, **kw):
        status, _ = http.call("POST", path, body, headers={"Authorization": ""} | kw.pop("headers", {}), **kw)
        return status

    # Http always sends Authorization; an empty one means "none": the key is in the query only.
    assert call(analyze + q, {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}},
                              "doNotStore": True, "languages": ["nl"]}) == 200
    assert call(analyze + q, {"comment": {"text": f"{text}. {text}!"}, "spanAnnotations": True,
                              "requestedAttributes": {"TOXICITY": {}, "PROFANITY": {}}}) == 200
    assert call(analyze + q, {"comment": {"text": text}, "requestedAttributes": {"FLIRTATION": {}}}) == 400
    assert call(analyze + q, raw=text.encode()) == 400
    assert call(f"{analyze}?key={key[:-3]}zzz", {"comment": {"text": text}}) == 401
    assert call("/v1alpha1/comments:suggestscore" + q, {
        "comment": {"text": text}, "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1}}},
        "clientToken": "x"}) == 200
    status, _ = http.call("GET", analyze + q, headers={"Authorization": ""})
    assert status == 405
    if on_internal_error is not None:
        with on_internal_error():
            assert call(analyze + q, {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}}) == 500


def leaks(output: str, key: str, text: str) -> list[str]:
    return [part for part in [key, key[3:20], text, *text.split()[1:3]] if part in output]


def test_no_key_nor_comment_in_the_logs_of_the_production_server(app_config, capfd, debug_logging):  # noqa: F811
    app = create_app({**app_config, "TESTING": False, "PERSPECTIVE_FEEDBACK": True})
    key, text = make_token(app, "coral", "worker"), comment()
    store = app.extensions["model_store"]

    def internal_error():
        def classify(text, **_):
            raise ValueError(f"cannot score {text!r}")
        patch = pytest.MonkeyPatch()
        patch.setattr(store, "classify", classify)

        class Undo:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                patch.undo()
        return Undo()

    with waitress_in_thread(app) as server:
        perspective_session(server.effective_port, key, text, on_internal_error=internal_error)
    logged = "\n".join(debug_logging.lines)
    captured = capfd.readouterr()
    for name, output in (("log records", logged), ("stdout", captured.out), ("stderr", captured.err)):
        assert not leaks(output, key, text), f"in the {name}: {leaks(output, key, text)}"
    assert "internal error in POST /v1alpha1/comments:analyze: ValueError" in logged
    assert "authentication failed from 127.0.0.1: unknown_token" in logged
    assert "perspective feedback: example 1 saved" in logged


def test_no_key_nor_comment_in_the_output_of_reageerwijzer_vv_serve(tmp_path, data_dir):
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir),
           "REAGEERWIJZER_TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
           "REAGEERWIJZER_PERSPECTIVE_FEEDBACK": "true", "PYTHONWARNINGS": "default"}
    made = subprocess.run([sys.executable, "-m", "server", "token", "create", "--role", "worker",
                           "--name", "coral"], capture_output=True, text=True, env=env, timeout=120)
    key, text = made.stdout.strip().splitlines()[-1], comment()
    out_path, err_path = tmp_path / "serve.out", tmp_path / "serve.err"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "server", "-vv", "serve", "--port", "0"],
                                stdout=out, stderr=err, text=True, env=env)
        try:
            port, deadline = None, time.monotonic() + 60
            while port is None:
                assert proc.poll() is None, err_path.read_text()
                assert time.monotonic() < deadline, out_path.read_text()
                found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/api/v1", out_path.read_text())
                port = int(found.group(1)) if found else None
                time.sleep(0.05)
            perspective_session(port, key, text)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    output = out_path.read_text() + err_path.read_text()
    assert "perspective feedback: example 1 saved" in output  # -vv shows INFO: the check saw the log
    assert not leaks(output, key, text), leaks(output, key, text)


def test_the_development_servers_access_log_shows_no_query(app_config, debug_logging):  # noqa: F811
    app = create_app({**app_config, "TESTING": False})
    key = make_token(app, "dev", "worker")
    server = werkzeug_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _ = Http(server.port, token=key).call(
            "POST", f"/v1alpha1/comments:analyze?key={key}&alt=json",
            {"comment": {"text": "hoi"}, "requestedAttributes": {"TOXICITY": {}}},
            headers={"Authorization": ""})
        assert status == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    access = [line for line in debug_logging.lines if "comments:analyze" in line]
    assert access and all(key not in line and "?" not in line for line in access), access


@pytest.mark.parametrize(("line", "expected"), [
    ("POST /v1alpha1/comments:analyze?key=rw_abc&alt=json HTTP/1.1", "POST /v1alpha1/comments:analyze HTTP/1.1"),
    ("proxy said GET /x?a=1&key=rw_secret", "proxy said GET /x?a=1&key=[removed]"),
    ("no query here", "no query here"),
])
def test_redact(line, expected):
    assert redact(line) == expected
