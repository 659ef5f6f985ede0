"""Shared pieces of the command-line interface."""
from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator


def command_with_actions(subparsers, name: str, *, help: str, description: str):
    """A command made of actions (``reageerwijzer NAME ACTION ...``); returns the actions' subparsers."""
    command = subparsers.add_parser(name, help=help, description=description)
    return command.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def print_listing(items: list[dict], *, as_json: bool, empty: str, line: Callable[[dict], str]) -> int:
    """A ``list`` action's output: the items as JSON, or one line each (``empty`` for none)."""
    if as_json:
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return 0
    if not items:
        print(empty)
    for item in items:
        print(line(item))
    return 0


class CommandError(Exception):
    """A command could not do its job; the message says why, and main() prints it (no traceback)."""


@contextlib.contextmanager
def database() -> Iterator:
    """A connection to the configured database (schema up to date), for commands that need no model."""
    from .. import configured_app
    from ..storage import connection as db
    try:
        store = db.from_config(configured_app().config)
        store.migrate()
    except (db.DatabaseError, db.Error, OSError) as err:
        raise CommandError(f"cannot open the database: {err}") from err
    try:
        with contextlib.closing(store.connect()) as conn:
            yield conn
    finally:
        store.close()  # a PostgreSQL pool's connections and threads
