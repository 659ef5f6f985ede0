"""Failed authentication: logged (never the token), and a client that keeps failing is slowed.

Every 401 is logged with the client's address and why (missing, malformed, unknown or revoked
token). An address with ``limit`` failures within ``window`` seconds is refused with 429 and a
``Retry-After`` for ``window`` seconds, doubling with every failure while it is blocked (at most
a day), before its token is even looked at: guessing a token at 8,000 tries in 10 seconds
becomes ten tries a minute, then fewer. One line is logged when an address is blocked, not one
per refused try. Behind a reverse proxy every client has the proxy's address: the proxy's
own per-client limits then matter most (see README, Security).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque

log = logging.getLogger(__name__)

MAX_BLOCK = 24 * 3600
MAX_TRACKED = 10_000  # addresses remembered; the oldest are forgotten first


class FailureTracker:
    """Per-address failure times and blocks, in memory (one server process)."""

    def __init__(self, *, limit: int, window: float) -> None:
        self.limit, self.window = max(1, int(limit)), float(window)
        self._lock = threading.Lock()
        self._failures: dict[str, deque] = {}
        self._blocked: dict[str, tuple[float, float]] = {}  # address -> (until, block seconds)

    def retry_after(self, address: str) -> int | None:
        """Seconds the address must still wait, or None when it may try."""
        with self._lock:
            blocked = self._blocked.get(address)
            if blocked is None:
                return None
            until, _ = blocked
            left = until - time.monotonic()
            if left <= 0:
                del self._blocked[address]
                return None
            return max(1, int(left + 0.999))

    def failed(self, address: str, reason: str) -> None:
        now = time.monotonic()
        with self._lock:
            if address in self._blocked:  # failing while blocked: block longer
                until, seconds = self._blocked[address]
                seconds = min(MAX_BLOCK, seconds * 2)
                self._blocked[address] = (now + seconds, seconds)
                return
            times = self._failures.setdefault(address, deque())
            times.append(now)
            while times and now - times[0] > self.window:
                times.popleft()
            count = len(times)
            if count >= self.limit:
                self._blocked[address] = (now + self.window, self.window)
                del self._failures[address]
            if len(self._failures) > MAX_TRACKED:
                self._failures.pop(next(iter(self._failures)))
        log.warning("authentication failed from %s: %s", address, reason)
        if count >= self.limit:
            log.warning("address %s blocked for %g s after %d failed authentications in %g s",
                        address, self.window, count, self.window)
