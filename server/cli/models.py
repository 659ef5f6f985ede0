"""``reageerwijzer models list|activate VERSION``: the saved model versions, and rolling back."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import CommandError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "models", help="list model versions or activate one (rollback)",
        description="Model versions saved in the data folder. Activating one makes a running "
                    "server switch to it within seconds, and a restarted one serve it.")
    sub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list versions with their metrics; * marks the active one")
    listing.add_argument("--json", action="store_true", help="print the versions as JSON")
    listing.set_defaults(func=list_models)
    activate = sub.add_parser("activate", help="make VERSION the active model")
    activate.add_argument("version", help="a version id as listed by 'models list'")
    activate.set_defaults(func=activate_model)


def _store():
    from .. import configured_app
    from ..model_store import ModelStore
    return ModelStore(Path(configured_app().config["DATA_DIR"]) / "models")


def list_models(args: argparse.Namespace) -> int:
    from ..model_store import ModelStoreError
    store = _store()
    try:
        versions = store.list_versions()
    except ModelStoreError as err:
        raise CommandError(str(err)) from None
    if args.json:
        print(json.dumps(versions, indent=2, ensure_ascii=False))
        return 0
    if not versions:
        print("No model versions yet: 'reageerwijzer serve' or 'reageerwijzer train' makes one.")
    for v in versions:
        print(f"{'*' if v['active'] else ' '} {v['version']}  {_summary(v)}")
    return 0


def _summary(version: dict) -> str:
    if "error" in version:
        return f"unusable: {version['error']}"
    metrics = version.get("metrics") or {}
    parts = [f"created {version.get('created_at')}"]
    cv = (metrics.get("cross_validation") or {}).get("macro_f1")
    if cv:
        parts.append(f"cv macro-F1 {cv['mean']:.4f}")
    regression = metrics.get("regression")
    if regression:
        parts.append(f"regression macro-F1 {regression['macro_f1']:.4f}")
    counts = version.get("training_data") or {}
    if "examples" in counts:
        parts.append(f"{counts['examples']} examples")
    return ", ".join(parts)


def activate_model(args: argparse.Namespace) -> int:
    import model

    from ..model_store import ModelStoreError
    store = _store()
    previous = store.read_active()
    try:
        store.activate(args.version)
    except (ModelStoreError, model.ModelFileError) as err:
        raise CommandError(f"cannot activate {args.version}: {err}") from None
    print(f"Model version {args.version} is active (was {previous}).")
    return 0
