"""Perspective's protocol: POST /v1alpha1/comments:analyze and comments:suggestscore.

Requests are shaped as Perspective's documentation and Coral Talk's server
(coral-server/services/perspective) send them; errors must come in Google's shape.
"""
from __future__ import annotations

import pytest

from server.perspective import attributes, profanity
from server.perspective.views import verdict

from .conftest import make_token

# Feedback is stored as examples: the same behaviour on SQLite and PostgreSQL.
BOTH_BACKENDS = True
ANALYZE = "/v1alpha1/comments:analyze"
SUGGEST = "/v1alpha1/comments:suggestscore"
HARMFUL_NL = "jullie moslims zijn ratten en moeten allemaal weg uit dit land"
HARMLESS_NL = "wat een mooie dag vandaag in het park met de kinderen"
HARMFUL_EN = "you muslims are rats and should all be sent away"
HARMLESS_EN = "what a lovely day in the park with the children today"


def analyze_body(text, attrs=None, **extra):
    return {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}} if attrs is None else attrs, **extra}


def google_error(response, status, *, status_name="INVALID_ARGUMENT", contains=""):
    assert response.status_code == status, response.get_json()
    error = response.get_json()["error"]
    assert error["code"] == status and error["status"] == status_name
    assert contains in error["message"], error["message"]
    return error


def test_coral_analyze_request_with_key_in_query(app, anon_client):
    token = make_token(app, "coral", "worker")
    # Exactly the fields Coral's server sends to comments:analyze.
    body = {"comment": {"text": HARMFUL_NL}, "doNotStore": True,
            "requestedAttributes": {"TOXICITY": {}}, "languages": ["nl"]}
    response = anon_client.post(f"{ANALYZE}?key={token}", json=body)
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    summary = answer["attributeScores"]["TOXICITY"]["summaryScore"]
    assert summary["type"] == "PROBABILITY" and 0.5 < summary["value"] <= 1
    assert answer["languages"] == ["nl"] and answer["detectedLanguages"] == ["nl"]
    assert answer["attributeScores"]["TOXICITY"]["spanScores"] == [
        {"begin": 0, "end": len(HARMFUL_NL), "score": summary}]


@pytest.mark.parametrize(("text", "harmful", "lang"), [
    (HARMFUL_NL, True, "nl"), (HARMLESS_NL, False, "nl"), (HARMFUL_EN, True, "en"), (HARMLESS_EN, False, "en")])
def test_toxicity_is_our_score_for_dutch_and_english(client, text, harmful, lang):
    answer = client.post(ANALYZE, json=analyze_body(text)).get_json()
    ours = client.post("/api/v1/classify", json={"text": text}).get_json()
    assert answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"] == round(ours["score"], 6)
    assert (ours["score"] >= ours["threshold"]) is harmful
    assert answer["detectedLanguages"] == [lang]
    assert answer["languages"] == [lang]  # not asked: the detected one, as Perspective does


def test_every_attribute_and_how_it_is_derived(client):
    attrs = {name: {} for name in attributes.ATTRIBUTES}
    answer = client.post(ANALYZE, json=analyze_body(HARMFUL_NL, attrs)).get_json()
    got = {name: answer["attributeScores"][name]["summaryScore"]["value"] for name in attrs}
    ours = client.post("/api/v1/classify", json={"text": HARMFUL_NL}).get_json()
    cats = ours["categories"]
    assert got["TOXICITY"] == round(ours["score"], 6)
    assert got["IDENTITY_ATTACK"] == round(cats["discriminatory"], 6)
    assert got["INSULT"] == round(cats["hurtful"], 6)
    assert got["THREAT"] == round(cats["threatening"], 6)
    assert got["PROFANITY"] == profanity.NO_SWEARING
    assert got["SEVERE_TOXICITY"] == round(max(cats["threatening"], cats["discriminatory"],
                                               ours["score"] * profanity.NO_SWEARING), 6)
    assert got["SEVERE_TOXICITY"] <= got["TOXICITY"]


