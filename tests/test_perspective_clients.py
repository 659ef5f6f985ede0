"""Published Perspective clients against the production server (waitress).

* Google's API client library for Python (``google-api-python-client``), used as Perspective's
  own documentation shows, with ``discoveryServiceUrl`` pointed at this server: the one
  published client whose address can be set.
* Coral Talk's requests, field by field as coral-server/services/perspective sends them, over
  real HTTP with the key in the query string.

The npm ``perspective-api-client`` and PyPI ``perspective`` packages cannot be pointed at us:
both have Google's address written into their code (README, Replacing Perspective).
"""
from __future__ import annotations

import json
import urllib.request

import pytest
from googleapiclient import discovery, errors

from .conftest import make_token
from .serving import waitress_in_thread


@pytest.fixture
def served(app_config):
    from server import create_app
    app = create_app({**app_config, "TESTING": False, "PERSPECTIVE_FEEDBACK": True})
    key = make_token(app, "coral", "worker")
    with waitress_in_thread(app) as server:
        yield f"http://127.0.0.1:{server.effective_port}", key, app


def google_client(base: str, key: str):
    # As in Perspective's Python sample, with our address instead of Google's.
    return discovery.build("commentanalyzer", "v1alpha1", developerKey=key,
                           discoveryServiceUrl=f"{base}/$discovery/rest?version=v1alpha1",
                           static_discovery=False, cache_discovery=False)


def test_googles_python_client_analyzes_dutch_and_english(served):
    base, key, _app = served
    scores = {}
    with google_client(base, key) as client:
        for text in ("jullie moslims zijn ratten en moeten allemaal weg uit dit land",
                     "wat een mooie dag vandaag in het park met de kinderen",
                     "you muslims are rats and should all be sent away",
                     "what a lovely day in the park with the children today"):
            answer = client.comments().analyze(body={
                "comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}, "THREAT": {}},
                "languages": ["nl", "en"]}).execute()
            scores[text] = answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"]
            assert answer["attributeScores"]["THREAT"]["summaryScore"]["type"] == "PROBABILITY"
    harmful, harmless, harmful_en, harmless_en = scores.values()
    assert harmful > 0.5 > harmless and harmful_en > 0.5 > harmless_en


def test_googles_python_client_sees_perspectives_errors(served):
    base, key, _app = served
    with google_client(base, key) as client, pytest.raises(errors.HttpError) as caught:
        client.comments().analyze(body={"comment": {"text": "hoi"},
                                        "requestedAttributes": {"SEXUALLY_EXPLICIT": {}}}).execute()
    assert caught.value.resp.status == 400
    assert json.loads(caught.value.content)["error"]["status"] == "INVALID_ARGUMENT"
    # The discovery document needs a token too; a client built from it with a wrong key is refused.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{base}/$discovery/rest?version=v1alpha1", timeout=30)
    assert refused.value.code == 401
    refused.value.close()
    with urllib.request.urlopen(f"{base}/$discovery/rest?version=v1alpha1&key={key}", timeout=30) as found:
        document = found.read().decode()
    with discovery.build_from_document(document, developerKey="rw_" + "x" * 40) as client, \
            pytest.raises(errors.HttpError) as caught:
        client.comments().analyze(body={
            "comment": {"text": "hoi"}, "requestedAttributes": {"TOXICITY": {}}}).execute()
    assert caught.value.resp.status == 401


def test_googles_python_client_suggests_a_score(served):
    base, key, app = served
    with google_client(base, key) as client:
        answer = client.comments().suggestscore(body={
            "comment": {"text": "ik maak je af, ik weet waar je woont"},
            "attributeScores": {"THREAT": {"summaryScore": {"value": 1}}}, "clientToken": "t1"}).execute()
    assert answer["clientToken"] == "t1"
    from server.database import get_db
    from server.storage import examples
    with app.app_context():
        assert [(r["label"], r["category"], r["state"]) for r in examples.all_rows(get_db())] == [
            (1, "threatening", "new")]


def post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_coral_talk_requests_field_by_field(served):
    base, key, app = served
    # analyze: what Coral sends for a new comment (model TOXICITY, doNotStore on, the site's language)
    status, answer = post(f"{base}/v1alpha1/comments:analyze?key={key}", {
        "comment": {"text": "kankerlijer, ik maak je af"}, "doNotStore": True,
        "requestedAttributes": {"TOXICITY": {}}, "languages": ["nl"]})
    assert status == 200, answer
    # Coral reads attributeScores[model].summaryScore.value and compares it with its threshold.
    assert 0 <= answer["attributeScores"]["TOXICITY"]["summaryScore"]["value"] <= 1
    # suggestscore: what Coral sends after a moderator rejects (1) or approves (0) a comment
    for text, value in (("kankerlijer, ik maak je af", 1), ("goed stuk, dank voor het uitzoeken", 0)):
        status, answer = post(f"{base}/v1alpha1/comments:suggestscore?key={key}", {
            "comment": {"text": text}, "attributeScores": {"TOXICITY": {"summaryScore": {"value": value}}},
            "languages": ["nl"], "clientToken": "5f0c2a"})
        assert status == 200, answer
        assert answer["clientToken"] == "5f0c2a"
    from server.database import get_db
    from server.storage import examples
    with app.app_context():
        assert [(r["label"], r["state"], r["saved_by"]) for r in examples.all_rows(get_db())] == [
            (1, "new", "coral"), (0, "new", "coral")]
