"""The training data keeps the shape the model and the issue rely on."""
import csv
import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "training_data"
CATEGORIES = {"discriminatory", "hurtful", "threatening"}


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def rows():
    return [row for path in sorted(DATA.glob("*.csv")) for row in read(path)]


def test_every_row_is_well_formed(rows):
    for row in rows:
        assert row["text"].strip(), row
        assert row["label"] in {"0", "1"}, row
        assert row["lang"] in {"nl", "en"}, row
        assert row["source"] in {"handwritten", "generated"}, row
        if row["label"] == "1":
            assert row["category"] in CATEGORIES, row
        else:
            assert row["category"] == "none", row


def test_size_and_balance(rows):
    langs = Counter(r["lang"] for r in rows)
    labels = Counter(r["label"] for r in rows)
    cats = Counter(r["category"] for r in rows if r["label"] == "1")
    assert len(rows) >= 3000 and langs["nl"] >= 2000
    assert min(labels.values()) >= 0.35 * len(rows)
    assert all(cats[c] >= 0.15 * labels["1"] for c in CATEGORIES)


def test_hard_negatives_are_present_in_quantity(rows):
    kinds = Counter(r["kind"] for r in rows if r["label"] == "0")
    for kind in ("counter_speech", "negation", "neutral_mention", "positive_mention",
                 "political_criticism", "profanity_untargeted", "misinformation", "banter"):
        assert kinds[kind] >= 30, (kind, kinds[kind])


def test_no_duplicate_texts(rows):
    texts = Counter(r["text"].strip().lower() for r in rows)
    assert [t for t, n in texts.items() if n > 1] == []


def test_regression_set_is_never_trained_on(rows):
    held_out = read(DATA / "regression" / "regression.csv")
    assert len(held_out) >= 300
    trained = {r["text"].strip().lower() for r in rows}
    assert [r["text"] for r in held_out if r["text"].strip().lower() in trained] == []


GENERATED = ("generated.csv", "generated_contrasts_en.csv", "generated_contrasts_nl.csv",
             "generated_balance.csv")


def test_generated_rows_repeat_no_other_text_as_the_model_reads_it():
    # The model drops a row whose normalised text it has seen; a generated repeat is a wasted row,
    # and a repeat of a held-out row would train on the regression set.
    from model import normalize
    others = [p for p in sorted(DATA.glob("*.csv")) if p.name not in GENERATED]
    others += sorted((DATA / "regression").glob("*.csv"))
    seen = {normalize(r["text"]) for p in others for r in read(p)}
    repeats = []
    for name in GENERATED:
        for row in read(DATA / name):
            key = normalize(row["text"])
            if key in seen:
                repeats.append((name, row["text"]))
            seen.add(key)
    assert repeats == []


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """Every generated CSV, built again from the lexicons and templates into a temporary folder."""
    out = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "training_data.build", "--out", str(out)], check=True,
                   capture_output=True, cwd=DATA.parent)
    return out


@pytest.mark.parametrize("output", GENERATED)
def test_generated_files_are_rebuilt_byte_for_byte(rebuilt, output):
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    assert digest(rebuilt / output) == digest(DATA / output)
