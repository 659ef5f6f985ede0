"""/api/v1/examples: saving (scrubbed, once), reviewing, relabelling and erasing examples."""
import logging
from pathlib import Path

import pytest

from server.api import examples_validation as check

GOOD = {"text": "Ga terug naar je eigen land @jan_v, bel 06-12345678", "label": 1,
        "category": "discriminatory", "lang": "nl", "score": 0.91,
        "model_version": "20261123T235959Z-1a2b3c4d"}

BOTH_BACKENDS = True


def save(client, **changes):
    return client.post("/api/v1/examples", json={**GOOD, **changes})


def test_a_worker_saves_a_scrubbed_example(client, admin_client):
    resp = save(client)
    assert resp.status_code == 201
    body = resp.get_json()
    assert body["created"] is True and isinstance(body["id"], int)
    assert resp.headers["Location"].endswith(f"/api/v1/examples/{body['id']}")

    stored = admin_client.get(f"/api/v1/examples/{body['id']}").get_json()
    assert stored["text"] == "Ga terug naar je eigen land [gebruiker], bel [telefoon]"
    assert {k: stored[k] for k in ("label", "category", "lang", "score", "model_version", "state",
                                   "saved_by")} == {
        "label": 1, "category": "discriminatory", "lang": "nl", "score": 0.91,
        "model_version": GOOD["model_version"], "state": "new", "saved_by": "test-worker"}
    assert stored["created_at"].endswith("Z")


def test_the_same_scrubbed_text_and_label_is_stored_once(client, admin_client):
    first = save(client).get_json()
    # Another mention and number scrub to the same text; extra white space does not count.
    again = save(client, text="Ga terug naar  je eigen land @piet, bel 0612345678 ")
    assert again.status_code == 200
    assert again.get_json() == {"id": first["id"], "created": False}
    other_label = save(client, label=0, category=None)
    assert other_label.status_code == 201
    assert admin_client.get("/api/v1/examples").get_json()["total"] == 2


@pytest.mark.parametrize("text, lang", [
    ("Rot toch op met je domme praatjes", "nl"),
    ("wat een sukkel", "nl"),
    ("Get lost with your stupid talk", "en"),
    ("nobody wants you here", "en"),
])
def test_without_lang_the_posts_own_language_is_stored(client, admin_client, text, lang):
    # The popup sends no 'lang' unless the worker chose one: a Dutch post saved from the English
    # screen is stored as Dutch.
    resp = client.post("/api/v1/examples", json={"text": text, "label": 0})
    assert resp.status_code == 201, resp.get_json()
    assert admin_client.get(f"/api/v1/examples/{resp.get_json()['id']}").get_json()["lang"] == lang


