"""The steps of the build, in the only order that works.

A step sees the hand-written CSVs, the held-out sets and the outputs of the steps before it,
and nothing else: it does not look in the folder itself. ``balance`` counts group words in every
other training file, so it comes last; the contrast steps drop rows that repeat a text they can
see. Running the steps in this order from the same inputs gives the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import balance, contrasts_en, contrasts_nl, data, templates

STEPS = (templates, contrasts_en, contrasts_nl, balance)
OUTPUTS = tuple(step.OUTPUT for step in STEPS)


@dataclass(frozen=True)
class Inputs:
    training: tuple[Path, ...]  # CSVs the model trains on that this step may read
    held_out: tuple[Path, ...]  # regression sets: never repeated in training data


def hand_written() -> tuple[Path, ...]:
    return tuple(p for p in sorted(data.FOLDER.glob("*.csv")) if p.name not in OUTPUTS)


def held_out() -> tuple[Path, ...]:
    return tuple(sorted((data.FOLDER / "regression").glob("*.csv")))


def run(out_dir: Path, report=print) -> dict[str, int]:
    """Write every generated CSV into ``out_dir``; returns the row count per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    counts = {}
    for step in STEPS:
        rows = step.build(Inputs(training=hand_written() + tuple(written), held_out=held_out()))
        path = out_dir / step.OUTPUT
        data.write_rows(path, rows)
        written.append(path)
        counts[step.OUTPUT] = len(rows)
        report(f"{step.OUTPUT}: {len(rows)} rows")
    return counts
