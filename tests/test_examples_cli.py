"""`reageerwijzer examples export|import`: CSV out and in, scrubbed and without duplicates."""
import csv
import os
import stat

import pytest

from server.cli import main


@pytest.fixture
def cli_env(monkeypatch, data_dir):
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    return data_dir


def write_csv(path, rows, header=("text", "label", "category", "lang", "state")):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_import_scrubs_dedupes_and_counts(cli_env, tmp_path, capsys):
    source = write_csv(tmp_path / "in.csv", [
        ("Bel me op 06-12345678, @jan", "1", "threatening", "nl", "accepted"),
        ("Bel me op 0612345678, @piet", "1", "threatening", "nl", "new"),  # same once scrubbed
        ("Mooi weer vandaag", "0", "none", "nl", ""),
        ("Lovely weather", "0", "", "en", "rejected"),
    ])
    assert main(["examples", "import", str(source)]) == 0
    assert "4 row(s), 3 new example(s), 1 already stored" in capsys.readouterr().out
    assert main(["examples", "import", str(source)]) == 0
    assert "4 row(s), 0 new example(s), 4 already stored" in capsys.readouterr().out

    out = tmp_path / "out.csv"
    assert main(["examples", "export", str(out)]) == 0
    assert "Exported 3 example(s)" in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert read_csv(out) == [
        {"text": "Bel me op [telefoon], [gebruiker]", "label": "1", "category": "threatening",
         "lang": "nl", "state": "accepted"},
        {"text": "Mooi weer vandaag", "label": "0", "category": "", "lang": "nl", "state": "new"},
        {"text": "Lovely weather", "label": "0", "category": "", "lang": "en", "state": "rejected"},
    ]
    accepted = tmp_path / "accepted.csv"
    assert main(["examples", "export", str(accepted), "--state", "accepted"]) == 0
    assert [r["text"] for r in read_csv(accepted)] == ["Bel me op [telefoon], [gebruiker]"]


def test_an_import_with_bad_lines_names_them_and_stores_nothing(cli_env, tmp_path, capsys):
    source = write_csv(tmp_path / "in.csv", [
        ("goed", "1", "hurtful", "nl", "new"),
        ("", "1", "hurtful", "nl", "new"),
        ("label fout", "ja", "", "nl", "new"),
        ("taal fout", "0", "", "fr", "new"),
        ("status fout", "0", "", "nl", "done"),
        ("categorie bij 0", "0", "hurtful", "nl", "new"),
    ])
    assert main(["examples", "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "nothing imported; 5 bad line(s)" in err
    for line, problem in [(3, "'text' is empty"), (4, "'label' must be 0"), (5, "'lang' must be"),
                          (6, "unknown state 'done'"), (7, "a category fits only label 1")]:
        assert f"in.csv line {line}: {problem}" in err
    out = tmp_path / "out.csv"
    assert main(["examples", "export", str(out)]) == 0
    assert read_csv(out) == []


@pytest.mark.parametrize("content, message", [
    (None, "does not exist"),
    (b"text,label\nx,1\n", "line 1: missing column(s) lang"),
    (b"text,label,lang\n\xff\xfe,1,nl\n", "is not UTF-8"),
    (b"text,label,lang\nx,1,nl,extra\n", "line 2: more fields than the header has"),
])
def test_unreadable_import_files_are_reported(cli_env, tmp_path, capsys, content, message):
    path = tmp_path / "in.csv"
    if content is not None:
        path.write_bytes(content)
    assert main(["examples", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
