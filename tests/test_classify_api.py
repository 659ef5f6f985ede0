"""POST /api/v1/classify through the real app: the answer, and every way a request can be wrong."""
import logging

import pytest

from .test_api_guideline import error_of

TEXT = "Jij bent een vieze K4NK3R-lijer en ik weet waar je woont"


def test_classify_answers_label_score_categories_and_explanation(client, app):
    resp = client.post("/api/v1/classify", json={"text": TEXT, "lang": "nl"})
    assert resp.status_code == 200
    body = resp.get_json()
    assert list(body) == ["label", "score", "threshold", "categories", "explanation", "model_version"]
    assert body["label"] in (0, 1) and 0 <= body["score"] <= 1
    assert body["label"] == int(body["score"] >= body["threshold"])
    assert set(body["categories"]) == {"discriminatory", "hurtful", "threatening"}
    assert sum(body["categories"].values()) == pytest.approx(body["score"])
    assert 0 < len(body["explanation"]) <= 8
    for item in body["explanation"]:
        assert set(item) == {"term", "weight"} and item["term"] in TEXT
    assert body["model_version"] == app.extensions["model_store"].active_version


def test_a_threat_is_flagged_and_small_talk_is_not(client):
    threat = client.post("/api/v1/classify", json={"text": "Ik weet waar je woont en ik kom je halen"})
    chat = client.post("/api/v1/classify", json={"text": "Wie gaat er zaterdag mee naar de markt?"})
    assert threat.get_json()["label"] == 1
    assert chat.get_json()["label"] == 0


def test_lang_is_optional_and_english_works(client):
    body = client.post("/api/v1/classify", json={"text": "You are a worthless loser"}).get_json()
    assert body["label"] == 1


def test_the_text_at_the_limit_is_accepted(client, app):
    limit = app.config["MAX_TEXT_CHARS"]
    resp = client.post("/api/v1/classify", json={"text": "a" * limit})
    assert resp.status_code == 200


@pytest.mark.parametrize(("body", "status", "code", "message"), [
    ({}, 400, "missing_text", "'text' is required"),
    ({"text": None}, 400, "missing_text", "'text' is required"),
    ({"text": ""}, 400, "empty_text", "'text' is empty"),
    ({"text": "  \n\t "}, 400, "empty_text", "'text' is empty"),
    ({"text": 42}, 400, "invalid_text", "'text' must be a string, not a number"),
    ({"text": ["a"]}, 400, "invalid_text", "'text' must be a string, not a array"),
    ({"text": {"a": 1}}, 400, "invalid_text", "'text' must be a string, not a object"),
    ({"text": "hallo", "lang": "de"}, 400, "invalid_language", "unknown language 'de'"),
    ({"text": "hallo", "lang": 1}, 400, "invalid_language", "unknown language 1"),
    ({"text": "hallo", "extra": 1}, 400, "unknown_field", "unknown field(s): extra"),
])
def test_invalid_bodies(client, body, status, code, message):
    resp = client.post("/api/v1/classify", json=body)
    assert resp.status_code == status
    error = error_of(resp)
    assert error["code"] == code
    assert message in error["message"]


def test_a_text_over_the_limit_names_the_limit(client, app):
    app.config["MAX_TEXT_CHARS"] = 100
    resp = client.post("/api/v1/classify", json={"text": "a" * 101})
    assert resp.status_code == 413
    error = error_of(resp)
    assert error["code"] == "text_too_long" and "limit is 100" in error["message"]


@pytest.mark.parametrize("payload", [b"{not json", b"", b"\xff\xfe"])
def test_a_body_that_is_not_json(client, payload):
    resp = client.post("/api/v1/classify", data=payload, content_type="application/json")
    assert resp.status_code == 400
    assert error_of(resp)["code"] == "invalid_json"


@pytest.mark.parametrize("payload", ['["text"]', '"text"', "42", "null"])
def test_a_body_that_is_not_an_object(client, payload):
    resp = client.post("/api/v1/classify", data=payload, content_type="application/json")
    assert resp.status_code == 400
    assert error_of(resp)["code"] == "invalid_json"


def test_a_body_that_is_not_sent_as_json(client):
    resp = client.post("/api/v1/classify", data="text=hallo",
                       content_type="application/x-www-form-urlencoded")
    assert resp.status_code == 415
    assert "application/json" in error_of(resp)["message"]


def test_get_is_not_allowed(client):
    resp = client.get("/api/v1/classify")
    assert resp.status_code == 405
    error_of(resp)


def test_a_token_is_required(anon_client):
    resp = anon_client.post("/api/v1/classify", json={"text": "hallo"})
    assert resp.status_code == 401


def test_the_text_is_never_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Geheime zin 8472 over mijn buurman"
    client.post("/api/v1/classify", json={"text": secret})
    client.post("/api/v1/classify", json={"text": secret, "lang": "xx"})
    assert "8472" not in caplog.text


# -- the validation functions on their own (no Flask request needed) --------------------------

def test_classify_request_returns_text_and_language():
    from server.api import validation
    assert validation.classify_request({"text": " hallo "}, max_chars=10) == (" hallo ", None)
    assert validation.classify_request({"text": "hi", "lang": "en"}, max_chars=10) == ("hi", "en")


@pytest.mark.parametrize(("value", "status"), [(None, 400), ("", 400), (3, 400), ("abcdef", 413)])
def test_post_text_rejects(value, status):
    from server.api import validation
    from server.errors import APIError
    with pytest.raises(APIError) as info:
        validation.post_text(value, max_chars=5)
    assert info.value.status == status and "'text'" in info.value.message
