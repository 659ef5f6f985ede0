"""Helpers for the console in a real Chromium (the fixtures are in conftest.py): seeded
examples, a second model version, signing in. Used by test_console.py and test_console_screens.py."""
from __future__ import annotations

from dataclasses import dataclass

from server.database import get_db
from server.learning import examples
from server.learning.examples import NewExample
from server.storage import examples as example_rows

VIEWPORT = {"width": 1280, "height": 900}
TEAMS = ("buurtteam-noord", "jongerenwerk-west", "straatcoach-oost")
# Invented posts for the queue: harmful and harmless, Dutch and English.
HARMFUL_NL = ["Die lui uit de flat moeten allemaal oprotten, smerig volk",
              "Ik weet waar je woont, kijk maar uit vanavond",
              "Wat ben jij een waardeloze loser, niemand mag je",
              "Dat soort mensen hoort hier niet, stuur ze terug"]
HARMLESS_NL = ["Morgen is de buurtbarbecue bij het speelveld, iedereen welkom",
               "Ik vond de wedstrijd gisteren echt spannend",
               "Wie heeft er nog een fietspomp te leen?",
               "Mooi initiatief van het jongerencentrum deze week"]
HARMFUL_EN = ["People like you should get out of this town for good",
              "I will find you after school and you will regret it"]
HARMLESS_EN = ["The community garden opens again on Saturday",
               "Thanks everyone for helping with the cleanup"]


@dataclass
class Console:
    app: object
    url: str
    admin: str
    worker: str
    server: object

    def db(self, sql: str, *args):
        with self.app.app_context():
            return [dict(r) for r in get_db().execute(sql, args).fetchall()]

    def example(self, example_id: int) -> dict:
        with self.app.app_context():
            return example_rows.get(get_db(), example_id)

    @property
    def store(self):
        return self.app.extensions["model_store"]


def seed_examples(app, count: int = 36) -> list[int]:
    """Examples in both languages from three teams, some where the worker overruled the model."""
    pools = [(HARMFUL_NL, 1, "nl"), (HARMLESS_NL, 0, "nl"), (HARMFUL_EN, 1, "en"), (HARMLESS_EN, 0, "en")]
    version = app.extensions["model_store"].active_version
    ids = []
    with app.app_context():
        conn = get_db()
        for i in range(count):
            texts, label, lang = pools[i % len(pools)]
            text = f"{texts[i % len(texts)]} ({i + 1})"
            # Every fifth example: the model said the opposite of the worker.
            agrees = i % 5 != 0
            score = (0.85 if label else 0.12) if agrees else (0.2 if label else 0.9)
            ids.append(examples.add(conn, NewExample(
                text=text, label=label, lang=lang, category="hurtful" if label else None,
                score=score, model_version=version), saved_by=TEAMS[i % len(TEAMS)])[0])
    return ids


def second_version(app) -> str:
    """Add an inactive model version (trained on the same small data) to roll back to."""
    from server.learning.model_store import evaluated, train_from
    store = app.extensions["model_store"]
    return store.add(evaluated(train_from(app.config["TRAINING_DATA_DIR"]), app.config["REGRESSION_SET"]))


def sign_in(page, console: Console, *, lang: str = "nl", token: str | None = None, target: str = "/console/") -> None:
    page.goto(f"/console/signin?lang={lang}&next={target}")
    page.fill("#token", token or console.admin)
    page.click("button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")


def ready(page) -> None:
    page.wait_for_selector("body[data-ready='1']")
