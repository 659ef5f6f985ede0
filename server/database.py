"""The app's database: opened (and migrated) at startup, one connection per app context.

Views and commands get their connection from ``get_db()``; it is closed when the app context
ends. How to connect, and to what, is ``storage.connection``.
"""
from __future__ import annotations

import weakref

from flask import Flask, current_app, g

from .storage.connection import Connection, from_config


def init_app(app: Flask) -> None:
    database = from_config(app.config)
    database.migrate()
    app.extensions["db"] = database
    weakref.finalize(app, database.close)  # a PostgreSQL pool's connections
    app.teardown_appcontext(_close)


def get_db() -> Connection:
    """This app context's connection, opened on first use."""
    if "db_conn" not in g:
        g.db_conn = current_app.extensions["db"].connect()
    return g.db_conn


def _close(_exc: BaseException | None) -> None:
    conn = g.pop("db_conn", None)
    if conn is not None:
        conn.close()
