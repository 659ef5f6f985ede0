"""The console through Flask's test client: sign-in sessions, CSRF, the pages in both languages,
and the review, model and token actions calling the same functions as the API."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from server import auth, create_app
from server.console import field
from server.database import get_db
from server.learning import examples
from server.learning.examples import NewExample
from server.storage import cases as case_rows
from server.storage import examples as example_rows
from server.storage.examples import Filters

from .conftest import make_token

# Sessions, the review queue and its filters are tables: the same on SQLite and PostgreSQL.
BOTH_BACKENDS = True

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def sign_in(client, token: str, *, base: str = "http://localhost"):
    page = client.get(f"{base}/console/signin")
    csrf = CSRF.search(page.get_data(as_text=True)).group(1)
    return client.post(f"{base}/console/signin", data={"csrf": csrf, "token": token, "next": "/console/tokens"})


@pytest.fixture
def console(app, admin_token):
    with app.app_context():
        for i in range(60):
            examples.add(get_db(), NewExample(text=f"Bericht nummer {i} over de buurt", label=i % 2,
                                              lang="nl" if i % 4 else "en", score=0.9 if i % 3 == 0 else 0.1,
                                              category="hurtful" if i % 2 else None),
                         saved_by=f"team-{i % 3}")
    client = app.test_client()
    assert sign_in(client, admin_token).status_code == 303
    csrf = CSRF.search(client.get("/console/examples").get_data(as_text=True)).group(1)
    return client, csrf


def test_signing_in_sets_a_strict_http_only_cookie_with_the_configured_expiry(app_config, admin_token):
    app = create_app({**app_config, "CONSOLE_SESSION_HOURS": 2})
    token = make_token(app, "coordinator", "admin")
    client = app.test_client()
    resp = sign_in(client, token)
    assert resp.status_code == 303 and resp.headers["Location"] == "/console/tokens"
    cookie = next(h for h in resp.headers.getlist("Set-Cookie") if h.startswith("rw_console="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=7200" in cookie
    assert "Secure" not in cookie  # plain http
    resp = sign_in(app.test_client(), token, base="https://localhost")  # behind TLS
    assert "Secure" in next(h for h in resp.headers.getlist("Set-Cookie") if h.startswith("rw_console="))


def test_forced_secure_cookie_and_bad_settings(app_config):
    app = create_app({**app_config, "CONSOLE_SECURE_COOKIE": "true"})
    resp = sign_in(app.test_client(), make_token(app, "c", "admin"))
    assert "Secure" in next(h for h in resp.headers.getlist("Set-Cookie") if h.startswith("rw_console="))
    with pytest.raises(ValueError, match="CONSOLE_SESSION_HOURS"):
        create_app({**app_config, "CONSOLE_SESSION_HOURS": "forever"})
    with pytest.raises(ValueError, match="CONSOLE_SECURE_COOKIE"):
        create_app({**app_config, "CONSOLE_SECURE_COOKIE": "sometimes"})


@pytest.mark.parametrize("kind, status, words", [
    ("worker", 403, "werker"), ("unknown", 401, "kent de server niet"),
    ("revoked", 401, "ingetrokken"), ("malformed", 401, "lijkt geen token")])
def test_sign_in_refusals_say_why(app, kind, status, words):
    token = {"worker": make_token(app, "w", "worker"), "unknown": "rw_" + "x" * 43,
             "revoked": make_token(app, "r", "admin"), "malformed": "hallo"}[kind]
    if kind == "revoked":
        with app.app_context():
            auth.revoke_token(get_db(), "r")
    resp = sign_in(app.test_client(), token)
    assert resp.status_code == status and words in resp.get_data(as_text=True)
    assert not any(h.startswith("rw_console=") for h in resp.headers.getlist("Set-Cookie"))


def test_the_sign_in_form_needs_its_own_csrf_secret(app, admin_token):
    resp = app.test_client().post("/console/signin", data={"csrf": "forged", "token": admin_token})
    assert resp.status_code == 400


def test_pages_need_a_session_and_redirect_back_only_locally(app, admin_token):
    client = app.test_client()
    resp = client.get("/console/models")
    assert resp.status_code == 302 and "/console/signin?next=/console/models" in resp.headers["Location"]
    page = client.get("/console/signin")
    csrf = CSRF.search(page.get_data(as_text=True)).group(1)
    resp = client.post("/console/signin", data={"csrf": csrf, "token": admin_token,
                                                "next": "//evil.example/x"})
    assert resp.headers["Location"] == "/console/examples"
    assert client.get("/console/jobs/" + "0" * 32 + "/status").status_code == 400  # no CSRF header


def test_a_form_without_the_csrf_secret_or_from_another_site_changes_nothing(app, console):
    client, csrf = console
    with app.app_context():
        first = example_rows.page(get_db(), page=1, per_page=1)[0][0]
    for data, headers, status in (({"action": "accept"}, {}, 400),
                                  ({"action": "accept", "csrf": "x" + csrf[1:]}, {}, 400),
                                  ({"action": "accept", "csrf": csrf}, {"Origin": "https://evil.example"}, 403)):
        assert client.post(f"/console/examples/{first['id']}", data=data, headers=headers).status_code == status
    with app.app_context():
        assert example_rows.get(get_db(), first["id"])["state"] == "new"
    resp = client.post(f"/console/examples/{first['id']}", data={"action": "accept", "csrf": csrf},
                       headers={"Origin": "http://localhost"})
    assert resp.status_code == 303
    with app.app_context():
        assert example_rows.get(get_db(), first["id"])["state"] == "accepted"


def test_revoking_the_admin_token_or_signing_out_ends_the_session(app, console):
    client, csrf = console
    with app.app_context():
        auth.revoke_token(get_db(), "test-admin")
    assert client.get("/console/models").status_code == 302
    other = app.test_client()
    sign_in(other, make_token(app, "second", "admin"))
    csrf = CSRF.search(other.get("/console/tokens").get_data(as_text=True)).group(1)
    assert other.post("/console/signout", data={"csrf": csrf}).status_code == 303
    assert other.get("/console/models").status_code == 302


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_renders_in_both_languages(app, console, lang):
    client, csrf = console
    version = app.extensions["model_store"].active_version
    with app.app_context():
        first = example_rows.page(get_db(), page=1, per_page=1)[0][0]["id"]
    for path in ("/console/examples", "/console/examples?state=all&label=1&language=nl&team=team-1&disagreement=1",
                 f"/console/examples/{first}/erase", "/console/retrain", "/console/models",
                 f"/console/models/{version}", "/console/tokens", "/console/tokens/test-admin/revoke"):
        resp = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        assert resp.status_code == 200, path
        page = resp.get_data(as_text=True)
        assert f'<html lang="{lang}">' in page
        assert resp.headers["Cache-Control"] == "no-store"
        assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
        assert not re.findall(r'(?:src|href)="(?:https?:)?//', page)  # nothing fetched from elsewhere
    assert client.get("/console/models/20990101T000000Z-00000000").status_code == 404
    assert client.get("/console/examples?state=gone").status_code == 400


def test_the_queue_shows_fifty_and_filters(app, console):
    client, _ = console
    page = client.get("/console/examples?state=all").get_data(as_text=True)
    assert page.count('data-example="') == 50
    page = client.get("/console/examples?state=all&page=2").get_data(as_text=True)
    assert page.count('data-example="') == 10
    page = client.get("/console/examples?state=all&language=en&label=0").get_data(as_text=True)
    with app.app_context():
        rows, total = example_rows.page(get_db(), page=1, per_page=50, filters=Filters(lang="en", label=0))
    assert page.count('data-example="') == total == len(rows) and total > 0


def test_disagreement_uses_each_versions_threshold(app):
    store = app.extensions["model_store"]
    version = store.active_version
    with app.app_context():
        conn = get_db()
        for text, label, score, model_version in (("a b c", 1, 0.3, version), ("d e f", 0, 0.8, version),
                                                  ("g h i", 1, 0.9, version), ("j k l", 0, 0.55, "old-v"),
                                                  ("m n o", 1, None, None)):
            examples.add(conn, NewExample(text=text, label=label, lang="nl", score=score,
                                          model_version=model_version), saved_by="t")
        rows, total = example_rows.page(conn, page=1, per_page=50, filters=Filters(disagreement=True),
                                    thresholds={version: 0.5, "old-v": 0.6}, default_threshold=0.5)
    assert [r["text"] for r in rows] == ["a b c", "d e f"]


def test_bulk_review_and_erase(app, console):
    client, csrf = console
    with app.app_context():
        ids = [r["id"] for r in example_rows.page(get_db(), page=1, per_page=3)[0]]
    resp = client.post("/console/examples/bulk", data={"csrf": csrf, "action": "label1", "ids": ids})
    assert resp.status_code == 303
    with app.app_context():
        assert [example_rows.get(get_db(), i)["label"] for i in ids] == [1, 1, 1]
    page = client.post("/console/examples/bulk", data={"csrf": csrf, "action": "erase", "ids": ids[:2]})
    assert page.status_code == 200 and "Wat wissen niet doet" in page.get_data(as_text=True)
    with app.app_context():
        assert example_rows.get(get_db(), ids[0]) is not None
    assert client.post("/console/examples/erase", data={"csrf": csrf, "ids": ids[:2]}).status_code == 303
    with app.app_context():
        assert example_rows.get(get_db(), ids[0]) is None and example_rows.get(get_db(), ids[2]) is not None


def test_relabel_and_language_change_also_through_the_api(app, admin_client):
    with app.app_context():
        example_id, _ = examples.add(get_db(), NewExample(text="hallo daar", label=0, lang="nl"), saved_by="t")
    resp = admin_client.patch(f"/api/v1/examples/{example_id}", json={"lang": "en", "label": 1, "category": "hurtful"})
    assert resp.status_code == 200 and (resp.json["lang"], resp.json["label"]) == ("en", 1)
    assert admin_client.patch(f"/api/v1/examples/{example_id}", json={"lang": "fr"}).status_code == 400


def test_tokens_are_made_once_and_revoked(app, console):
    client, csrf = console
    page = client.post("/console/tokens", data={"csrf": csrf, "name": "team-zuid", "role": "worker"})
    secret = re.search(r'data-secret-value="([^"]+)"|value="(rw_[^"]+)"', page.get_data(as_text=True))
    secret = secret.group(1) or secret.group(2)
    assert app.test_client().get("/api/v1/guideline", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    assert client.post("/console/tokens", data={"csrf": csrf, "name": "team-zuid", "role": "worker"}).status_code == 400
    assert secret not in client.get("/console/tokens").get_data(as_text=True)
    assert client.post("/console/tokens/team-zuid/revoke", data={"csrf": csrf}).status_code == 303
    assert app.test_client().get("/api/v1/guideline", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_rollback_and_delete_refuse_the_active_version(app, console):
    from server.learning.model_store import train_from
    client, csrf = console
    store = app.extensions["model_store"]
    before = store.active_version
    other = store.add(train_from(app.config["TRAINING_DATA_DIR"]))
    assert client.post(f"/console/models/{before}/delete", data={"csrf": csrf}).status_code == 409
    assert client.post(f"/console/models/{other}/activate", data={"csrf": csrf}).status_code == 303
    assert store.active_version == other
    assert client.post(f"/console/models/{before}/delete", data={"csrf": csrf}).status_code == 303
    assert before not in [v["version"] for v in store.list_versions()]


def test_guessing_tokens_at_the_sign_in_form_is_slowed_down(app_config):
    app = create_app({**app_config, "AUTH_FAILURE_LIMIT": 3, "AUTH_FAILURE_WINDOW": 60})
    token = make_token(app, "coordinator", "admin")
    client = app.test_client()
    statuses = [sign_in(client, "rw_" + "g" * 40 + str(i)).status_code for i in range(4)]
    assert statuses[:3] == [401, 401, 401] and statuses[3] == 429
    resp = sign_in(client, token)  # even the right token waits
    assert resp.status_code == 429 and "Retry-After" in resp.headers
    assert "seconden" in resp.get_data(as_text=True)


def test_a_query_parameter_named_like_a_path_value_is_no_error(console):
    client, _ = console
    assert client.get("/console/tokens/test-admin/revoke?name=other&lang=en").status_code == 200
    assert client.get("/console/tokens/nobody/revoke?name=&lang=nl").status_code == 404


def test_a_first_version_carries_what_the_plots_draw(tmp_path, app_config):
    """A first start (no model yet) trains the hybrid model, evaluates it on the regression set
    and signs it; its sidecar holds every figure the model page and the trend plots draw."""
    app = create_app({**app_config, "DATA_DIR": str(tmp_path / "fresh")})
    store = app.extensions["model_store"]
    assert store.model.hybrid
    (entry,) = store.list_versions()
    metrics = entry["metrics"]
    regression, oof = metrics["regression"], metrics["out_of_fold"]
    for figures in (regression, oof):
        assert len(figures["confusion_matrix"]) == 2
        hist = figures["score_histogram"]
        assert len(hist["edges"]) == len(hist["harmful"]) + 1 == len(hist["harmless"]) + 1
        assert figures["reliability"] and "ece" in figures
    total = sum(map(sum, regression["confusion_matrix"]))
    assert total == regression["examples"] == sum(hist_sum for key in ("harmful", "harmless")
                                                  for hist_sum in regression["score_histogram"][key])
    assert set(regression["macro_f1_by_lang"]) <= {"nl", "en"} and regression["macro_f1_by_lang"]
    assert set(regression["f1_by_category"]) == set(examples.CATEGORIES)
    client = app.test_client()
    assert sign_in(client, make_token(app, "coordinator", "admin")).status_code == 303
    page = client.get(f"/console/models/{entry['version']}?lang=en").get_data(as_text=True)
    for plot in ("plot-confusion", "plot-histogram", "plot-reliability"):
        assert f'id="{plot}"' in page
    assert "Measured on the fixed test set" in page and "Calibration error" in page
    models = client.get("/console/models?lang=en").get_data(as_text=True)
    assert models.count("<svg") >= 2  # macro-F1 per language and F1 per category across versions


def test_erasing_from_the_console_names_the_versions_that_still_carry_it(app, console):
    from server.storage import model_versions
    client, csrf = console
    version = app.extensions["model_store"].active_version
    with app.app_context():
        conn = get_db()
        example_id = example_rows.page(conn, page=1, per_page=1)[0][0]["id"]
        record = model_versions.get(conn, version)
        model_versions.record(conn, version, example_ids=[example_id],
                              artifact_sha256=record["artifact_sha256"], signature=record["signature"])
    confirm = client.get(f"/console/examples/{example_id}/erase?lang=en").get_data(as_text=True)
    assert "What erasing does not do" in confirm and version in confirm  # named before erasing
    resp = client.post("/console/examples/erase?lang=en", data={"csrf": csrf, "ids": [example_id],
                                                                "back": "/console/examples"})
    assert resp.status_code == 303 and "v=1" in resp.headers["Location"]
    queue = client.get(resp.headers["Location"] + "&lang=en").get_data(as_text=True)
    assert "1 example(s) erased." in queue and "1 model version(s) were trained on them" in queue
    with app.app_context():
        assert example_rows.get(get_db(), example_id) is None
        assert model_versions.carrying(get_db(), example_id) == [version]  # until it is deleted


# -- field statistics (the case log) ----------------------------------------------------------

def seed_cases(app, today: dt.date) -> None:
    """Cases over three weeks, two platforms (and none), three teams, two model versions."""
    old, new = "20261101T120000Z-0a0a0a0a", "20261125T090000Z-1b1b1b1b"
    with app.app_context():
        conn = get_db()
        for n, (days_ago, team, outcome, platform, agreed, version) in enumerate([
                (0, "noord", "refer", "facebook", True, new), (0, "noord", "monitor", "facebook", False, new),
                (1, "zuid", "refer", "tiktok", None, None), (8, "zuid", "monitor", None, False, old),
                (8, "west", "monitor", "facebook", False, old), (15, "west", "refer", "tiktok", True, old),
                (400, "noord", "refer", "facebook", False, old)]):  # outside the default 90 days
            case_rows.record(conn, case_rows.Case(outcome=outcome, path=("content",), platform=platform,
                                                  category=None, prefill_agreed=agreed, model_version=version,
                                                  score_band=None),
                             team=team, day=(today - dt.timedelta(days=days_ago)).isoformat())


@pytest.fixture
def field_console(app_config):
    app = create_app({**app_config, "CASE_LOG": True})
    client = app.test_client()
    assert sign_in(client, make_token(app, "coordinator", "admin")).status_code == 303
    return app, client


def table_rows(page: str, table: str) -> dict[str, list[str]]:
    body = re.search(rf'<table class="data" id="table-{table}">(.*?)</table>', page, re.S).group(1)
    body = re.search(r"<tbody>(.*?)</tbody>", body, re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = cells[1:]
    return rows


def test_the_field_page_is_hidden_and_404_while_the_case_log_is_off(console):
    client, _ = console
    assert 'href="/console/field"' not in client.get("/console/models").get_data(as_text=True)
    resp = client.get("/console/field?lang=en")
    assert resp.status_code == 404 and "REAGEERWIJZER_CASE_LOG=true" in resp.get_data(as_text=True)
    assert "keeps no case log" in resp.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_field_page_counts_the_seeded_cases(field_console, lang):
    app, client = field_console
    today = dt.date.today()
    seed_cases(app, today)
    assert 'href="/console/field"' in client.get(f"/console/models?lang={lang}").get_data(as_text=True)
    resp = client.get(f"/console/field?lang={lang}")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert 'aria-current="page">' + ("Praktijk" if lang == "nl" else "In practice") in page
    first = (today - dt.timedelta(days=89)).isoformat()
    assert f'value="{first}"' in page and f'value="{today.isoformat()}"' in page
    totals = dict(re.findall(r'data-total="(\w+)">([^<]*)<', page))
    word = "van" if lang == "nl" else "of"
    assert totals == {"cases": "6", "with_suggestion": "5", "overruled": "3",
                      "overrule_rate": f"60% (3 {word} 5)"}
    # The charts draw the same counts as the tables.
    bars = re.findall(r'<rect class="bar" data-series="([^"]+)" data-x="([^"]+)" data-value="(\d+)"', page)
    assert sum(int(v) for *_, v in bars) == 6
    platforms = table_rows(page, "platforms")
    unknown = "onbekend" if lang == "nl" else "unknown"
    assert {k: v[0] for k, v in platforms.items()} == {"Facebook": "3", "TikTok": "2", unknown: "1"}
    assert list(platforms) == ["Facebook", "TikTok", unknown]  # most cases first, by name not id
    assert re.search(r'<tr data-key="tiktok"><th scope="row">TikTok</th>', page)
    assert {k: v[0] for k, v in table_rows(page, "teams").items()} == {"noord": "2", "west": "2", "zuid": "2"}
    versions = table_rows(page, "versions")
    assert versions == {"20261101T120000Z-0a0a0a0a": ["3", "2", f"67% (2 {word} 3)"],
                        "20261125T090000Z-1b1b1b1b": ["2", "1", f"50% (1 {word} 2)"]}
    drawn = dict(re.findall(r'<rect class="bar" data-x="(1[12]-[0-9]{2} [0-9:]+)" data-value="([0-9.]+)"', page))
    assert drawn == {"11-01 12:00": "0.6667", "11-25 09:00": "0.5"}
    weeks = table_rows(page, "weeks")
    assert len(weeks) in (13, 14) and sum(int(v[-1]) for v in weeks.values()) == 6
    in_week = Counter("{}-W{:02d}".format(*(today - dt.timedelta(days=d)).isocalendar()[:2])
                      for d in (0, 0, 1, 8, 8, 15))
    assert {w: int(v[-1]) for w, v in weeks.items() if v[-1] != "0"} == in_week
    assert ("Schakel je ketenpartners in" if lang == "nl" else "Bring in your chain partners") in page


def test_the_field_page_names_the_platforms_the_popup_knows():
    """The popup sends platform ids; the console's names for them are the popup's names."""
    source = (Path(__file__).parent.parent / "extension" / "lib" / "platforms.js").read_text(encoding="utf-8")
    in_popup = dict(re.findall(r'^  (\w+): \{\n    name: "([^"]+)"', source, re.M))
    assert len(in_popup) >= 6 and in_popup == field.PLATFORM_NAMES


def test_a_chosen_range_and_an_empty_one(field_console):
    app, client = field_console
    today = dt.date.today()
    seed_cases(app, today)
    old = (today - dt.timedelta(days=400)).isoformat()
    page = client.get(f"/console/field?from={old}&to={old}&lang=en").get_data(as_text=True)
    assert re.search(r'data-total="cases">1<', page) and 'id="plot-weeks"' in page
    page = client.get("/console/field?from=2001-01-01&to=2001-02-01&lang=en").get_data(as_text=True)
    assert "No cases in this period." in page and "<svg" not in page


@pytest.mark.parametrize("query, words", [
    ("from=2026-13-01", "The date ‘from’ must be a date as YYYY-MM-DD, not ‘2026-13-01’"),
    ("to=yesterday", "‘up to and including’ must be a date"),
    ("from=2026-12-02&to=2026-12-01", "is after the date"),
    ("from=2020-01-01&to=2026-01-01", "at most 731 days"),
    ("to=0001-01-02", None),  # the default 90 days would start before the calendar: no error, no 500
])
def test_a_bad_range_is_a_400_page_that_says_why(field_console, query, words):
    _, client = field_console
    resp = client.get(f"/console/field?{query}&lang=en")
    if words is None:
        assert resp.status_code == 200
        return
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400 and words in page and 'role="alert"' in page
    assert 'id="field-range"' in page  # the form stays, to put it right
