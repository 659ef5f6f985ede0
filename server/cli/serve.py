"""``reageerwijzer serve``: run the app on the production WSGI server (waitress)."""
from __future__ import annotations

import argparse

from .common import CommandError


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="run the server",
        description="Run the Reageerwijzer server on waitress. Trains a model on first start "
                    "when the data folder has none, and prints a first admin token when there is "
                    "no token yet. Configuration: REAGEERWIJZER_* variables.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8080, help="port; 0 picks a free one (default: %(default)s)")
    p.add_argument("--threads", type=int, default=8, help="worker threads (default: %(default)s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from waitress import create_server

    from .. import create_app

    app = create_app()
    try:
        server = create_server(app, host=args.host, port=args.port, threads=args.threads,
                               ident="reageerwijzer")
    except OSError as err:
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {err.strerror}") from err
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Reageerwijzer listening on http://{host}:{server.effective_port}/api/v1 "
          f"(data: {app.config['DATA_DIR']})", flush=True)
    first_token = _first_admin_token(app)
    if first_token:
        print(f"No tokens yet, so an admin token named 'admin' was created. It is shown only this "
              f"once; keep it safe and create worker tokens with 'reageerwijzer token create':\n"
              f"{first_token}", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _first_admin_token(app) -> str | None:
    """On a fresh set-up, an admin token, so the one `serve` command leads to a working server."""
    from .. import auth
    from ..db import get_db
    with app.app_context():
        conn = get_db()
        if auth.count_tokens(conn):
            return None
        try:
            return auth.create_token(conn, name="admin", role="admin")
        except auth.TokenError:  # another server on the same data made it just now
            return None