def test_profanity_and_severe_toxicity_of_a_friendly_curse(client):
    attrs = {"PROFANITY": {}, "SEVERE_TOXICITY": {}, "TOXICITY": {}}
    answer = client.post(ANALYZE, json=analyze_body("wat een fucking geweldig concert was dat", attrs)).get_json()
    scores = {n: answer["attributeScores"][n]["summaryScore"]["value"] for n in attrs}
    assert scores["PROFANITY"] >= 0.9
    assert scores["SEVERE_TOXICITY"] < 0.5


def test_score_threshold_leaves_out_low_attributes(client):
    attrs = {"TOXICITY": {"scoreThreshold": 0.5}, "PROFANITY": {"scoreThreshold": 0.5},
             "INSULT": {"scoreThreshold": 0.0}}
    answer = client.post(ANALYZE, json=analyze_body(HARMFUL_NL, attrs)).get_json()
    assert set(answer["attributeScores"]) == {"TOXICITY", "INSULT"}
    answer = client.post(ANALYZE, json=analyze_body(HARMLESS_NL, attrs)).get_json()
    assert set(answer["attributeScores"]) == {"INSULT"}


def test_span_annotations_score_each_sentence(client):
    text = f"{HARMLESS_NL}. {HARMFUL_NL}!\n{HARMLESS_EN}"
    answer = client.post(ANALYZE, json=analyze_body(text, spanAnnotations=True)).get_json()
    spans = answer["attributeScores"]["TOXICITY"]["spanScores"]
    assert [text[s["begin"]:s["end"]] for s in spans] == [HARMLESS_NL + ".", HARMFUL_NL + "!", HARMLESS_EN]
    values = [s["score"]["value"] for s in spans]
    alone = client.post("/api/v1/classify", json={"text": HARMFUL_NL + "!"}).get_json()["score"]
    assert values[1] == round(alone, 6) and values[1] > values[0]
    # spanScores under the threshold are left out as well (the summary passes it here)
    summary = answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
    low, high = max(values[0], values[2]), min(values[1], summary)
    assert low < high
    thresholded = analyze_body(text, {"TOXICITY": {"scoreThreshold": (low + high) / 2}}, spanAnnotations=True)
    spans = client.post(ANALYZE, json=thresholded).get_json()["attributeScores"]["TOXICITY"]["spanScores"]
    assert [text[s["begin"]:s["end"]] for s in spans] == [HARMFUL_NL + "!"]


def test_client_token_echoed_and_unused_fields_accepted(client):
    body = analyze_body(HARMLESS_EN, clientToken="c-42", communityId="forum", sessionId="s",
                        context={"entries": [{"text": "earlier comment"}]}, doNotStore=False,
                        languages=["en-US"])
    answer = client.post(ANALYZE, json=body).get_json()
    assert answer["clientToken"] == "c-42" and answer["languages"] == ["en"]


@pytest.mark.parametrize(("body", "contains"), [
    (analyze_body("hoi", {"SEXUALLY_EXPLICIT": {}}), "unknown attribute 'SEXUALLY_EXPLICIT'"),
    (analyze_body("hoi", {"FLIRTATION": {}}), "this server scores TOXICITY, SEVERE_TOXICITY"),
    (analyze_body("hoi", {}), "'requestedAttributes' is required"),
    ({"requestedAttributes": {"TOXICITY": {}}}, "'comment' is required"),
    (analyze_body("   "), "comment.text is empty"),
    (analyze_body(7), "comment.text must be a string, not number"),
    (analyze_body("x" * 5001), "this server scores at most 5000"),
    (analyze_body("hoi", languages=["de"]), "Attribute TOXICITY does not support request languages: de"),
    (analyze_body("hoi", {"TOXICITY": {"scoreThreshold": 2}}), "scoreThreshold must be a number from 0 to 1"),
    (analyze_body("hoi", {"TOXICITY": {"scoreType": "STD_DEV_SCORE"}}), "scoreType must be PROBABILITY"),
    (analyze_body("hoi", spanAnnotations="yes"), "'spanAnnotations' must be true or false"),
    (analyze_body("hoi", colour="red"), "Unknown name 'colour'"),
    ({"comment": {"text": "hoi", "type": "HTML"}, "requestedAttributes": {"TOXICITY": {}}}, "send PLAIN_TEXT"),
])
def test_bad_requests_get_400_in_perspectives_shape(client, body, contains):
    google_error(client.post(ANALYZE, json=body), 400, contains=contains)


