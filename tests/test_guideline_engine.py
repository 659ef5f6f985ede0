"""The guideline engine on the shipped guideline file, without Flask."""
import pytest

from server.config import DEFAULTS
from server.guideline import AnswerError, load_guideline

from .guideline_paths import PATHS


@pytest.fixture(scope="module")
def guideline():
    return load_guideline(DEFAULTS["GUIDELINE_FILE"])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("answers", "outcome"), PATHS)
def test_every_path_ends_in_its_outcome(guideline, answers, outcome, lang):
    advice = guideline.walk(answers, lang)
    assert advice.complete
    assert advice.outcome["id"] == outcome
    assert advice.path == list(answers)
    assert advice.next_question is None
    assert advice.outcome["title"] and advice.outcome["advice"]
    # A harmless post gets no don'ts about handling hate.
    assert len(advice.donts) == (0 if outcome == "monitor" else 6)


def test_a_harmless_post_needs_nothing_now_and_gets_no_hate_tips(guideline):
    advice = guideline.walk({"content": False, "misinformation": False}, "en")
    assert advice.outcome["title"] == "Nothing to do now"
    assert "look again" in advice.outcome["advice"]
    assert advice.tips == [] and advice.donts == []
    assert advice.outcome["follow_up"] is True


def test_tips_for_one_kind_of_harm_are_left_out_for_another(guideline):
    answers = {"content": True, "danger": False, "real_person": True, "known": False}
    ids = lambda category: [t["id"] for t in guideline.walk(answers, "nl", category).tips]  # noqa: E731
    assert "influencers" in ids(None) and "influencers" in ids("discriminatory")
    assert "influencers" not in ids("hurtful") and ids("hurtful")


@pytest.mark.parametrize(("region", "numbers", "reporting"), [
    ("nl", ["112", "0900-8844"], ["https://www.mindmeldpunt.nl", "https://www.discriminatie.nl"]),
    ("be", ["112"], ["https://www.unia.be"]),
])
def test_the_refer_outcome_carries_the_emergency_route(region, numbers, reporting):
    g = load_guideline(DEFAULTS["GUIDELINE_FILE"], emergency=region)
    for lang in ("nl", "en"):
        emergency = g.walk({"content": True, "danger": True}, lang).outcome["emergency"]
        assert [c["phone"] for c in emergency["contacts"] if c["phone"]] == numbers
        assert [c["url"] for c in emergency["contacts"] if c["url"]] == reporting
        assert "112" in emergency["contacts"][0]["text"]
        assert emergency["support"]
    assert g.walk({"content": False, "misinformation": True}, "nl").outcome["emergency"] is None
    assert load_guideline(DEFAULTS["GUIDELINE_FILE"], emergency=None).walk(
        {"content": True, "danger": True}, "nl").outcome["emergency"] is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_counter_outcomes_offer_two_to_four_drafts_built_on_tips(guideline, lang):
    for answers in (dict(PATHS[4][0]), dict(PATHS[5][0])):
        drafts = guideline.walk(answers, lang).outcome["drafts"]
        assert 2 <= len(drafts) <= 4
        assert all(d["text"] and d["tip"] in guideline.doc["tips"] for d in drafts)
    assert guideline.walk({"content": True, "danger": True}, lang).outcome["drafts"] == []


@pytest.mark.parametrize(("answers", "outcome"), PATHS)
def test_each_step_asks_the_next_question_on_the_path(guideline, answers, outcome):
    ids = list(answers)
    for i, qid in enumerate(ids):
        partial = {q: answers[q] for q in ids[:i]}
        advice = guideline.walk(partial, "nl")
        assert not advice.complete
        assert advice.next_question["id"] == qid
        assert advice.path == ids[: i + 1]


def test_first_question_is_prefilled_by_the_classifier(guideline):
    assert guideline.walk({}, "en").next_question == {
        "id": "content", "text": "Is the post discriminatory, hurtful or threatening?",
        "help": guideline.questions["content"]["help"]["en"], "prefill": "classifier"}


def test_languages_give_different_texts(guideline):
    nl = guideline.walk({"content": True, "danger": True}, "nl").outcome
    en = guideline.walk({"content": True, "danger": True}, "en").outcome
    assert nl["id"] == en["id"] == "refer"
    assert nl["title"] != en["title"]
    assert en["show_chain_partners"] is True


def test_tips_fit_the_outcome(guideline):
    advice = guideline.walk(dict(PATHS[5][0]), "nl")
    assert [t["id"] for t in advice.tips] == ["empathy", "same", "group_norm"]
    assert guideline.walk({"content": True, "danger": True}, "nl").tips == []


def test_harmful_post_on_wrong_information_also_gets_the_correction_addendum(guideline):
    answers = {"content": True, "danger": False, "real_person": False}
    plain = guideline.walk(answers, "en")
    assert [q["id"] for q in plain.optional_questions] == ["misinformation"]
    assert plain.outcome["addenda"] == []
    with_misinfo = guideline.walk({**answers, "misinformation": True}, "en")
    assert with_misinfo.outcome["id"] == "ignore_or_report"
    assert len(with_misinfo.outcome["addenda"]) == 1
    assert "incorrect information" in with_misinfo.outcome["addenda"][0]


@pytest.mark.parametrize(("answers", "message"), [
    ({"mood": True}, "unknown question 'mood'"),
    ({"content": "yes"}, "must be true or false"),
    ({"content": 1}, "must be true or false"),
    ({"danger": True}, "'danger' is not on the path"),
    ({"content": False, "danger": True}, "'danger' is not on the path"),
    ({"content": False, "misinformation": False, "known": True}, "'known' is not on the path"),
])
def test_bad_answers_are_refused_with_a_message(guideline, answers, message):
    with pytest.raises(AnswerError, match=message):
        guideline.walk(answers, "nl")


def test_unknown_language_is_refused(guideline):
    with pytest.raises(AnswerError, match="unknown language 'de'"):
        guideline.walk({}, "de")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_describe_holds_the_whole_tree(guideline, lang):
    doc = guideline.describe(lang)
    assert set(doc["questions"]) == {"content", "misinformation", "danger", "real_person", "known",
                                     "influence"}
    assert set(doc["outcomes"]) == {"monitor", "correct_or_report", "refer", "ignore_or_report",
                                    "private_conversation", "moderate_and_counter"}
    assert doc["questions"]["content"]["yes"] == "danger"
    assert len(doc["tips"]) == 5 and len(doc["donts"]) == 6
