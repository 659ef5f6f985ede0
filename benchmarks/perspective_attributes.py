"""``python -m benchmarks.perspective_attributes``: Perspective's attributes on the regression set.

Trains the model on training_data/ (as the first start does) and scores the held-out
``training_data/regression/regression.csv`` (never trained on) with every attribute: for each
kind of post (harmless, and harmful by category), the mean value and the share at or above
0.5, Perspective's usual cut. Shows what the derivations in ``server.perspective.attributes``
do: IDENTITY_ATTACK, INSULT and THREAT rise on their own category, SEVERE_TOXICITY stays low on
plain insults and on harmless posts, PROFANITY follows swearing, not harm.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict

from server.config import DEFAULTS
from server.learning.model_store import train_from
from server.perspective import attributes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.perspective_attributes")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    print("training on training_data/ ...", file=sys.stderr, flush=True)
    classifier = train_from(DEFAULTS["TRAINING_DATA_DIR"])
    with open(DEFAULTS["REGRESSION_SET"], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        kind = "harmless" if row["label"] == "0" else f"harmful: {row['category'] or 'none'}"
        result = classifier.classify(row["text"], explain=False)
        groups[kind].append(attributes.values(result, row["text"], attributes.ATTRIBUTES))
    figures = {kind: {"posts": len(found), **{name: {
        "mean": round(sum(v[name] for v in found) / len(found), 3),
        "share_at_least_0.5": round(sum(v[name] >= 0.5 for v in found) / len(found), 3)}
        for name in attributes.ATTRIBUTES}} for kind, found in sorted(groups.items())}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("| posts | n | " + " | ".join(attributes.ATTRIBUTES) + " |")
    print("|---|---:|" + "---:|" * len(attributes.ATTRIBUTES))
    for kind, f in figures.items():
        cells = " | ".join(f"{f[n]['mean']:.2f} ({f[n]['share_at_least_0.5']:.0%})" for n in attributes.ATTRIBUTES)
        print(f"| {kind} | {f['posts']} | {cells} |")
    print("\nmean value (share of posts at or above 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
