"""Property-based fuzzing of the console's pages through the Flask test client, as the API's.

A signed-in coordinator's client sends every console endpoint random query strings, form
fields, ids and names in the path, CSRF secrets, Origin and Content-Type headers, invalid
UTF-8 and odd cookies. For every request: no 5xx, no traceback text, an HTML page (or the
JSON of a fetch, or of a route that does not exist), and the app still answers. A request
without the session's CSRF secret never changes anything.

POST /console/retrain is fuzzed without starting real trainings: an unfinished retraining job
owned by this process keeps it answering with that job's page.
"""
from __future__ import annotations

import re
import shutil
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server import create_app
from server.database import get_db
from server.learning import examples, jobs
from server.learning.examples import NewExample

from .conftest import FIXTURES, make_token
from .fuzzing import fuzz_settings, scaled
from .test_fuzz_api import ODD_STRINGS, TRACEBACK_MARKERS, any_text

CONSOLE = "/console"


class Target:
    def __init__(self, app, admin: str, csrf: str, client, version: str, job_id: str) -> None:
        self.app, self.admin, self.csrf, self.client = app, admin, csrf, client
        self.version, self.job_id = version, job_id

    def state(self) -> tuple:
        """What a forged request must not change: examples, tokens, the active model."""
        with self.app.app_context():
            conn = get_db()
            rows = conn.execute("SELECT id, label, category, lang, state FROM examples ORDER BY id").fetchall()
            tokens = conn.execute("SELECT name, revoked_at FROM tokens ORDER BY id").fetchall()
        return ([tuple(r) for r in rows], [tuple(t) for t in tokens],
                self.app.extensions["model_store"].active_version)


def signed_in(app, token: str):
    client = app.test_client()
    page = client.get(f"{CONSOLE}/signin").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    resp = client.post(f"{CONSOLE}/signin", data={"csrf": csrf, "token": token})
    assert resp.status_code == 303, resp.status_code
    page = client.get(f"{CONSOLE}/examples").get_data(as_text=True)
    return client, re.search(r'name="csrf" value="([^"]+)"', page).group(1)


@pytest.fixture(scope="module")
def target(tmp_path_factory, small_models_dir) -> Target:
    data_dir = tmp_path_factory.mktemp("fuzz-console") / "data"
    data_dir.mkdir()
    shutil.copytree(small_models_dir, data_dir / "models")
    app = create_app({"TESTING": False, "DATA_DIR": str(data_dir),
                      "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
                      "REGRESSION_SET": str(FIXTURES / "retrain" / "regression.csv")})
    admin = make_token(app, "fuzz-admin", "admin")
    make_token(app, "fuzz-worker", "worker")
    with app.app_context():
        conn = get_db()
        for i in range(30):
            examples.add(conn, NewExample(text=f"Voorbeeld {i}: jullie horen hier niet", label=i % 2,
                                          lang="nl" if i % 3 else "en", score=(i % 10) / 10,
                                          category="hurtful" if i % 2 else None), saved_by=f"team-{i % 3}")
        job = jobs.create(conn, kind="retrain", created_by="fuzz-blocker",
                          owner=app.extensions["boot"].id)
    client, csrf = signed_in(app, admin)
    return Target(app, admin, csrf, client, app.extensions["model_store"].active_version, job["id"])


def check(resp, sent: str) -> None:
    body = resp.get_data()
    assert resp.status_code < 500, (resp.status_code, body[:500])
    text = body.decode("utf-8")
    for marker in TRACEBACK_MARKERS:
        assert marker not in text or marker in sent, text[:500]
    if body and resp.status_code not in (204, 304):
        assert resp.mimetype in ("text/html", "application/json", "text/css", "text/javascript",
                                 "image/svg+xml"), resp.mimetype


def alive(target: Target) -> None:
    assert target.client.get("/api/v1/health").status_code == 200


# -- strategies -------------------------------------------------------------------------------

FIELDS = ["csrf", "action", "label", "category", "language", "ids", "back", "next_row", "name",
          "role", "token", "next", "state", "team", "disagreement", "page", "lang", ""]
values = (st.sampled_from(ODD_STRINGS) | any_text | st.text(max_size=30)
          | st.sampled_from(["accept", "reject", "save", "label1", "label0", "erase", "0", "1", "nl",
                             "en", "worker", "admin", "/console/models", "//evil.example/x",
                             "https://evil.example/", "/console/\r\nSet-Cookie: x=1", "row-1", "row-x",
                             "99999999999999999999999", "-1", "all", "new"])
          | st.integers(-5, 40).map(str))
