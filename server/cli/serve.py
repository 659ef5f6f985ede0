"""``reageerwijzer serve``: run the app on the production WSGI server (waitress)."""
from __future__ import annotations

import argparse
import logging
import time

from . import connection_guard
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


def make_server(app, *, host: str, port: int, threads: int):
    """The waitress server that ``serve`` runs (the robustness tests start this one too)."""
    from waitress import create_server

    options = {}
    limit = app.config.get("MAX_CONTENT_LENGTH")
    if limit:
        # waitress reads a whole body (by default up to 1 GB, spooled to disk) before the app
        # sees it; refuse absurd ones up front. Up to this size the app answers 413 in JSON.
        options["max_request_body_size"] = max(4 * int(limit), 1 << 20)
    # waitress accepts 100 connections by default and leaves the rest unanswered in the listen
    # queue: with more keep-alive clients (the extension keeps one per browser) some would
    # wait forever. poll() instead of select() because select() fails past 1024 descriptors.
    options.update(connection_limit=CONNECTION_LIMIT, asyncore_use_poll=True)
    # Idle clients go sooner than waitress's 120 s, and the checks (idle, slow requests) run
    # every few seconds; one address may hold only so many sockets (connection_guard).
    options.update(channel_timeout=connection_guard.IDLE_TIMEOUT, cleanup_interval=5)
    _throttle_queue_warnings()
    server = create_server(app, host=host, port=port, threads=threads, ident="reageerwijzer",
                           **options)
    connection_guard.install(server)
    return server


CONNECTION_LIMIT = 500
QUEUE_WARNING_INTERVAL = 10.0


class _Throttle(logging.Filter):
    """Let one record through per ``interval`` seconds."""

    def __init__(self, interval: float) -> None:
        super().__init__()
        self.interval = interval
        self._last = float("-inf")

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True


def _throttle_queue_warnings() -> None:
    """waitress warns "Task queue depth is N" for every request that waits for a thread: under
    load that is a log line (and a write to stderr) per request. One per interval says enough."""
    queue_log = logging.getLogger("waitress.queue")
    if not any(isinstance(f, _Throttle) for f in queue_log.filters):
        queue_log.addFilter(_Throttle(QUEUE_WARNING_INTERVAL))


def run(args: argparse.Namespace) -> int:
    app = _create_app()
    try:
        server = make_server(app, host=args.host, port=args.port, threads=args.threads)
    except OSError as err:
        raise CommandError(f"cannot listen on {args.host}:{args.port}: {err.strerror}") from err
    host = f"[{args.host}]" if ":" in args.host else args.host
    # The extension's settings want the address without /api/v1: say which one to paste.
    address = f"http://{host}:{server.effective_port}"
    print(f"Reageerwijzer listening on {address}/api/v1 (data: {app.config['DATA_DIR']}); "
          f"server address for the extension's settings: {address}", flush=True)
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


def _create_app():
    """The app, or one plain line saying why it cannot start (no traceback, no paths)."""
    import sqlite3

    import model

    from .. import create_app
    from ..guideline import GuidelineError
    from ..learning.model_store import ModelStoreError, plain_reason
    from ..learning.signing import SigningKeyError
    from ..storage.connection import DatabaseError
    try:
        return create_app()
    except (ModelStoreError, model.ModelFileError, model.DataError, SigningKeyError,
            DatabaseError, GuidelineError, sqlite3.Error, OSError) as err:
        raise CommandError(f"cannot start: {plain_reason(err)}") from None


def _first_admin_token(app) -> str | None:
    """On a fresh set-up, an admin token, so the one `serve` command leads to a working server."""
    from .. import auth
    from ..database import get_db
    from ..storage import tokens as token_rows
    with app.app_context():
        conn = get_db()
        if token_rows.count(conn):
            return None
        try:
            return auth.create_token(conn, name="admin", role="admin")
        except auth.TokenError:  # another server on the same data made it just now
            return None
