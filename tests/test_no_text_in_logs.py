"""No post text in any log, at the most verbose level.

A full session (classify, advice, save an example, list examples as admin, review, retrain,
erase, the coordinator console's pages and forms, and errors from bad input that contains the
text) runs with unique marker sentences of
invented words. Afterwards neither a marker sentence nor any of its words may appear in:

* every log record of the process at DEBUG (the root logger: server, model, waitress,
  werkzeug, flask), formatted with tracebacks, and the process's stdout/stderr;
* the training subprocess's stdout and stderr (teed into files by a wrapper);
* the stdout and stderr of ``reageerwijzer -vv serve`` and ``reageerwijzer -vv retrain``.

One request forces an internal error whose exception message quotes the text, as a library's
ValueError would: the 500 is logged, the text is not.
"""
from __future__ import annotations

import contextlib
import http.client
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
import uuid

import pytest

from server import create_app
from server.learning import retrain

from .conftest import FIXTURES, make_token
from .serving import waitress_in_thread

API = "/api/v1"


class Markers:
    """Sentences of invented words, unique to this run, one per place a text is submitted."""

    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:6]
        stems = ["kwabbeltroep", "zorptangel", "plofkwast", "vriemelsnoek", "gribbelvaart",
                 "snurkmolen", "draggeplons", "wiebeltorn", "knorpelzak", "flumpgaard"]
        self.words: list[str] = []
        self.sentences: dict[str, str] = {}
        for place in ("classify", "example", "duplicate", "too_long", "unknown_field", "category",
                      "lang", "label", "plain_body", "bad_json", "deep", "surrogate_key",
                      "path", "query", "header", "authorization", "internal_error", "advice",
                      "patch", "score", "model_version", "accepted", "console_team",
                      "console_state", "console_path", "console_token_name", "console_signin",
                      "console_form", "console_query"):
            words = [f"{stem}{tag}{place.replace('_', '')}" for stem in stems[:4]]
            self.words += words
            # Common words around the invented ones, as a post would have them.
            self.sentences[place] = f"Jullie {words[0]} horen {words[1]} hier niet {words[2]} {words[3]}"

    def found_in(self, text: str) -> list[str]:
        return sorted({w for w in self.words if w in text}
                      | {s for s in self.sentences.values() if s in text})


