"""Loading training data: columns and values checked, errors name file and line, duplicates dropped."""
import shutil

import pytest

from model import DataError, load_dataset

from .conftest import FIXTURES

HEADER = "text,label,category,lang,source,kind\n"


def write(folder, name, body, header=HEADER):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(header + body, encoding="utf-8")
    return folder / name


def test_loads_the_fixture_with_counts_and_hash():
    ds = load_dataset(FIXTURES / "training_small")
    assert len(ds) == ds.counts["examples"] > 150
    assert set(ds.counts["by_lang"]) == {"nl", "en"}
    assert set(ds.counts["by_label"]) == {"0", "1"}
    assert set(ds.counts["by_category"]) == {"discriminatory", "hurtful", "threatening", "none"}
    assert len(ds.sha256) == 64 and ds.files == ("train.csv",)


def test_hash_is_stable_and_independent_of_file_names_and_order(tmp_path):
    rows = ["Jij bent dom,1,hurtful,nl,t,k\n", "Mooi weer,0,none,nl,t,k\n", "Nice day,0,none,en,t,k\n"]
    write(tmp_path / "a", "one.csv", "".join(rows))
    write(tmp_path / "b", "x.csv", rows[2])
    write(tmp_path / "b", "y.csv", rows[1] + rows[0])
    first, second = load_dataset(tmp_path / "a"), load_dataset(tmp_path / "b")
    assert first.sha256 == second.sha256 == load_dataset(tmp_path / "a").sha256
    write(tmp_path / "b", "z.csv", "Nog een zin,0,none,nl,t,k\n")
    assert load_dataset(tmp_path / "b").sha256 != first.sha256


def test_duplicates_by_normalised_text_are_dropped_and_conflicts_counted(tmp_path):
    write(tmp_path, "a.csv", "Jij bent DOM!,1,hurtful,nl,t,k\n"
                             "jij bent dom,1,hurtful,nl,t,k\n"
                             "J1J BENT D0M,0,none,nl,t,k\n"
                             "Mooi weer,0,none,nl,t,k\n")
    ds = load_dataset(tmp_path)
    assert len(ds) == 2
    assert ds.duplicates == 2 and ds.conflicts == 1
    assert ds.examples[0].label == 1  # the first one is kept


def test_subfolders_are_not_read(tmp_path):
    write(tmp_path, "train.csv", "Mooi weer,0,none,nl,t,k\nJij bent dom,1,hurtful,nl,t,k\n")
    write(tmp_path / "regression", "held_out.csv", "Held out,0,none,en,t,k\n")
    assert len(load_dataset(tmp_path)) == 2


def test_quoted_multiline_text_and_bom(tmp_path):
    (tmp_path / "a.csv").write_text("\ufeff" + HEADER + '"Regel een,\nregel twee",0,none,nl,t,k\n'
                                    "Jij bent dom,1,hurtful,nl,t,k\n", encoding="utf-8")
    ds = load_dataset(tmp_path)
    assert ds.texts[0] == "Regel een,\nregel twee"
    assert ds.examples[1].line == 4


@pytest.mark.parametrize(("body", "message"), [
    ("ok,0,none,nl,t,k\n,0,none,nl,t,k\n", r"bad\.csv line 3: empty text"),
    ("ok,2,none,nl,t,k\n", r"bad\.csv line 2: label '2' is not 0 or 1"),
    ("ok,1,rude,nl,t,k\n", r"bad\.csv line 2: category 'rude'"),
    ("ok,1,none,nl,t,k\n", r"bad\.csv line 2: label 1 does not fit category 'none'"),
    ("ok,0,hurtful,nl,t,k\n", r"bad\.csv line 2: label 0 does not fit category 'hurtful'"),
    ("ok,0,none,de,t,k\n", r"bad\.csv line 2: lang 'de'"),
    ("ok,0,none,nl,t\n", r"bad\.csv line 2: 5 fields, the header has 6"),
    ('"a\nb",0,none,nl,t,k\nok,0,none,xx,t,k\n', r"bad\.csv line 4: lang 'xx'"),
])
def test_bad_rows_are_named_by_file_and_line(tmp_path, body, message):
    write(tmp_path, "bad.csv", body)
    with pytest.raises(DataError, match=message):
        load_dataset(tmp_path)


def test_missing_columns(tmp_path):
    write(tmp_path, "bad.csv", "hallo,0\n", header="text,label\n")
    with pytest.raises(DataError, match=r"bad\.csv line 1: missing column\(s\) category, lang, source, kind"):
        load_dataset(tmp_path)


def test_not_utf8(tmp_path):
    (tmp_path / "bad.csv").write_bytes(HEADER.encode() + "caf\xe9,0,none,nl,t,k\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"bad\.csv: not UTF-8"):
        load_dataset(tmp_path)


@pytest.mark.parametrize("setup", ["missing", "empty"])
def test_missing_or_empty_folder(tmp_path, setup):
    folder = tmp_path / "data"
    if setup == "empty":
        folder.mkdir()
    with pytest.raises(DataError, match="data"):
        load_dataset(folder)


def test_the_fixture_copy_loads_the_same(tmp_path):
    shutil.copytree(FIXTURES / "training_small", tmp_path / "copy")
    assert load_dataset(tmp_path / "copy").sha256 == load_dataset(FIXTURES / "training_small").sha256
