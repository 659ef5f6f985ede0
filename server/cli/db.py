"""``reageerwijzer db upgrade | status``: the database's schema, outside a server start."""
from __future__ import annotations

import argparse
import sqlite3

from .common import CommandError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "db", help="the database schema: upgrade or show its version",
        description="The configured database (REAGEERWIJZER_DATABASE: SQLite or "
                    "postgresql://...). A server also upgrades at startup; run 'upgrade' first "
                    "when several servers share one database, so none starts on an old schema.")
    sub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = sub.add_parser("upgrade", help="create the schema or run the missing migrations")
    upgrade.set_defaults(func=run_upgrade)
    status = sub.add_parser("status", help="the schema version of the database and of this server")
    status.set_defaults(func=run_status)


def _database():
    from .. import configured_app
    from ..storage import connection as db
    try:
        return db.from_config(configured_app().config)
    except db.DatabaseError as err:
        raise CommandError(str(err)) from None


def run_upgrade(args: argparse.Namespace) -> int:
    from ..storage import connection as db
    database = _database()
    try:
        before = database.schema_version()
        after = database.migrate()
    except (db.DatabaseError, sqlite3.Error, OSError) as err:
        raise CommandError(f"cannot upgrade {database.describe()}: {err}") from None
    finally:
        database.close()
    if before == after:
        print(f"{database.describe()}: schema version {after}, up to date.")
    else:
        print(f"{database.describe()}: schema upgraded from version {before} to {after}.")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from ..storage import connection as db
    database = _database()
    try:
        version = database.schema_version()
    except (db.DatabaseError, sqlite3.Error, OSError) as err:
        raise CommandError(f"cannot read {database.describe()}: {err}") from None
    finally:
        database.close()
    wanted = len(db.MIGRATIONS)
    state = "up to date" if version == wanted else (
        "behind: run 'reageerwijzer db upgrade'" if version < wanted else "newer than this server")
    print(f"{database.describe()}: schema version {version}, this server's {wanted} ({state}).")
    return 0 if version == wanted else 1