def test_short_posts_language_recognised():
    """The measurement of server/learning/language.py's docstring, kept honest: every one of the
    hand-written short posts is recognised."""
    import csv

    from server.learning.language import detect
    with (Path(__file__).parent / "fixtures" / "short_posts_lang.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 40
    wrong = [r["text"] for r in rows if detect(r["text"]) != r["lang"]]
    assert wrong == []
    assert detect("😀 !!") == "nl"  # no letters: the first language, not an error


def test_a_reviewer_corrects_the_language(client, admin_client):
    example_id = save(client, lang="en").get_json()["id"]
    resp = admin_client.patch(f"/api/v1/examples/{example_id}", json={"lang": "nl"})
    assert resp.status_code == 200
    assert resp.get_json()["lang"] == "nl"
    assert admin_client.get(f"/api/v1/examples/{example_id}").get_json()["lang"] == "nl"
    bad = admin_client.patch(f"/api/v1/examples/{example_id}", json={"lang": "de"})
    assert (bad.status_code, bad.get_json()["error"]["code"]) == (400, "invalid_lang")


def test_optional_fields_may_be_left_out(client):
    resp = client.post("/api/v1/examples", json={"text": "Fijne dag", "label": 0, "lang": "en"})
    assert resp.status_code == 201


@pytest.mark.parametrize("body, status, code", [
    ({**GOOD, "text": ""}, 400, "invalid_text"),
    ({**GOOD, "text": "   "}, 400, "invalid_text"),
    ({**GOOD, "text": 5}, 400, "invalid_text"),
    ({k: v for k, v in GOOD.items() if k != "text"}, 400, "invalid_text"),
    ({**GOOD, "text": "x" * 5001}, 400, "invalid_text"),
    ({**GOOD, "label": 2}, 400, "invalid_label"),
    ({**GOOD, "label": True}, 400, "invalid_label"),
    ({**GOOD, "label": 1.0}, 400, "invalid_label"),
    ({**GOOD, "label": "1"}, 400, "invalid_label"),
    ({**GOOD, "label": [1]}, 400, "invalid_label"),
    ({k: v for k, v in GOOD.items() if k != "label"}, 400, "invalid_label"),
    ({**GOOD, "category": "rude"}, 400, "invalid_category"),
    ({**GOOD, "category": {"a": 1}}, 400, "invalid_category"),
    ({**GOOD, "label": 0}, 400, "invalid_category"),
    ({**GOOD, "lang": "de"}, 400, "invalid_lang"),
    ({**GOOD, "lang": ""}, 400, "invalid_lang"),
    ({**GOOD, "score": 1.5}, 400, "invalid_score"),
    ({**GOOD, "score": -0.1}, 400, "invalid_score"),
    ({**GOOD, "score": "0.5"}, 400, "invalid_score"),
    ({**GOOD, "score": True}, 400, "invalid_score"),
    ({**GOOD, "model_version": "../../etc"}, 400, "invalid_model_version"),
    ({**GOOD, "model_version": 3}, 400, "invalid_model_version"),
    ({**GOOD, "extra": 1}, 400, "invalid_extra"),
])
def test_invalid_examples_get_400_naming_the_field(client, body, status, code):
    resp = client.post("/api/v1/examples", json=body)
    assert resp.status_code == status
    assert resp.get_json()["error"]["code"] == code


@pytest.mark.parametrize("kwargs, status", [
    ({"data": "not json", "content_type": "application/json"}, 400),
    ({"data": "text=x", "content_type": "application/x-www-form-urlencoded"}, 415),
    ({"json": ["a list"]}, 400),
    ({"data": "x" * 70_000, "content_type": "application/json"}, 413),
])
def test_bodies_that_are_not_a_json_object_get_4xx(client, kwargs, status):
    assert client.post("/api/v1/examples", **kwargs).status_code == status


def test_post_texts_are_never_logged(client, admin_client, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Geheim zinnetje dat nergens mag verschijnen"
    example_id = save(client, text=secret).get_json()["id"]
    admin_client.patch(f"/api/v1/examples/{example_id}", json={"state": "accepted"})
    admin_client.delete(f"/api/v1/examples/{example_id}")
    assert caplog.records, "expected the example's id and length in the log"
    assert all("Geheim" not in record.getMessage() for record in caplog.records)


def test_admin_lists_examples_by_state_one_page_at_a_time(client, admin_client):
    ids = [save(client, text=f"bericht nummer {n}").get_json()["id"] for n in range(5)]
    admin_client.patch(f"/api/v1/examples/{ids[1]}", json={"state": "accepted"})
    admin_client.patch(f"/api/v1/examples/{ids[2]}", json={"state": "rejected"})

    page = admin_client.get("/api/v1/examples?per_page=2").get_json()
    assert (page["total"], page["pages"], page["page"], page["next_page"]) == (5, 3, 1, 2)
    assert [e["id"] for e in page["examples"]] == ids[:2]
    follow = admin_client.get(page["next"]).get_json()
    assert [e["id"] for e in follow["examples"]] == ids[2:4]
    last = admin_client.get("/api/v1/examples?per_page=2&page=3").get_json()
    assert last["next_page"] is None and last["next"] is None

    new = admin_client.get("/api/v1/examples?state=new").get_json()
    assert [e["id"] for e in new["examples"]] == [ids[0], ids[3], ids[4]]
    accepted = admin_client.get("/api/v1/examples?state=accepted").get_json()
    assert [e["id"] for e in accepted["examples"]] == [ids[1]]
    assert accepted["examples"][0]["reviewed_by"] == "test-admin"


@pytest.mark.parametrize("query, code", [
    ("state=maybe", "invalid_state"),
    ("page=0", "invalid_page"),
    ("page=-1", "invalid_page"),
    ("page=abc", "invalid_page"),
    ("page=99999999999999999999999", "invalid_page"),
    ("per_page=1000", "invalid_per_page"),
])
def test_bad_list_parameters_get_400(admin_client, query, code):
    resp = admin_client.get(f"/api/v1/examples?{query}")
    assert resp.status_code == 400
    assert resp.get_json()["error"]["code"] == code


def test_admin_reviews_and_relabels(client, admin_client):
    example_id = save(client).get_json()["id"]
    resp = admin_client.patch(f"/api/v1/examples/{example_id}",
                              json={"state": "accepted", "category": "hurtful"})
    assert resp.status_code == 200
    assert (resp.get_json()["state"], resp.get_json()["category"]) == ("accepted", "hurtful")
    relabelled = admin_client.patch(f"/api/v1/examples/{example_id}", json={"label": 0}).get_json()
    assert (relabelled["label"], relabelled["category"], relabelled["state"]) == (0, None, "accepted")


@pytest.mark.parametrize("body, status, code", [
    ({}, 400, "invalid_state"),
    ({"state": "approved"}, 400, "invalid_state"),
    ({"label": 3}, 400, "invalid_label"),
    ({"label": 0, "category": "hurtful"}, 400, "invalid_category"),
    ({"text": "anders"}, 400, "invalid_text"),
])
def test_bad_changes_get_400(client, admin_client, body, status, code):
    example_id = save(client).get_json()["id"]
    resp = admin_client.patch(f"/api/v1/examples/{example_id}", json=body)
    assert (resp.status_code, resp.get_json()["error"]["code"]) == (status, code)


def test_a_category_on_a_label_0_example_is_refused(client, admin_client):
    example_id = save(client, label=0, category=None).get_json()["id"]
    resp = admin_client.patch(f"/api/v1/examples/{example_id}", json={"category": "hurtful"})
    assert resp.status_code == 400
    assert "fits only label 1" in resp.get_json()["error"]["message"]


def test_relabelling_onto_a_twin_is_a_conflict(client, admin_client):
    one = save(client).get_json()["id"]
    zero = save(client, label=0, category=None).get_json()["id"]
    resp = admin_client.patch(f"/api/v1/examples/{zero}", json={"label": 1})
    assert resp.status_code == 409
    assert f"example {one} already has this text and label" in resp.get_json()["error"]["message"]


def test_unknown_examples_get_404(admin_client):
    for method in ("GET", "PATCH", "DELETE"):
        resp = admin_client.open("/api/v1/examples/999", method=method, json={"state": "accepted"})
        assert resp.status_code == 404
        assert resp.get_json()["error"]["message"] == "there is no example 999"


def test_erasure_removes_the_text_from_the_database_files(app, client, admin_client, data_dir,
                                                         backend, request):
    marker = "Uniekwoord Zwxqplorp moet echt weg"
    example_id = save(client, text=marker).get_json()["id"]
    save(client, text="dit voorbeeld blijft staan")
    resp = admin_client.delete(f"/api/v1/examples/{example_id}")
    assert resp.status_code == 200
    assert resp.get_json() == {"id": example_id, "erased": True, "log_emptied": True,
                               "versions_carrying": [], "message": f"example {example_id} erased "
                               "from the database"}
    assert admin_client.get(f"/api/v1/examples/{example_id}").status_code == 404
    assert admin_client.delete(f"/api/v1/examples/{example_id}").status_code == 404
    assert admin_client.get("/api/v1/examples").get_json()["total"] == 1
    if backend == "sqlite":
        files = [p for p in Path(data_dir).glob("reageerwijzer.sqlite3*") if p.is_file()]
    else:
        # The table, its TOAST table and indexes after VACUUM; the WAL keeps a copy until its
        # segments are recycled (README, "Erasure on PostgreSQL").
        files = request.getfixturevalue("postgres_cluster").table_files(
            app.config["DATABASE"], "examples")
    assert files
    for path in files:
        assert b"Zwxqplorp" not in path.read_bytes(), f"erased text still in {path.name}"


@pytest.mark.parametrize("args, expected", [
    ({}, (1, 20)),
    ({"page": "3", "per_page": "100"}, (3, 100)),
    ({"page": ""}, (1, 20)),
])
def test_page_args(args, expected):
    assert check.page_args(args) == expected


@pytest.mark.parametrize("args, match", [
    ({"page": "²"}, "'page' must be a whole number"),
    ({"per_page": "101"}, "'per_page' must be a whole number from 1 to 100"),
])
def test_page_args_refused(args, match):
    with pytest.raises(check.InvalidExample, match=match):
        check.page_args(args)