class Http:
    """A tiny JSON client for one server."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token

    def call(self, method: str, path: str, body=None, *, raw: bytes | None = None,
             headers: dict | None = None, token: str | None = None) -> tuple[int, dict | None]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            sent = {"Authorization": f"Bearer {token or self.token}",
                    "Content-Type": "application/json", **(headers or {})}
            data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
            conn.putrequest(method, path, skip_accept_encoding=True)
            for name, value in sent.items():
                conn.putheader(name, value.encode("utf-8") if isinstance(value, str) else value)
            conn.putheader("Content-Length", str(len(data or b"")))
            conn.endheaders(data)
            resp = conn.getresponse()
            answer = resp.read()
            try:
                return resp.status, json.loads(answer) if answer else None
            except ValueError:
                return resp.status, None
        finally:
            conn.close()


def session(worker: Http, admin: Http, m: Markers, *, on_internal_error=None) -> None:
    """Everything a worker and an admin do, plus bad input carrying the marker texts."""
    s = m.sentences
    status, answer = worker.call("POST", f"{API}/classify", {"text": s["classify"], "lang": "nl"})
    assert status == 200, answer
    status, answer = worker.call("POST", f"{API}/advice",
                                 {"answers": {"content": True, "danger": False}, "lang": "nl"})
    assert status == 200, answer
    status, answer = worker.call("POST", f"{API}/examples", {
        "text": s["example"], "label": 1, "category": "discriminatory", "lang": "nl",
        "score": 0.9, "model_version": "x"})
    assert status == 201, answer
    example_id = answer["id"]
    status, answer = worker.call("POST", f"{API}/examples", {"text": s["example"], "label": 1, "lang": "nl"})
    assert status == 200 and answer["id"] == example_id
    status, answer = worker.call("POST", f"{API}/examples", {"text": s["accepted"], "label": 0, "lang": "nl"})
    assert status == 201, answer
    accepted_id = answer["id"]
    status, answer = worker.call("POST", f"{API}/examples", {"text": s["duplicate"], "label": 0, "lang": "en"})
    assert status == 201, answer
    duplicate_id = answer["id"]

    # The admin reads and reviews them: the answers hold the texts, the logs must not.
    status, answer = admin.call("GET", f"{API}/examples?state=new&per_page=100")
    assert status == 200 and any(e["text"] == s["example"] for e in answer["examples"])
    status, answer = admin.call("GET", f"{API}/examples/{example_id}")
    assert status == 200 and answer["text"] == s["example"]
    for review in (example_id, accepted_id):
        status, answer = admin.call("PATCH", f"{API}/examples/{review}", {"state": "accepted"})
        assert status == 200, answer
    status, answer = admin.call("PATCH", f"{API}/examples/{duplicate_id}", {"label": 1, "category": "hurtful"})
    assert status == 200, answer

    # Bad input that carries the text; every one is a 4xx.
    bad = [
        ("POST", "/classify", {"text": s["too_long"] + " x" * 5000}, None, None),
        ("POST", "/classify", {"text": "hallo", s["unknown_field"]: 1}, None, None),
        ("POST", "/classify", {"text": s["lang"], "lang": s["lang"]}, None, None),
        ("POST", "/examples", {"text": s["category"], "label": 1, "lang": "nl", "category": s["category"]}, None, None),
        ("POST", "/examples", {"text": s["label"], "label": s["label"], "lang": "nl"}, None, None),
        ("POST", "/examples", {"text": s["score"], "label": 0, "lang": "nl", "score": s["score"]}, None, None),
        ("POST", "/examples", {"text": "x", "label": 0, "lang": "nl", "model_version": s["model_version"]}, None, None),
        ("POST", "/advice", {"answers": {s["advice"]: True}}, None, None),
        ("POST", "/advice", {"lang": s["advice"]}, None, None),
        ("POST", "/classify", None, s["plain_body"].encode(), {"Content-Type": "text/plain"}),
        ("POST", "/classify", None, b'{"text": "' + s["bad_json"].encode() + b'"', None),
        ("POST", "/classify", None,
         b'{"text": ' + b"[" * 5000 + json.dumps(s["deep"]).encode() + b"]" * 5000 + b"}", None),
        ("POST", "/advice", None, json.dumps({s["surrogate_key"] + "\ud800": True}).encode(), None),
        ("PATCH", f"/examples/{example_id}", {"state": s["patch"]}, None, None),
        ("GET", "/jobs/" + s["path"].replace(" ", "%20"), None, None, None),
        ("GET", "/guideline?lang=" + s["query"].replace(" ", "+"), None, None, None),
        ("POST", "/classify", {"text": "hallo"}, None, {"Authorization": "Bearer " + s["authorization"]}),
    ]
    for method, path, body, raw, headers in bad:
        client = admin if path.startswith("/examples/") else worker
        status, answer = client.call(method, API + path, body, raw=raw, headers=headers)
        assert 400 <= status < 500, (method, path, status, answer)

    status, answer = worker.call("POST", f"{API}/classify", {"text": "hallo"}, headers={"X-Post": s["header"]})
    assert status == 200, answer

    if on_internal_error is not None:
        with on_internal_error():
            status, answer = worker.call("POST", f"{API}/classify", {"text": s["internal_error"]})
        assert status == 500 and answer["error"]["code"] == "internal_error"

    # Retraining reads the accepted examples (the texts) in a separate process.
    status, job = admin.call("POST", f"{API}/retrain")
    assert status == 202, job
    deadline = time.monotonic() + 120
    while job["state"] not in ("succeeded", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
        status, job = worker.call("GET", f"{API}/jobs/{job['id']}")
    assert job["state"] == "succeeded", job["error"]
    assert job["report"]["training"]["from_database"] == 2  # the accepted ones
    assert not m.found_in(json.dumps(job))  # the report names counts, not texts

    status, _ = admin.call("DELETE", f"{API}/examples/{duplicate_id}")
    assert status == 200


class Browser:
    """A cookie-keeping client for the console's pages, as a browser signed in with a token."""

    def __init__(self, port: int) -> None:
        import http.cookiejar
        import urllib.request
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""

    def call(self, method: str, path: str, form: dict | None = None, *, header: bool = True
             ) -> tuple[int, str]:
        import urllib.error
        import urllib.parse
        import urllib.request
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"X-CSRF-Token": self.csrf if header else "",
                                                  "Origin": self.base})
        try:
            with self.opener.open(request, timeout=60) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            status, body = err.code, err.read().decode()
        found = re.search(r'name="csrf" value="([^"]+)"', body)
        if found:
            self.csrf = found.group(1)
        return status, body


