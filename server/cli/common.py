"""Shared pieces of the command-line interface."""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator


class CommandError(Exception):
    """A command could not do its job; the message says why, and main() prints it (no traceback)."""


@contextlib.contextmanager
def database() -> Iterator[sqlite3.Connection]:
    """A connection to the configured database (schema up to date), for commands that need no model."""
    from .. import configured_app
    from ..storage import connection as db
    try:
        store = db.from_config(configured_app().config)
        store.migrate()
    except (db.DatabaseError, sqlite3.Error, OSError) as err:
        raise CommandError(f"cannot open the database: {err}") from err
    with contextlib.closing(store.connect()) as conn:
        yield conn
