"""A broken guideline file stops the engine (and so the server) with a message naming the fault."""
import copy
import json
import re

import pytest

from server import create_app
from server.config import DEFAULTS
from server.guideline import GuidelineError, load_guideline

from .conftest import make_token, token_client


@pytest.fixture
def doc():
    with open(DEFAULTS["GUIDELINE_FILE"], encoding="utf-8") as f:
        return json.load(f)


def write(tmp_path, doc):
    path = tmp_path / "guideline.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def broken(doc, change):
    doc = copy.deepcopy(doc)
    change(doc)
    return doc


CASES = [
    (lambda d: d["questions"]["known"].update(yes="nowhere"),
     "question 'known': 'yes' leads to unknown node 'nowhere'"),
    (lambda d: d["questions"]["influence"].update(no="danger"), "cycle: danger -> real_person"),
    (lambda d: d["outcomes"]["refer"]["advice"].pop("en"), "outcome 'refer' advice: text missing for language 'en'"),
    (lambda d: d["questions"]["danger"]["text"].update(nl="  "),
     "question 'danger' text: text missing for language 'nl'"),
    (lambda d: d["outcomes"].update(extra={"title": {"nl": "x", "en": "x"}, "advice": {"nl": "x", "en": "x"}}),
     "outcome 'extra' cannot be reached"),
    (lambda d: d["outcomes"]["monitor"]["tips"].append("nonsense"), "names unknown tip 'nonsense'"),
    (lambda d: d.update(start="welcome"), "start 'welcome' is not a question"),
    (lambda d: d["tips"]["same"]["title"].pop("nl"), "tip 'same' title: text missing for language 'nl'"),
    (lambda d: d.update(donts=[]), "'donts' must be a non-empty list"),
    (lambda d: d["addenda"][0]["when"].update(weather=True), "addendum #1 depends on unknown question 'weather'"),
    # Badly shaped parts are reported like every other problem, not met with a crash.
    (lambda d: d["addenda"].append("zet het ook recht"), "addendum #2 must be an object"),
    (lambda d: d.update(addenda={"also": "x"}), "'addenda' must be a list"),
    (lambda d: d["addenda"][0].update(when=["content"]),
     "addendum #1: 'when' must be an object of question id -> true/false"),
    (lambda d: d["questions"]["known"].update(yes=["real_person", "danger"]),
     "question 'known': 'yes' leads to unknown node ['real_person', 'danger']"),
    (lambda d: d.update(start=["content"]), "start ['content'] is not a question"),
    (lambda d: d["optional_questions"].update(misinformation="ja"),
     "optional question 'misinformation' must be an object"),
    (lambda d: d.update(optional_questions=["misinformation"]),
     "'optional_questions' must be an object of question id -> question"),
    (lambda d: d["optional_questions"]["misinformation"].update(after="content"),
     "optional question 'misinformation': 'after' must be an object of question id -> true/false"),
    (lambda d: d["outcomes"]["monitor"].update(tips="same"), "outcome 'monitor': 'tips' must be a list of tip ids"),
    (lambda d: d["outcomes"]["monitor"].update(tips=[["same"]]), "outcome 'monitor': 'tips' must be a list of tip ids"),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_broken_guideline_is_refused(tmp_path, doc, change, message):
    with pytest.raises(GuidelineError, match=re.escape(message)):
        load_guideline(write(tmp_path, broken(doc, change)))


def test_all_problems_are_listed_at_once(tmp_path, doc):
    def two_faults(d):
        d["questions"]["known"]["yes"] = "nowhere"
        d["outcomes"]["refer"]["title"].pop("nl")
    with pytest.raises(GuidelineError) as info:
        load_guideline(write(tmp_path, broken(doc, two_faults)))
    assert "'nowhere'" in str(info.value) and "outcome 'refer' title" in str(info.value)


def test_invalid_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GuidelineError, match="is not valid JSON"):
        load_guideline(bad)
    with pytest.raises(GuidelineError, match="guideline file not found"):
        load_guideline(tmp_path / "missing.json")


def test_server_refuses_to_start_on_a_broken_guideline(tmp_path, doc, app_config):
    path = write(tmp_path, broken(doc, lambda d: d["questions"]["known"].update(no="gone")))
    with pytest.raises(GuidelineError, match="'no' leads to unknown node 'gone'"):
        create_app({**app_config, "GUIDELINE_FILE": str(path)})


def test_an_organisation_can_reword_the_guideline(tmp_path, doc, app_config):
    doc["outcomes"]["monitor"]["title"]["nl"] = "Houd het in de gaten"
    app = create_app({**app_config, "GUIDELINE_FILE": str(write(tmp_path, doc))})
    client = token_client(app, make_token(app, "worker", "worker"))
    resp = client.post("/api/v1/advice", json={"answers": {"content": False, "misinformation": False}})
    assert resp.get_json()["outcome"]["title"] == "Houd het in de gaten"