def test_other_errors_in_perspectives_shape_too(app, anon_client, client):
    google_error(anon_client.post(ANALYZE, json=analyze_body("hoi")), 401, status_name="UNAUTHENTICATED",
                 contains="?key=<token>")
    google_error(anon_client.post(f"{ANALYZE}?key=rw_not-a-real-token-at-all", json=analyze_body("hoi")),
                 401, status_name="UNAUTHENTICATED", contains="not known")
    google_error(anon_client.post(f"{ANALYZE}?key=short", json=analyze_body("hoi")), 401,
                 status_name="UNAUTHENTICATED")
    google_error(client.post(ANALYZE, data="hoi", content_type="text/plain"), 415)
    google_error(client.post(ANALYZE, data="{", content_type="application/json"), 400, contains="not valid JSON")
    google_error(client.get(ANALYZE), 405)
    google_error(client.post("/v1alpha1/comments:nothing", json={}), 404, status_name="NOT_FOUND")
    # The rest of the API keeps its own shape.
    assert client.post("/api/v1/classify", json={}).get_json()["error"]["code"] == "missing_text"


def test_key_in_query_works_only_for_perspective(app, anon_client):
    token = make_token(app, "querykey", "worker")
    response = anon_client.post(f"/api/v1/classify?key={token}", json={"text": "hoi"})
    assert response.status_code == 401
    assert anon_client.post(f"{ANALYZE}?key={token}", json=analyze_body("hoi")).status_code == 200
    revoke = make_token(app, "coord", "admin")
    from .conftest import token_client
    assert token_client(app, revoke).delete("/api/v1/tokens/querykey").status_code in (200, 204)
    google_error(anon_client.post(f"{ANALYZE}?key={token}", json=analyze_body("hoi")), 401,
                 status_name="UNAUTHENTICATED", contains="revoked")


def test_cors_closed_to_browsers(client):
    for origin in ("https://forum.example.org", "chrome-extension://" + "a" * 32):
        preflight = client.options(ANALYZE, headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "content-type"})
        assert "Access-Control-Allow-Origin" not in preflight.headers
        response = client.post(ANALYZE, json=analyze_body("hoi"), headers={"Origin": origin})
        assert "Access-Control-Allow-Origin" not in response.headers


def test_analyze_stores_nothing(app, client, admin_client):
    client.post(ANALYZE, json=analyze_body(HARMFUL_NL, doNotStore=False))
    assert admin_client.get("/api/v1/examples").get_json()["total"] == 0


# -- suggestscore ------------------------------------------------------------------------------

def coral_suggest(text, value, attribute="TOXICITY"):
    """Coral's comments:suggestscore after a moderator rejects (1) or approves (0) a comment."""
    return {"comment": {"text": text}, "attributeScores": {attribute: {"summaryScore": {"value": value}}},
            "languages": ["nl"], "clientToken": "comment-7f3a"}


def test_suggestscore_is_off_by_default(client, admin_client):
    error = google_error(client.post(SUGGEST, json=coral_suggest(HARMFUL_NL, 1)), 403,
                         status_name="PERMISSION_DENIED", contains="switched off")
    assert "REAGEERWIJZER_PERSPECTIVE_FEEDBACK=true" in error["message"]
    assert admin_client.get("/api/v1/examples").get_json()["total"] == 0


@pytest.fixture
def feedback_app(app_config):
    from server import create_app
    app = create_app({**app_config, "PERSPECTIVE_FEEDBACK": "true"})
    yield app
    app.extensions["db"].close()


