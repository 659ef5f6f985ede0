"""The data files of the generators, and the CSVs they read and write."""
from __future__ import annotations

import csv
import tomllib
from functools import cache
from pathlib import Path

from model import normalize

FOLDER = Path(__file__).resolve().parent.parent  # training_data/
HEADER = ["text", "label", "category", "lang", "source", "kind"]


@cache
def _toml(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def lexicon(lang: str) -> dict:
    return _toml(FOLDER / "lexicon" / f"{lang}.toml")


def groups(lang: str) -> dict[str, dict]:
    """Every group of ``lang``, written once: key -> its table in lexicon/<lang>.toml."""
    return lexicon(lang)["groups"]


def contrast_groups(lang: str) -> dict[str, dict]:
    """The groups of the contrast step, each with the forms of its members added."""
    every = groups(lang)
    out = {}
    for key, g in every.items():
        if "contrast" in g:
            members = [every[m] for m in g["contrast"].get("members", [])]
            out[key] = {**g, **{field: g.get(field, []) + [x for m in members for x in m.get(field, [])]
                                for field in ("plural", "singular")}}
    return out


def templates(step: str) -> dict:
    return _toml(FOLDER / "templates" / f"{step}.toml")


def obfuscation() -> dict:
    return _toml(FOLDER / "obfuscation.toml")


def same_text(text: str) -> str:
    """When two posts count as the same text: the model's own normalisation, which also undoes
    leetspeak and spacing. The model drops such repeats when it trains, so a step must not write them."""
    return normalize(text)


def known_texts(paths) -> set[str]:
    return {same_text(row["text"]) for row in read_rows(paths)}


def read_rows(paths) -> list[dict]:
    rows = []
    for path in paths:
        with Path(path).open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def write_rows(path: Path, rows) -> None:
    """Write ``rows`` (lists in HEADER order) as a training CSV."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
