"""The guideline, advice and health endpoints through the real app."""
import pytest

from .guideline_paths import PATHS


def test_health(client):
    resp = client.get("/api/v1/health")
    assert resp.status_code == 200
    assert resp.get_json()["status"] == "ok"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_guideline_in_each_language(client, lang):
    resp = client.get(f"/api/v1/guideline?lang={lang}")
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["lang"] == lang and body["start"] == "content"
    assert set(body["outcomes"]) >= {"monitor", "refer", "private_conversation"}


def test_guideline_defaults_to_dutch(client):
    assert client.get("/api/v1/guideline").get_json()["lang"] == "nl"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("answers", "outcome"), PATHS)
def test_advice_for_every_path(client, answers, outcome, lang):
    resp = client.post("/api/v1/advice", json={"answers": answers, "lang": lang})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["complete"] is True
    assert body["outcome"]["id"] == outcome
    assert body["path"] == list(answers)
    assert body["next_question"] is None
    # A harmless post ("monitor") gets no don'ts about handling hate; every other outcome does.
    assert bool(body["donts"]) is (outcome != "monitor") and all(d["text"] for d in body["donts"])
    assert {"emergency", "drafts", "follow_up"} <= set(body["outcome"])
    assert (body["outcome"]["emergency"] is not None) is (outcome == "refer")


def test_advice_without_answers_asks_the_first_question(client):
    body = client.post("/api/v1/advice", json={}).get_json()
    assert body["complete"] is False
    assert body["next_question"]["id"] == "content"
    assert body["next_question"]["prefill"] == "classifier"
    assert body["outcome"] is None and body["path"] == ["content"]


def test_advice_in_english_and_dutch_differ(client):
    q_nl = client.post("/api/v1/advice", json={"lang": "nl"}).get_json()["next_question"]["text"]
    q_en = client.post("/api/v1/advice", json={"lang": "en"}).get_json()["next_question"]["text"]
    assert q_nl.startswith("Is het bericht") and q_en.startswith("Is the post")


def error_of(resp):
    body = resp.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "name", "message"}
    assert "Traceback" not in resp.get_data(as_text=True)
    return body["error"]


@pytest.mark.parametrize(("kwargs", "status", "code", "message"), [
    ({"data": "answers=1", "content_type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type", "JSON"),
    ({"data": "{not json", "content_type": "application/json"}, 400, "invalid_json", "not valid JSON"),
    ({"json": [1, 2]}, 400, "invalid_json", "not a array"),
    ({"json": "text"}, 400, "invalid_json", "not a string"),
    ({"json": {"answers": []}}, 400, "invalid_answers", "'answers' must be an object"),
    ({"json": {"answers": {"content": "ja"}}}, 400, "invalid_answers", "answer to 'content' must be true or false"),
    ({"json": {"answers": {"content": None}}}, 400, "invalid_answers", "not null"),
    ({"json": {"answers": {"mood": True}}}, 422, "invalid_answers", "unknown question 'mood'"),
    ({"json": {"answers": {"content": False, "danger": True}}}, 422, "invalid_answers", "'danger' is not on the path"),
    ({"json": {"lang": "fr"}}, 400, "invalid_language", "unknown language 'fr'"),
    ({"json": {"lang": 3}}, 400, "invalid_language", "unknown language 3"),
    ({"json": {"answer": {}}}, 400, "unknown_field", "unknown field(s): answer"),
])
def test_bad_advice_requests(client, kwargs, status, code, message):
    resp = client.post("/api/v1/advice", **kwargs)
    assert resp.status_code == status
    err = error_of(resp)
    assert err["code"] == code
    assert message in err["message"]


def test_body_over_the_limit_is_refused(client, app):
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    resp = client.post("/api/v1/advice", data='{"lang": "' + big + '"}', content_type="application/json")
    assert resp.status_code == 413
    assert error_of(resp)["code"] == "request_entity_too_large"


def test_unknown_language_in_query(client):
    resp = client.get("/api/v1/guideline?lang=de")
    assert resp.status_code == 400
    assert "unknown language 'de'" in error_of(resp)["message"]


@pytest.mark.parametrize(("method", "path", "status"), [
    ("get", "/api/v1/nothing", 404),
    ("get", "/api/v1/advice", 405),
    ("delete", "/api/v1/guideline", 405),
])
def test_unknown_routes_and_methods_answer_in_json(client, method, path, status):
    resp = getattr(client, method)(path)
    assert resp.status_code == status
    assert error_of(resp)["message"]


def test_advice_leaves_out_tips_for_another_kind_of_harm(client):
    answers = {"content": True, "danger": False, "real_person": True, "known": False}
    tips = lambda category: [t["id"] for t in client.post(  # noqa: E731
        "/api/v1/advice", json={"answers": answers, "category": category}).get_json()["tips"]]
    assert "influencers" in tips(None) and "influencers" in tips("discriminatory")
    assert "influencers" not in tips("hurtful")
    resp = client.post("/api/v1/advice", json={"answers": answers, "category": "racist"})
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == "invalid_category"
    assert "discriminatory, hurtful, threatening" in resp.get_json()["error"]["message"]


def test_health_serves_the_vocabulary(client):
    body = client.get("/api/v1/health").get_json()
    assert body["vocabulary"] == {"languages": ["nl", "en"],
                                  "categories": ["discriminatory", "hurtful", "threatening"],
                                  "max_text_chars": 5000}
    assert "case_log" not in body["features"]
