"""The case log: POST /api/v1/cases (worker) and GET /api/v1/stats (admin), only when switched on."""
import datetime as dt
import logging

import pytest

from server import create_app
from server.database import get_db

from .conftest import make_token, token_client

# The case log is a table: the same behaviour on SQLite and PostgreSQL.
BOTH_BACKENDS = True

CASE = {"outcome": "refer", "path": ["content", "danger"], "platform": "facebook", "category": "threatening",
        "prefill_agreed": True, "model_version": "20261201T000000Z-1a2b3c4d", "score_band": "almost_certain"}


@pytest.fixture
def case_app(app_config):
    app = create_app({**app_config, "CASE_LOG": True})
    yield app
    app.extensions["db"].close()


@pytest.fixture
def teams(case_app):
    return {name: token_client(case_app, make_token(case_app, name, "worker")) for name in ("noord", "zuid")}


@pytest.fixture
def coordinator(case_app):
    return token_client(case_app, make_token(case_app, "coordinator", "admin"))


def stored_cases(app) -> list[dict]:
    with app.app_context():
        return [dict(r) for r in get_db().execute("SELECT * FROM cases ORDER BY id").fetchall()]


def test_switched_off_both_endpoints_are_404(client, admin_client):
    assert "case_log" not in client.get("/api/v1/health").get_json()["features"]
    for resp in (client.post("/api/v1/cases", json=CASE), admin_client.get("/api/v1/stats")):
        assert resp.status_code == 404
        assert resp.get_json()["error"]["code"] == "not_found"
        assert "REAGEERWIJZER_CASE_LOG" in resp.get_json()["error"]["message"]


def test_a_case_is_stored_with_the_day_and_the_team_and_nothing_else(case_app, teams, caplog):
    caplog.set_level(logging.DEBUG)
    assert "case_log" in teams["noord"].get("/api/v1/health").get_json()["features"]
    resp = teams["noord"].post("/api/v1/cases", json=CASE)
    assert resp.status_code == 201
    [row] = stored_cases(case_app)
    assert row == {"id": resp.get_json()["id"], "day": dt.date.today().isoformat(), "team": "noord",
                   "outcome": "refer", "path": "content>danger", "platform": "facebook", "category": "threatening",
                   "prefill_agreed": 1, "model_version": CASE["model_version"], "score_band": "almost_certain"}


@pytest.mark.parametrize("change, code", [
    ({"text": "Rot op"}, "unknown_field"),
    ({"url": "https://x.com/1"}, "unknown_field"),
    ({"outcome": "refer", "path": ["content", "misinformation"]}, "invalid_path"),
    ({"outcome": "nowhere"}, "invalid_path"),
    ({"path": []}, "invalid_path"),
    ({"path": "content>danger"}, "invalid_path"),
    ({"platform": "Face Book"}, "invalid_platform"),
    ({"category": "rude"}, "invalid_category"),
    ({"prefill_agreed": "yes"}, "invalid_prefill_agreed"),
    ({"score_band": "sure"}, "invalid_score_band"),
    ({"model_version": "../etc"}, "invalid_model_version"),
])
def test_bad_cases_are_refused_with_what_is_wrong(case_app, teams, change, code):
    resp = teams["noord"].post("/api/v1/cases", json={**CASE, **change})
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == code
    assert stored_cases(case_app) == []


def test_every_path_of_the_guideline_is_accepted_and_optional_fields_may_be_null(case_app, teams):
    from .guideline_paths import PATHS
    for answers, outcome in PATHS:
        body = {"outcome": outcome, "path": list(answers), "platform": None, "category": None,
                "prefill_agreed": None, "model_version": None, "score_band": None}
        assert teams["zuid"].post("/api/v1/cases", json=body).status_code == 201, (answers, outcome)


def test_stats_count_cases_and_the_overrule_rate_per_group(case_app, teams, coordinator):
    teams["noord"].post("/api/v1/cases", json=CASE)
    teams["noord"].post("/api/v1/cases", json={**CASE, "prefill_agreed": False})
    teams["zuid"].post("/api/v1/cases", json={**CASE, "outcome": "monitor", "path": ["content", "misinformation"],
                                              "platform": None, "category": None, "prefill_agreed": False})
    teams["zuid"].post("/api/v1/cases", json={**CASE, "prefill_agreed": None})
    by_team = coordinator.get("/api/v1/stats?group=team").get_json()
    assert (by_team["cases"], by_team["with_suggestion"], by_team["overruled"]) == (4, 3, 2)
    assert by_team["overrule_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert [(g["key"], g["cases"], g["overruled"]) for g in by_team["groups"]] == [("noord", 2, 1), ("zuid", 2, 1)]
    by_outcome = coordinator.get("/api/v1/stats?group=outcome").get_json()["groups"]
    assert {g["key"]: g["cases"] for g in by_outcome} == {"monitor": 1, "refer": 3}
    by_platform = coordinator.get("/api/v1/stats?group=platform").get_json()["groups"]
    assert {g["key"]: g["cases"] for g in by_platform} == {"facebook": 3, "unknown": 1}
    by_version = coordinator.get("/api/v1/stats?group=model_version").get_json()["groups"]
    assert [(g["key"], g["cases"], g["with_suggestion"], g["overruled"]) for g in by_version] == [
        (CASE["model_version"], 4, 3, 2)]
    week = coordinator.get("/api/v1/stats").get_json()
    year, number, _ = dt.date.today().isocalendar()
    assert week["group"] == "week" and [g["key"] for g in week["groups"]] == [f"{year}-W{number:02d}"]
    # A range before today holds none of them.
    empty = coordinator.get("/api/v1/stats?from=2020-01-01&to=2020-12-31").get_json()
    assert (empty["cases"], empty["overrule_rate"], empty["groups"]) == (0, None, [])


@pytest.mark.parametrize("query, code", [
    ("group=day", "invalid_group"), ("from=2026-13-01", "invalid_from"), ("to=yesterday", "invalid_to"),
    ("from=2026-12-02&to=2026-12-01", "invalid_range"), ("from=2026-02-30", "invalid_from"),
])
def test_bad_stats_queries_get_400(coordinator, query, code):
    resp = coordinator.get(f"/api/v1/stats?{query}")
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == code


def test_stats_need_an_admin(teams):
    assert teams["noord"].get("/api/v1/stats").status_code == 403


def test_a_range_at_the_edges_of_the_calendar_is_no_error(coordinator):
    # The default 90 days before 0001-01-05 would start before the calendar: it starts at its first day.
    resp = coordinator.get("/api/v1/stats?to=0001-01-05")
    assert resp.status_code == 200 and resp.get_json()["from"] == "0001-01-01"
    assert coordinator.get("/api/v1/stats?from=9999-12-01&to=9999-12-31").status_code == 200
