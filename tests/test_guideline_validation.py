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
    (lambda d: d["outcomes"]["refer"].update(drafts=["counter_norm", "nonsense"]),
     "outcome 'refer' names unknown draft 'nonsense'"),
    (lambda d: d["outcomes"]["refer"].update(drafts=["counter_norm"]),
     "outcome 'refer' offers 1 draft"),
    (lambda d: d["outcomes"]["refer"].update(drafts=list(d["drafts"])[:5]),
     "outcome 'refer' offers 5 draft"),
    (lambda d: d["outcomes"]["refer"].update(drafts="counter_norm"),
     "outcome 'refer': 'drafts' must be a list of draft ids"),
    (lambda d: d["drafts"]["counter_norm"].update(tip="shouting"),
     "draft 'counter_norm' must name the tip it builds on; 'shouting' is not a tip"),
    (lambda d: d["drafts"]["counter_norm"]["text"].pop("en"),
     "draft 'counter_norm' text: text missing for language 'en'"),
    (lambda d: d["drafts"]["counter_norm"]["text"].update(nl="x" * 401), "has 401 characters"),
    (lambda d: d["tips"]["influencers"].update(categories=["racist"]),
     "tip 'influencers' names unknown category 'racist'"),
    (lambda d: d["outcomes"]["refer"].update(emergency="yes"),
     "outcome 'refer': 'emergency' must be true or false"),
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


EMERGENCY_CASES = [
    ({"contacts": []}, "'contacts' must be a non-empty list"),
    ({"contacts": [{"id": "acute", "phone": "een twee", "text": {"nl": "x", "en": "x"}}],
      "support": {"nl": "x", "en": "x"}}, "phone 'een twee' has no number to dial"),
    ({"contacts": [{"id": "mind", "url": "http://x.example", "text": {"nl": "x", "en": "x"}}],
      "support": {"nl": "x", "en": "x"}}, "url must start with https://"),
    ({"contacts": [{"id": "acute", "text": {"nl": "x"}}], "support": {"nl": "x", "en": "x"}},
     "contact 'acute' text: text missing for language 'en'"),
]


@pytest.mark.parametrize(("contacts", "message"), EMERGENCY_CASES)
def test_broken_emergency_contacts_are_refused(tmp_path, contacts, message):
    path = tmp_path / "contacts.json"
    path.write_text(json.dumps(contacts), encoding="utf-8")
    with pytest.raises(GuidelineError, match=f"(?s)emergency contacts {re.escape(str(path))}: .*{re.escape(message)}"):
        load_guideline(DEFAULTS["GUIDELINE_FILE"], emergency=str(path))


def test_unknown_emergency_setting_names_the_choices():
    with pytest.raises(GuidelineError, match="use one of nl, be or the path of a .json file"):
        load_guideline(DEFAULTS["GUIDELINE_FILE"], emergency="de")


def test_an_organisation_can_use_its_own_emergency_contacts(tmp_path):
    own = {"contacts": [{"id": "night", "phone": "020-1234567", "text": {"nl": "Nachtdienst", "en": "Night shift"}}],
           "support": {"nl": "Steun", "en": "Support"}}
    path = tmp_path / "contacts.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    outcome = load_guideline(DEFAULTS["GUIDELINE_FILE"], emergency=str(path)).walk(
        {"content": True, "danger": True}, "en").outcome
    assert outcome["emergency"] == {"contacts": [{"id": "night", "text": "Night shift", "phone": "020-1234567",
                                                  "url": None}], "support": "Support"}


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
