"""`reageerwijzer examples export|import`: CSV out and in, scrubbed and without duplicates."""
import csv
import os
import stat

import pytest

from server.cli import main

# Import and export go through the storage rooms: the same on SQLite and PostgreSQL.
BOTH_BACKENDS = True


@pytest.fixture
def cli_env(monkeypatch, data_dir, database_url):
    monkeypatch.setenv("REAGEERWIJZER_DATA_DIR", str(data_dir))
    if database_url:
        monkeypatch.setenv("REAGEERWIJZER_DATABASE", database_url)
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
        ("Bel me op 0612345678, @piet", "1", "threatening", "nl", ""),  # same once scrubbed
        ("Mooi weer vandaag", "0", "none", "nl", ""),
        ("Lovely weather", "0", "", "en", "rejected"),
    ])
    assert main(["examples", "import", str(source)]) == 0
    assert "4 row(s), 3 new example(s), 0 updated, 1 already stored unchanged" in capsys.readouterr().out
    assert main(["examples", "import", str(source)]) == 0
    assert "4 row(s), 0 new example(s), 0 updated, 4 already stored unchanged" in capsys.readouterr().out

    out = tmp_path / "out.csv"
    assert main(["examples", "export", str(out)]) == 0
    assert "Exported 3 example(s)" in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [{k: v for k, v in r.items() if k != "id"} for r in read_csv(out)] == [
        {"text": "Bel me op [telefoon], [gebruiker]", "label": "1", "category": "threatening",
         "lang": "nl", "state": "accepted"},
        {"text": "Mooi weer vandaag", "label": "0", "category": "", "lang": "nl", "state": "new"},
        {"text": "Lovely weather", "label": "0", "category": "", "lang": "en", "state": "rejected"},
    ]
    assert all(r["id"].isdigit() for r in read_csv(out))
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


def test_a_review_in_a_spreadsheet_comes_back_through_import(cli_env, tmp_path, capsys):
    """export -> set state, label, category, lang -> import: the stored examples change, and the
    import says which and how."""
    source = write_csv(tmp_path / "in.csv", [
        ("Rot op jij", "1", "hurtful", "nl", ""),
        ("Fijne dag allemaal", "0", "", "nl", ""),
        ("Ik weet waar je woont", "1", "", "en", ""),
    ])
    assert main(["examples", "import", str(source)]) == 0
    capsys.readouterr()
    exported = tmp_path / "review.csv"
    assert main(["examples", "export", str(exported)]) == 0
    rows = read_csv(exported)
    rows[0]["state"] = "accepted"
    rows[1]["state"] = "rejected"
    rows[2].update(state="accepted", category="threatening", lang="nl")
    with exported.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert main(["examples", "import", str(exported)]) == 0
    out = capsys.readouterr().out
    assert "3 row(s), 0 new example(s), 3 updated, 0 already stored unchanged" in out
    assert f"example {rows[0]['id']}: state new -> accepted" in out
    assert f"example {rows[2]['id']}: state new -> accepted; category none -> threatening; lang en -> nl" in out

    again = tmp_path / "again.csv"
    assert main(["examples", "export", str(again)]) == 0
    assert [(r["state"], r["category"], r["lang"]) for r in read_csv(again)] == [
        ("accepted", "hurtful", "nl"), ("rejected", "", "nl"), ("accepted", "threatening", "nl")]


def test_by_text_without_an_id_a_relabel_is_found_and_reported(cli_env, tmp_path, capsys):
    write_csv(tmp_path / "a.csv", [("Jij bent een sukkel", "1", "hurtful", "nl", "new")])
    assert main(["examples", "import", str(tmp_path / "a.csv")]) == 0
    write_csv(tmp_path / "b.csv", [("Jij bent een sukkel", "0", "", "nl", "accepted")])
    assert main(["examples", "import", str(tmp_path / "b.csv")]) == 0
    out = capsys.readouterr().out
    assert "0 new example(s), 1 updated" in out
    assert "state new -> accepted; label 1 -> 0; category hurtful -> none" in out


def test_ids_of_another_database_count_for_nothing_the_text_decides(cli_env, tmp_path, capsys):
    # A file exported from another server: its ids are not ours; the rows are new here.
    path = tmp_path / "ids.csv"
    path.write_text("id,text,label,category,lang,state\n999,Hallo,0,,nl,accepted\n", encoding="utf-8")
    assert main(["examples", "import", str(path)]) == 0
    assert "1 new example(s), 0 updated" in capsys.readouterr().out
    assert main(["examples", "import", str(path)]) == 0
    assert "0 new example(s), 0 updated, 1 already stored unchanged" in capsys.readouterr().out


def test_a_bad_id_is_named_with_its_line(cli_env, tmp_path, capsys):
    path = tmp_path / "ids.csv"
    path.write_text("id,text,label,category,lang,state\nzeven,Hallo,0,,nl,accepted\n", encoding="utf-8")
    assert main(["examples", "import", str(path)]) != 0
    err = capsys.readouterr().err
    assert "line 2" in err and "'id' must be the number of a stored example" in err
