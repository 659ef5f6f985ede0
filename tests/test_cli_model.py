"""`reageerwijzer train`, `evaluate` and `predict`, run in-process through main(argv)."""
import io
import json

import pytest

from server.cli import main

from .conftest import FIXTURES


@pytest.fixture
def env(monkeypatch, data_dir):
    """The CLI's configuration: a data folder holding the session's small model."""
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    monkeypatch.setenv("REAGEERWIJZER_TRAINING_DATA_DIR", str(FIXTURES / "training_small"))
    monkeypatch.setenv("REAGEERWIJZER_REGRESSION_SET", str(FIXTURES / "retrain" / "regression.csv"))
    return data_dir


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def active(data_dir):
    return (data_dir / "models" / "ACTIVE").read_text().strip()


# -- train ----------------------------------------------------------------------------------------

def test_train_reports_cross_validation_and_activates_a_new_version(env, capsys):
    before = active(env)
    status, out, err = run(capsys, "train", "--folds", "2")
    assert status == 0
    for step in ("loading training data", "cross-validation fold 1/2", "cross-validation fold 2/2",
                 "fitting on", "saving into"):
        assert step in err
    assert "accuracy" in out and "macro-F1" in out
    version = active(env)
    assert version != before and f"activated model version {version}" in out
    sidecar = json.loads((env / "models" / version / "model.json").read_text())
    assert sidecar["metrics"]["cross_validation"]["folds"] == 2


def test_train_json_and_no_cross_validation(env, capsys, tmp_path):
    data = tmp_path / "train"
    data.mkdir()
    (data / "a.csv").write_text((FIXTURES / "training_small" / "train.csv").read_text())
    status, out, _ = run(capsys, "train", "--data", str(data), "--folds", "0", "--json")
    assert status == 0
    result = json.loads(out)
    assert result["cross_validation"] is None and result["version"] == active(env)
    assert result["examples"] > 150 and 0 < result["threshold"] < 1


@pytest.mark.parametrize(("argv", "message"), [
    (["--folds", "1"], "--folds must be 0"),
    (["--data", "/nonexistent/folder"], "does not exist"),
])
def test_train_errors(env, capsys, argv, message):
    status, _, err = run(capsys, "train", *argv)
    assert status == 2 and message in err and "Traceback" not in err


def test_train_names_a_bad_row(env, capsys, tmp_path):
    (tmp_path / "bad.csv").write_text("text,label,category,lang,source,kind\nhallo,7,none,nl,t,k\n")
    status, _, err = run(capsys, "train", "--data", str(tmp_path))
    assert status == 2 and "bad.csv line 2" in err


# -- evaluate -------------------------------------------------------------------------------------

SUITE = """case,verdict,functionality
Ik steek je neer,hateful,threat
Ik weet waar je woont en ik kom je halen,hateful,threat
Mooi weer vandaag,non-hateful,chat
"Wie gaat er zaterdag mee, naar de markt?",non-hateful,chat
"""


def test_evaluate_with_word_labels_and_functionalities(env, capsys, tmp_path):
    suite = tmp_path / "suite.csv"
    suite.write_text(SUITE)
    status, out, _ = run(capsys, "evaluate", str(suite), "--text-column", "case",
                         "--label-column", "verdict", "--json")
    assert status == 0
    metrics = json.loads(out)
    assert metrics["examples"] == 4
    assert set(metrics["by_group"]) == {"threat", "chat"}
    assert metrics["by_group"]["threat"]["examples"] == 2
    assert len(metrics["confusion_matrix"]) == 2 and metrics["model_version"] == active(env)


def test_evaluate_prints_a_readable_report(env, capsys, tmp_path):
    suite = tmp_path / "suite.csv"
    suite.write_text("text,label\nIk steek je neer,1\nMooi weer vandaag,0\n")
    status, out, _ = run(capsys, "evaluate", str(suite))
    assert status == 0
    assert "accuracy" in out and "macro-F1" in out and "confusion matrix" in out
    assert "per functionality" not in out


