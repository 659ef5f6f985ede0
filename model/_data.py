"""Loading the labelled examples: a folder's top-level CSV files, checked row by row.

Sub-folders are not read on purpose: ``training_data/regression/`` is a held-out set that
must never be trained on.
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ._normalize import normalize

log = logging.getLogger(__name__)

COLUMNS = ("text", "label", "category", "lang", "source", "kind")
CATEGORIES = ("discriminatory", "hurtful", "threatening")
LANGUAGES = ("nl", "en")


class DataError(ValueError):
    """A training file is missing, unreadable or has a bad row; the message names file and line."""


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    category: str  # one of CATEGORIES, or "none" when label is 0
    lang: str
    source: str
    kind: str
    file: str
    line: int


@dataclass(frozen=True)
class Dataset:
    """Deduplicated examples with a content hash and counts, ready to train on."""

    examples: tuple[Example, ...]
    sha256: str
    files: tuple[str, ...]
    duplicates: int = 0
    conflicts: int = 0
    counts: dict = field(default_factory=dict)

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self.examples]

    @property
    def labels(self) -> list[int]:
        return [e.label for e in self.examples]

    @property
    def categories(self) -> list[str]:
        return [e.category for e in self.examples]

    @property
    def langs(self) -> list[str]:
        return [e.lang for e in self.examples]

    def __len__(self) -> int:
        return len(self.examples)

    def subset(self, indices) -> Dataset:
        """The examples at ``indices`` (for cross-validation), hashed and counted afresh."""
        return make_dataset([self.examples[i] for i in indices], files=self.files)


def load_dataset(folder: str | Path) -> Dataset:
    """Read every ``*.csv`` directly in ``folder``, validate it, and drop duplicate texts.

    Duplicates are texts that normalise to the same string; the first one (by file name, then
    line) is kept. A duplicate with the other label is a conflict: counted and logged by file
    and line (never the text), since it means two writers disagree.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(f"training data folder {str(folder)!r} does not exist")
    files = sorted(p for p in folder.glob("*.csv") if p.is_file())
    if not files:
        raise DataError(f"no *.csv files in training data folder {str(folder)!r}")
    rows: list[Example] = []
    for path in files:
        rows.extend(read_csv(path))
    if not rows:
        raise DataError(f"the *.csv files in {str(folder)!r} hold no examples")
    return make_dataset(rows, files=tuple(p.name for p in files))


def read_csv(path: Path) -> list[Example]:
    """The examples of one file; DataError naming the file and line of the first bad row."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                return []
            header = [h.strip() for h in header]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise DataError(f"{path} line 1: missing column(s) {', '.join(missing)}; "
                                f"expected {','.join(COLUMNS)}")
            index = {c: header.index(c) for c in COLUMNS}
            examples = []
            line = reader.line_num + 1
            for record in reader:
                if any(cell.strip() for cell in record):
                    examples.append(_example(path, line, record, index, len(header)))
                line = reader.line_num + 1
            return examples
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    except csv.Error as err:
        raise DataError(f"{path} line {reader.line_num}: {err}") from None


def _example(path: Path, line: int, record: list[str], index: dict[str, int], width: int) -> Example:
    where = f"{path} line {line}"
    if len(record) != width:
        raise DataError(f"{where}: {len(record)} fields, the header has {width}")
    text, label, category, lang, source, kind = (record[index[c]] for c in COLUMNS)
    label, category, lang = label.strip(), category.strip(), lang.strip()
    if not text.strip():
        raise DataError(f"{where}: empty text")
    if label not in ("0", "1"):
        raise DataError(f"{where}: label {label!r} is not 0 or 1")
    if category not in (*CATEGORIES, "none"):
        raise DataError(f"{where}: category {category!r} is not one of "
                        f"{', '.join((*CATEGORIES, 'none'))}")
    if (label == "1") != (category != "none"):
        raise DataError(f"{where}: label {label} does not fit category {category!r} "
                        f"(label 1 needs one of {', '.join(CATEGORIES)}; label 0 needs 'none')")
    if lang not in LANGUAGES:
        raise DataError(f"{where}: lang {lang!r} is not one of {', '.join(LANGUAGES)}")
    return Example(text=text.strip(), label=int(label), category=category, lang=lang,
                   source=source.strip(), kind=kind.strip(), file=path.name, line=line)


def make_dataset(rows: list[Example], *, files: tuple[str, ...] = ()) -> Dataset:
    """Deduplicate by normalised text, hash and count ``rows``."""
    seen: dict[str, Example] = {}
    duplicates = conflicts = 0
    for row in rows:
        key = normalize(row.text)
        first = seen.get(key)
        if first is None:
            seen[key] = row
            continue
        duplicates += 1
        if first.label != row.label:
            conflicts += 1
            log.warning("%s line %d repeats %s line %d with the other label; the first is kept",
                        row.file, row.line, first.file, first.line)
    examples = tuple(seen.values())
    return Dataset(examples=examples, sha256=_sha256(examples), files=files,
                   duplicates=duplicates, conflicts=conflicts,
                   counts=_counts(examples, duplicates=duplicates, conflicts=conflicts))


def _sha256(examples: tuple[Example, ...]) -> str:
    """A hash of the content the model learns from, independent of file names and row order."""
    lines = sorted(json.dumps([e.text, e.label, e.category, e.lang], ensure_ascii=False)
                   for e in examples)
    digest = hashlib.sha256()
    for item in lines:
        digest.update(item.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _counts(examples: tuple[Example, ...], *, duplicates: int, conflicts: int) -> dict:
    return {
        "examples": len(examples),
        "duplicates_dropped": duplicates,
        "label_conflicts": conflicts,
        "by_label": _count(str(e.label) for e in examples),
        "by_lang": _count(e.lang for e in examples),
        "by_category": _count(e.category for e in examples),
        "by_lang_label": _count(f"{e.lang}:{e.label}" for e in examples),
    }


def _count(values) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))
