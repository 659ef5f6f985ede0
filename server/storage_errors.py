"""A data folder that cannot be written (read-only, full, gone) answers 503 naming the cause.

The cause is logged (it never holds a post text: SQLite's and the OS's messages name the
condition, not the data) and kept for a minute, so ``/health`` says ``degraded`` with the
reason while the problem lasts.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time

from flask import Flask, request

from .errors import error_body
from .storage.failures import cause_of

log = logging.getLogger(__name__)

REMEMBER_SECONDS = 60.0

class StorageHealth:
    """The last storage failure, for /health."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: tuple[float, str] | None = None

    def failed(self, cause: str) -> None:
        with self._lock:
            self._last = (time.monotonic(), cause)

    def problem(self) -> str | None:
        with self._lock:
            if self._last and time.monotonic() - self._last[0] < REMEMBER_SECONDS:
                return self._last[1]
        return None


def init_app(app: Flask) -> None:
    health = app.extensions["storage_health"] = StorageHealth()

    def unavailable(err: Exception):
        cause = cause_of(err)
        rule = request.url_rule.rule if request.url_rule is not None else "(no route)"
        if cause is None:
            raise err  # not a storage condition: the generic 500 handler logs it
        health.failed(cause)
        log.error("storage failure in %s %s: %s (%s)", request.method, rule, cause,
                  type(err).__name__)
        response, status = error_body(503, "storage_unavailable", "Service Unavailable",
                                      f"the server cannot store data right now: {cause}; "
                                      "nothing was changed, try again later")
        response.headers["Retry-After"] = "30"
        return response, status

    app.register_error_handler(sqlite3.OperationalError, unavailable)
    app.register_error_handler(OSError, unavailable)