def test_suggestscore_stores_a_scrubbed_example_in_state_new(feedback_app):
    from .conftest import token_client
    worker = token_client(feedback_app, None)
    key = make_token(feedback_app, "coral-site", "worker")
    admin = token_client(feedback_app, make_token(feedback_app, "coordinator", "admin"))
    text = "@pietje jullie zijn ratten, bel 06-12345678 of kijk op bit.ly/xyz"
    response = worker.post(f"{SUGGEST}?key={key}", json=coral_suggest(text, 1))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["clientToken"] == "comment-7f3a"
    worker.post(f"{SUGGEST}?key={key}", json=coral_suggest(HARMLESS_NL, 0, "SEVERE_TOXICITY"))
    worker.post(f"{SUGGEST}?key={key}", json=coral_suggest("ik weet waar je woont, ik maak je af", 0.9, "THREAT"))
    rows = admin.get("/api/v1/examples").get_json()["examples"]
    assert [(r["label"], r["category"], r["state"], r["saved_by"], r["lang"]) for r in rows] == [
        (1, None, "new", "coral-site", "nl"), (0, None, "new", "coral-site", "nl"),
        (1, "threatening", "new", "coral-site", "nl")]
    assert rows[0]["text"] == "[gebruiker] jullie zijn ratten, bel [telefoon] of kijk op [link]"
    assert rows[0]["model_version"] and 0 <= rows[0]["score"] <= 1
    # doNotStore asked by the client: answered, nothing kept
    body = {**coral_suggest("nog een zin om niet te bewaren", 1), "doNotStore": True}
    assert worker.post(f"{SUGGEST}?key={key}", json=body).status_code == 200
    assert admin.get("/api/v1/examples").get_json()["total"] == 3


@pytest.mark.parametrize(("body", "contains"), [
    (coral_suggest("hoi", 1.5), "summaryScore.value must be a number from 0 to 1"),
    (coral_suggest("hoi", "1"), "summaryScore.value must be a number from 0 to 1, not string"),
    (coral_suggest("hoi", 1, "LIKELY_TO_REJECT"), "unknown attribute"),
    (coral_suggest("hoi", 1, "PROFANITY"), "PROFANITY alone says nothing about harm"),
    ({"comment": {"text": "hoi"}}, "'attributeScores' is required"),
])
def test_suggestscore_bad_requests(feedback_app, body, contains):
    from .conftest import token_client
    worker = token_client(feedback_app, make_token(feedback_app, "w", "worker"))
    google_error(worker.post(SUGGEST, json=body), 400, contains=contains)


@pytest.mark.parametrize(("scores", "expected"), [
    ({"TOXICITY": 0.2}, (0, None)), ({"TOXICITY": 0.5}, (1, None)),
    ({"INSULT": 0.8, "THREAT": 0.6}, (1, "hurtful")), ({"IDENTITY_ATTACK": 1, "TOXICITY": 1}, (1, "discriminatory")),
    ({"THREAT": 0.4, "TOXICITY": 0.9}, (1, None)), ({"PROFANITY": 1, "TOXICITY": 0}, (0, None)),
])
def test_verdict(scores, expected):
    assert verdict(scores) == expected


def test_request_checks_as_plain_functions():
    from server.perspective import requests
    from server.perspective.errors import PerspectiveError
    asked = requests.analyze({"comment": {"text": "hoi"}, "languages": ["nl-BE", "NL", "en_GB"],
                              "requestedAttributes": {"THREAT": {"scoreThreshold": 0.25}, "INSULT": None}},
                             max_chars=10)
    assert asked.attributes == {"THREAT": 0.25, "INSULT": None} and asked.languages == ["nl", "en"]
    assert not asked.spans and asked.client_token is None
    with pytest.raises(PerspectiveError, match="at most 10"):
        requests.analyze(analyze_body("x" * 11), max_chars=10)
    with pytest.raises(PerspectiveError, match="does not support request languages: fr-FR"):
        requests.languages(["nl", "fr-FR"], ["TOXICITY"])
