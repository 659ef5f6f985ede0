"""The ``reageerwijzer`` command: one module per family of sub-commands.

Each module in this package adds its sub-commands through ``register(subparsers)``; a
sub-command's handler takes the parsed arguments and returns the exit status. ``serve`` runs
the server, ``model`` everything about the classifier and its versions, ``tokens``,
``examples``, ``retrain`` and ``jobs`` what their names say; ``db`` upgrades the schema.

May import: every other room (it is the outermost one); nothing imports it but ``__main__``
and the ``reageerwijzer`` entry point.
"""
from __future__ import annotations

import argparse
import logging
import sys

from . import db, examples, jobs, model, retrain, serve, tokens
from .common import CommandError

COMMAND_MODULES = (serve, db, model, tokens, examples, retrain, jobs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reageerwijzer",
        description="Reageerwijzer: advice on responding to negative social-media posts.")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more logging (-v info, -vv debug)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except CommandError as err:
        print(f"reageerwijzer {args.command}: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