forms = st.lists(st.tuples(st.sampled_from(FIELDS) | st.text(max_size=8), values), max_size=8)
segments = (st.sampled_from(["1", "2", "30", "0", "-1", "x", "bulk", "erase", "99999999999999999999",
                             "20261123T235959Z-1a2b3c4d", "..", "%2e%2e", "fuzz-worker",
                             "nobody", "a" * 300]) | st.text(max_size=20))

GET_PAGES = ["/", "/signin", "/examples", "/retrain", "/models", "/tokens", "/examples/{seg}/erase",
             "/models/{seg}", "/models/{seg}/activate", "/models/{seg}/delete", "/jobs/{seg}",
             "/jobs/{seg}/status", "/tokens/{seg}/revoke", "/static/{seg}", "/{seg}", "/examples/{seg}"]
POST_PAGES = ["/examples/{seg}", "/examples/bulk", "/examples/erase", "/retrain", "/tokens",
              "/tokens/{seg}/revoke", "/models/{seg}/activate", "/models/{seg}/delete", "/signin",
              "/examples/{seg}/erase"]


def path_of(template: str, seg: str) -> str:
    return CONSOLE + template.format(seg=quote(seg, safe=""))


@fuzz_settings
@given(template=st.sampled_from(GET_PAGES), seg=segments, query=forms,
       csrf_header=st.booleans(), lang=st.sampled_from(["nl", "en", "", "fr", "\ud800"]))
def test_fuzz_get_pages(target, template, seg, query, csrf_header, lang):
    params = [(k, v) for k, v in query] + ([("lang", lang)] if lang else [])
    path = path_of(template, seg) + "?" + urlencode([(k.encode("utf-8", "surrogatepass"),
                                                      v.encode("utf-8", "surrogatepass")) for k, v in params])
    headers = {"X-CSRF-Token": target.csrf} if csrf_header else {}
    resp = target.client.get(path, headers=headers)
    try:
        check(resp, path)
    finally:
        resp.close()
    alive(target)


@scaled(120)
@given(template=st.sampled_from(POST_PAGES), seg=segments, form=forms,
       csrf=st.sampled_from(["right", "missing", "wrong", "header"]),
       origin=st.sampled_from([None, "same", "https://evil.example", "null", "http://localhost"]),
       content_type=st.sampled_from(["application/x-www-form-urlencoded", "multipart/form-data",
                                     "application/json", "text/plain", ""]))
def test_fuzz_post_forms(target, template, seg, form, csrf, origin, content_type):
    fields = [(k, v) for k, v in form if k != "csrf"]
    if csrf in ("right", "wrong"):
        fields.append(("csrf", target.csrf if csrf == "right" else "x" + target.csrf[1:]))
    headers = {"X-CSRF-Token": target.csrf} if csrf == "header" else {}
    if origin:
        headers["Origin"] = "http://localhost" if origin == "same" else origin
    forged = csrf in ("missing", "wrong") or origin in ("https://evil.example", "null")
    before = target.state() if forged else None
    path = path_of(template, seg)
    if content_type == "multipart/form-data":
        # A multipart part is encoded by the test client itself, which cannot send a lone
        # surrogate; the urlencoded bodies carry those (as raw bytes).
        def clean(v: str) -> str:
            return v.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        resp = target.client.post(path, data={clean(k): clean(v) for k, v in fields}, headers=headers,
                                  content_type="multipart/form-data")
    else:
        body = urlencode([(k.encode("utf-8", "surrogatepass"), v.encode("utf-8", "surrogatepass"))
                          for k, v in fields]).encode()
        resp = target.client.post(path, data=body, headers={**headers, "Content-Type": content_type})
    try:
        check(resp, f"{path} {fields}")
    finally:
        resp.close()
    if forged and not path.endswith("/signin"):
        assert target.state() == before, (path, fields, headers)
    # Whatever was tried, the coordinator is still signed in (signing out is not fuzzed here).
    assert target.client.get(f"{CONSOLE}/tokens").status_code == 200
    alive(target)


@fuzz_settings
@given(cookie=st.sampled_from(["", "x", "a" * 4000, "\x00", "é", "rw_console=", "=="]) | st.text(max_size=50),
       raw=st.binary(max_size=200))
def test_fuzz_cookies_and_raw_bodies(target, cookie, raw):
    client = target.app.test_client()
    client.set_cookie("rw_console", cookie.encode("utf-8", "surrogatepass").decode("latin-1"), path="/console")
    for method, path in (("GET", f"{CONSOLE}/examples"), ("POST", f"{CONSOLE}/examples/bulk"),
                         ("POST", f"{CONSOLE}/signin"), ("GET", f"{CONSOLE}/jobs/{target.job_id}/status")):
        resp = client.open(path, method=method, data=raw,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            check(resp, path)
            assert resp.status_code in (200, 302, 303, 400, 401, 403, 413), (path, resp.status_code)
        finally:
            resp.close()
    alive(target)