def console_session(port: int, admin_token: str, m: Markers) -> None:
    """The coordinator's pages: the texts are on them, never in a log; bad input carrying texts."""
    s = m.sentences
    browser = Browser(port)
    assert browser.call("GET", "/console/signin")[0] == 200
    status, _ = browser.call("POST", "/console/signin", {"csrf": browser.csrf, "token": s["console_signin"]})
    assert status == 401
    status, page = browser.call("POST", "/console/signin", {"csrf": browser.csrf, "token": admin_token})
    assert status == 200 and 'data-page="review"' in page  # the queue, after the redirect
    status, page = browser.call("GET", "/console/examples?state=all")
    assert status == 200 and s["example"] in page
    ids = [int(i) for i in re.findall(r'data-example="(\d+)"', page)]
    status, page = browser.call("GET", f"/console/examples/{ids[0]}/erase")
    assert status == 200 and any(text in page for text in s.values())
    status, _ = browser.call("POST", f"/console/examples/{ids[0]}", {
        "csrf": browser.csrf, "action": "save", "label": "1", "category": "hurtful", "language": "nl"})
    assert status == 200
    status, _ = browser.call("POST", "/console/examples/bulk", {
        "csrf": browser.csrf, "action": "accept", "ids": ids[:2]})
    assert status == 200
    bad = [("GET", "/console/examples?team=" + s["console_team"].replace(" ", "+"), None),
           ("GET", "/console/examples?state=" + s["console_state"].replace(" ", "+"), None),
           ("GET", "/console/examples/" + s["console_path"].replace(" ", "%20") + "/erase", None),
           ("GET", "/console/models/" + s["console_path"].replace(" ", "%20"), None),
           ("GET", "/console/jobs/" + s["console_path"].replace(" ", "%20"), None),
           ("GET", "/console/examples?page=" + s["console_query"].replace(" ", "+"), None),
           ("POST", "/console/examples/bulk", {"csrf": browser.csrf, "action": s["console_form"], "ids": ids[:1]}),
           ("POST", f"/console/examples/{ids[0]}",
            {"csrf": browser.csrf, "action": "save", "label": s["console_form"]}),
           ("POST", "/console/tokens", {"csrf": browser.csrf, "name": s["console_token_name"], "role": "worker"}),
           ("POST", f"/console/examples/{ids[0]}", {"csrf": s["console_form"], "action": "accept"})]
    for method, path, form in bad:
        status, _ = browser.call(method, path, form, header=form is None or form["csrf"] == browser.csrf)
        assert 400 <= status < 500, (method, path, status)


# The training process, run through a wrapper that copies its stdout and stderr into files.
TEE = r"""
import subprocess, sys, threading
out_path, err_path, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
def pump(src, dst, path):
    with open(path, "ab") as copy:
        for line in iter(src.readline, b""):
            copy.write(line); copy.flush(); dst.write(line); dst.flush()
threads = [threading.Thread(target=pump, args=(proc.stdout, sys.stdout.buffer, out_path)),
           threading.Thread(target=pump, args=(proc.stderr, sys.stderr.buffer, err_path))]
for t in threads: t.start()
code = proc.wait()
for t in threads: t.join()
sys.exit(code)
"""


