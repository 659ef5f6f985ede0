"""Fuzzing the Perspective endpoints: random bodies around Perspective's fields, random keys
and query strings, odd methods and content types. Never a 5xx; every error in Google's shape."""
from __future__ import annotations

import json
import shutil
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server import create_app

from .conftest import FIXTURES, make_token
from .fuzzing import fuzz_settings
from .test_fuzz_api import ODD_STRINGS, TRACEBACK_MARKERS, any_text, json_values

ATTRS = ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "THREAT", "PROFANITY",
         "FLIRTATION", "toxicity", "", "__proto__"]
FIELDS = ["comment", "requestedAttributes", "languages", "spanAnnotations", "doNotStore",
          "clientToken", "communityId", "context", "sessionId", "attributeScores", "text", ""]


@pytest.fixture(scope="module")
def target(tmp_path_factory, small_models_dir):
    data_dir = tmp_path_factory.mktemp("perspective-fuzz") / "data"
    data_dir.mkdir()
    shutil.copytree(small_models_dir, data_dir / "models")
    app = create_app({"TESTING": False, "DATA_DIR": str(data_dir), "PERSPECTIVE_FEEDBACK": True,
                      "TRAINING_DATA_DIR": str(FIXTURES / "training_small"),
                      "AUTH_FAILURE_LIMIT": 1_000_000})
    return app, make_token(app, "fuzz", "worker")


texts = st.sampled_from(ODD_STRINGS) | any_text
values = json_values | texts | st.floats(allow_nan=True) | st.sampled_from([0, 1, 0.5, -1, 2, True, None])
options = st.dictionaries(st.sampled_from(["scoreThreshold", "scoreType", "x"]), values, max_size=2) | values
scores = st.dictionaries(st.sampled_from(["summaryScore", "spanScores"]),
                         st.dictionaries(st.sampled_from(["value", "type"]), values, max_size=2) | values,
                         max_size=2) | values


@st.composite
def perspective_bodies(draw) -> bytes:
    body = {}
    if draw(st.integers(0, 4)):
        body["comment"] = draw(st.fixed_dictionaries({"text": texts}) | st.dictionaries(
            st.sampled_from(["text", "type", "x"]), values, max_size=3) | values)
    if draw(st.booleans()):
        body["requestedAttributes"] = draw(st.dictionaries(st.sampled_from(ATTRS), options, max_size=4) | values)
    if draw(st.booleans()):
        body["attributeScores"] = draw(st.dictionaries(st.sampled_from(ATTRS), scores, max_size=3) | values)
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        body[name] = draw(values | st.lists(st.sampled_from(["nl", "en", "nl-BE", "de", "", "EN_us"]) | texts,
                                            max_size=3))
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=60))
    return json.dumps(body).encode()


def check(resp) -> None:
    text = resp.get_data().decode("utf-8")
    assert resp.status_code < 500, (resp.status_code, text[:500])
    for marker in TRACEBACK_MARKERS:
        assert marker not in text, text[:500]
    payload = json.loads(text)
    if resp.status_code >= 400:
        error = payload["error"]
        assert isinstance(error["code"], int) and error["code"] == resp.status_code, error
        assert isinstance(error["message"], str) and error["message"] and isinstance(error["status"], str)
    else:
        assert "attributeScores" in payload or "detectedLanguages" in payload


@given(data=st.data())
@fuzz_settings
def test_fuzz_perspective(target, data):
    app, key = target
    path = data.draw(st.sampled_from(["/v1alpha1/comments:analyze", "/v1alpha1/comments:suggestscore",
                                      "/v1alpha1/comments:x", "/v1alpha1/", "/v1alpha1"]))
    key_value = data.draw(st.sampled_from([key, key[:-1], "", "rw_" + "a" * 40]) | any_text)
    quoted = quote(key_value.encode("utf-8", "surrogatepass"), safe="")
    query = data.draw(st.sampled_from([f"?key={quoted}", f"?key={key}&alt=json", f"?key={key}&key=x",
                                       "", f"?{quoted}"]))
    method = data.draw(st.sampled_from(["POST"] * 6 + ["GET", "PUT", "DELETE", "PATCH"]))
    content_type = data.draw(st.sampled_from(["application/json"] * 5
                                             + ["text/plain", "", "application/json; charset=latin-1"]))
    resp = app.test_client().open(path + query, method=method, data=data.draw(perspective_bodies()),
                                  headers={"Content-Type": content_type} if content_type else {})
    try:
        check(resp)
    finally:
        resp.close()
