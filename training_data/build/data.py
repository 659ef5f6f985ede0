"""The data files of the generators, and the CSVs they read and write."""
from __future__ import annotations

import csv
import tomllib
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent  # training_data/
HEADER = ["text", "label", "category", "lang", "source", "kind"]


@cache
def _toml(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def lexicon(lang: str) -> dict:
    return _toml(FOLDER / "lexicon" / f"{lang}.toml")


def templates(step: str) -> dict:
    return _toml(FOLDER / "templates" / f"{step}.toml")


def obfuscation() -> dict:
    return _toml(FOLDER / "obfuscation.toml")


def read_rows(paths) -> list[dict]:
    rows = []
    for path in paths:
        with Path(path).open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def write_rows(path: Path, rows, lineterminator: str = "\n") -> None:
    """Write ``rows`` (lists in HEADER order) as a training CSV."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator=lineterminator)
        writer.writerow(HEADER)
        writer.writerows(rows)