class Everything(logging.Handler):
    """Keeps every record, formatted with its traceback."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []
        self.lock_ = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        text = self.format(record)
        with self.lock_:
            self.lines.append(text)


@pytest.fixture
def debug_logging():
    handler = Everything()
    root = logging.getLogger()
    saved = root.level, {name: logging.getLogger(name).level
                         for name in ("server", "model", "waitress", "waitress.queue", "werkzeug", "flask")}
    root.setLevel(logging.DEBUG)
    for name in saved[1]:
        logging.getLogger(name).setLevel(logging.DEBUG)
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(saved[0])
        for name, level in saved[1].items():
            logging.getLogger(name).setLevel(level)


def test_no_text_in_the_logs_in_process(tmp_path, data_dir, app_config, monkeypatch, capfd,
                                        debug_logging):
    markers = Markers()
    app = create_app({**app_config, "TESTING": False})
    worker_token = make_token(app, "log-worker", "worker")
    admin_token = make_token(app, "log-admin", "admin")
    out_copy, err_copy = tmp_path / "worker.out", tmp_path / "worker.err"
    original = retrain.worker_command
    monkeypatch.setattr(retrain, "worker_command", lambda argv: [
        sys.executable, "-c", TEE, str(out_copy), str(err_copy), *original(argv)])

    store = app.extensions["model_store"]

    @contextlib.contextmanager
    def internal_error():  # a library error that quotes its input, as many ValueErrors do
        def classify(text, **_):
            raise ValueError(f"could not convert string to float: {text!r}")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(store, "classify", classify)
            yield

    with waitress_in_thread(app) as server:
        session(Http(server.effective_port, worker_token), Http(server.effective_port, admin_token),
                markers, on_internal_error=internal_error)
        console_session(server.effective_port, admin_token, markers)

    logged = "\n".join(debug_logging.lines)
    captured = capfd.readouterr()
    worker_output = out_copy.read_text(encoding="utf-8") + err_copy.read_text(encoding="utf-8")
    for name, text in (("log records", logged), ("stdout", captured.out), ("stderr", captured.err),
                       ("training process output", worker_output)):
        assert not markers.found_in(text), f"post text in the {name}: {markers.found_in(text)}"
    # The checks saw something: the 500 was logged, the retraining too, and the wrapper saw the
    # training process's output.
    assert "internal error in POST /api/v1/classify: ValueError" in logged
    assert "retrain job" in logged
    assert '"event": "result"' in worker_output
    assert "console sign-in refused" in logged and "changed in bulk in the console" in logged


def cli(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server", "-vv", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False, **kwargs)


def test_no_text_in_the_output_of_reageerwijzer_vv_serve(tmp_path, data_dir):
    markers = Markers()
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir),
           "REAGEERWIJZER_TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
           "REAGEERWIJZER_REGRESSION_SET": str(FIXTURES / "retrain" / "regression.csv"),
           "PYTHONWARNINGS": "default"}
    tokens = {}
    for role in ("worker", "admin"):
        result = cli(env, "token", "create", "--role", role, "--name", f"log-{role}")
        assert result.returncode == 0, result.stderr
        tokens[role] = result.stdout.strip().splitlines()[-1]
    out_path, err_path = tmp_path / "serve.out", tmp_path / "serve.err"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "server", "-vv", "serve", "--port", "0"],
                                stdout=out, stderr=err, text=True, env=env)
        try:
            port = None
            deadline = time.monotonic() + 60
            while port is None:
                assert proc.poll() is None, err_path.read_text()
                assert time.monotonic() < deadline, out_path.read_text()
                found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/api/v1", out_path.read_text())
                port = int(found.group(1)) if found else None
                time.sleep(0.05)
            session(Http(port, tokens["worker"]), Http(port, tokens["admin"]), markers)
        finally:
            proc.terminate()
            proc.wait(timeout=15)

    # The same texts through the command line: import, retrain, export (into a file, not a log).
    csv_path = tmp_path / "import.csv"
    csv_path.write_text("text,label,category,lang,state\n"
                        f"\"{markers.sentences['plain_body']} cli\",1,hurtful,nl,accepted\n", encoding="utf-8")
    outputs = {"serve stdout": out_path.read_text(), "serve stderr": err_path.read_text()}
    for args in (("examples", "import", str(csv_path)), ("retrain",),
                 ("examples", "export", str(tmp_path / "export.csv"))):
        result = cli(env, *args)
        assert result.returncode in (0, 1), (args, result.stderr)  # retrain: 1 when not promoted
        outputs[f"{' '.join(args[:2])} output"] = result.stdout + result.stderr
    assert "DEBUG" in outputs["serve stderr"] or "INFO" in outputs["serve stderr"]
    assert "retrain job" in outputs["serve stderr"]
    assert markers.sentences["example"] in (tmp_path / "export.csv").read_text(encoding="utf-8")
    for name, text in outputs.items():
        assert not markers.found_in(text), f"post text in the {name}: {markers.found_in(text)}"
