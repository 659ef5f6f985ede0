"""``reageerwijzer retrain``: retrain the model now, in the foreground, and print the gate's report.

The same job as ``POST /api/v1/retrain``: the candidate is trained in a separate process and
becomes active only if the gate allows. Exit status 0 when it was promoted, 1 when the gate
kept the active model, 2 when the retraining failed.
"""
from __future__ import annotations

import argparse
import contextlib
import json

from .common import CommandError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "retrain", help="retrain the model on the training data plus accepted examples",
        description="Train a candidate model on the training data plus the accepted examples "
                    "(also unreviewed ones if RETRAIN_INCLUDE_UNREVIEWED is set), evaluate it on "
                    "the regression set and by cross-validation, and make it the active model "
                    "only if its macro-F1 on the regression set drops by at most GATE_MAX_DROP. "
                    "Exit status: 0 promoted, 1 kept the active model, 2 failed.")
    p.add_argument("--json", action="store_true", help="print the finished job as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import create_app
    from ..learning import jobs, retrain

    app = create_app()
    with contextlib.closing(app.extensions["db"].connect()) as conn:
        try:
            job = jobs.create(conn, kind=retrain.KIND, created_by="cli",
                              owner=app.extensions["boot"].id)
        except jobs.JobRunning as err:
            raise CommandError(f"retraining job {err.job['id']} is {err.job['state']} already "
                               f"(since {err.job['started_at'] or err.job['created_at']})") from None
    print(f"Retraining (job {job['id']})", flush=True)
    last = [""]

    def show(fraction: float, stage: str) -> None:
        if stage != last[0]:
            print(f"  {fraction:4.0%}  {stage}", flush=True)
            last[0] = stage

    finished = retrain.run(app, job["id"], on_progress=show)
    if args.json:
        print(json.dumps(finished, indent=2, ensure_ascii=False))
    if finished["state"] != "succeeded":
        raise CommandError(f"retraining failed: {finished['error']}")
    if not args.json:
        print(describe(finished["report"]))
    return 0 if finished["report"]["decision"]["promoted"] else 1


def describe(report: dict) -> str:
    """The gate report as lines for a person."""
    training, regression, cv = report["training"], report["regression"], report["cross_validation"]
    lines = [
        f"Candidate {report['candidate_version']}: trained on {training['examples']} examples "
        f"({training['from_training_data']} from the training data, {training['from_database']} "
        f"saved by workers; states: {', '.join(training['included_states'])}).",
    ]
    if cv:
        lines.append(f"Cross-validation ({cv['folds']} folds): macro-F1 {cv['macro_f1']['mean']:.4f} "
                     f"± {cv['macro_f1']['std']:.4f}.")
    active = regression["active_macro_f1"]
    lines.append(f"Regression set {regression['set']} ({regression['examples']} examples): "
                 f"candidate macro-F1 {regression['candidate_macro_f1']:.4f}, active "
                 + (f"{active:.4f}." if active is not None else "none."))
    lines.append(report["decision"]["reason"][:1].upper() + report["decision"]["reason"][1:] + ".")
    lines.append(f"Active model: {report['active_version']}.")
    return "\n".join(lines)