@pytest.mark.parametrize(("content", "argv", "message"), [
    ("text,label\nhallo,maybe\n", [], "line 2: label 'maybe' is neither"),
    ("text,label\nhallo,1\n", ["--label-column", "gold"], "no column 'gold'"),
    ("tekst,label\nhallo,1\n", [], "no column 'text'"),
    ("text,label\n,1\n", [], "line 2: empty text"),
    ("text,label\n", [], "no rows"),
])
def test_evaluate_errors(env, capsys, tmp_path, content, argv, message):
    suite = tmp_path / "suite.csv"
    suite.write_text(content)
    status, _, err = run(capsys, "evaluate", str(suite), *argv)
    assert status == 2 and message in err and "suite.csv" in err


def test_evaluate_a_missing_file(env, capsys, tmp_path):
    status, _, err = run(capsys, "evaluate", str(tmp_path / "nope.csv"))
    assert status == 2 and "nope.csv" in err


# -- predict --------------------------------------------------------------------------------------

TEXTS = ["Ik steek je neer", "Mooi weer vandaag", "You are a worthless loser, \"really\""]


def check_lines(out, n):
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == n
    for line in lines:
        assert line["label"] in (0, 1) and 0 <= line["score"] <= 1
        assert set(line["categories"]) == {"discriminatory", "hurtful", "threatening"}
    return lines


def test_predict_csv(env, capsys, tmp_path):
    import csv
    path = tmp_path / "in.csv"
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        writer.writerows([[i, t] for i, t in enumerate(TEXTS)])
    status, out, _ = run(capsys, "predict", str(path))
    assert status == 0
    lines = check_lines(out, 3)
    assert [line["label"] for line in lines[:2]] == [1, 0]


def test_predict_jsonl_file_and_stdin_agree(env, capsys, tmp_path, monkeypatch):
    jsonl = "\n".join(json.dumps({"text": t, "id": i}) for i, t in enumerate(TEXTS)) + "\n\n"
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl)
    status, from_file, _ = run(capsys, "predict", str(path))
    assert status == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl))
    status, from_stdin, _ = run(capsys, "predict", "-")
    assert status == 0 and from_stdin == from_file
    check_lines(from_file, 3)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.jsonl", '{"text": "ok"}\n{not json}\n', "bad.jsonl line 2: not valid JSON"),
    ("bad.jsonl", '{"text": "ok"}\n\n{"tekst": "x"}\n', 'bad.jsonl line 3: expected an object with "text"'),
    ("bad.jsonl", '["text"]\n', "bad.jsonl line 1: expected an object"),
    ("bad.jsonl", '{"text": 5}\n', 'bad.jsonl line 1: "text" must be a non-empty string'),
    ("bad.csv", "tekst\nhallo\n", "bad.csv: no 'text' column"),
    ("bad.csv", "text\nhallo\n\"\"\n", "bad.csv line 3: empty text"),
])
def test_predict_bad_input_names_file_and_line(env, capsys, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    status, _, err = run(capsys, "predict", str(path))
    assert status == 2
    assert message in err and "Traceback" not in err


def test_predict_bad_stdin(env, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "ok"}\nnope\n'))
    status, out, err = run(capsys, "predict", "-")
    assert status == 2 and "<stdin> line 2" in err
    assert len(out.splitlines()) == 1  # the good line before it was answered


def test_predict_trains_a_model_when_there_is_none(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(tmp_path / "fresh"))
    monkeypatch.setenv("REAGEERWIJZER_TRAINING_DATA_DIR", str(FIXTURES / "training_small"))
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "Ik steek je neer"}\n'))
    status, out, _ = run(capsys, "predict", "-")
    assert status == 0 and check_lines(out, 1)[0]["label"] == 1
    assert (tmp_path / "fresh" / "models" / "ACTIVE").is_file()


def test_help(capsys):
    for command in ("train", "evaluate", "predict"):
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert info.value.code == 0
        assert f"usage: reageerwijzer {command}" in capsys.readouterr().out
