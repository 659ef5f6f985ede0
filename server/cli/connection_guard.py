"""Connection limits for waitress, so one client cannot lock everyone else out.

waitress holds at most ``connection_limit`` sockets and stops accepting when they are taken:
500 idle sockets from one address used to leave no room for anyone, not even ``/health``. On
top of waitress's own limits this adds

* a cap per client address (``PER_CLIENT_LIMIT``): a connection beyond it is closed at once;
* a deadline for a request to arrive complete (``REQUEST_DEADLINE``): a client that trickles a
  request in byte by byte (slowloris) is cut off even though it is never idle;
* a shorter idle timeout (``IDLE_TIMEOUT``, waitress's ``channel_timeout``; 120 s by default).

Many addresses at once (a botnet) are the reverse proxy's job: see README, Security.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter

from waitress.channel import HTTPChannel

log = logging.getLogger(__name__)

PER_CLIENT_LIMIT = 64
REQUEST_DEADLINE = 30.0
IDLE_TIMEOUT = 30
REFUSAL_LOG_INTERVAL = 10.0


class GuardedChannel(HTTPChannel):
    """An HTTPChannel that remembers when its current request started and releases its slot."""

    request_started: float | None = None
    _released = False

    def received(self, data):
        before = self.request
        result = super().received(data)
        if self.request is None:
            self.request_started = None
        elif self.request is not before:
            self.request_started = time.monotonic()
        return result

    def del_channel(self, map=None):  # noqa: A002 (every way of closing ends here)
        try:
            super().del_channel(map)
        finally:
            if not self._released:
                self._released = True
                self.server.connection_guard.release(self.addr)


class ConnectionGuard:
    """Per-address connection counts for one waitress server."""

    def __init__(self, *, per_client: int = PER_CLIENT_LIMIT,
                 request_deadline: float = REQUEST_DEADLINE) -> None:
        self.per_client = per_client
        self.request_deadline = request_deadline
        self._lock = threading.Lock()
        self._open: Counter[str] = Counter()
        self.refused = 0
        self._last_log = float("-inf")

    def channel(self, server, conn, addr, adj, map=None):  # noqa: A002 (waitress's name)
        """Make a channel for a new connection, or close it when its address has too many."""
        host = _host(addr)
        with self._lock:
            over = self._open[host] >= self.per_client
            if not over:
                self._open[host] += 1
        if over:
            self.refused += 1
            conn.close()
            now = time.monotonic()
            if now - self._last_log >= REFUSAL_LOG_INTERVAL:
                self._last_log = now
                log.warning("refused connections from %s: it holds %d already (limit per client; "
                            "%d refused so far)", host, self.per_client, self.refused)
            return None
        try:
            return GuardedChannel(server, conn, addr, adj, map=map)
        except BaseException:
            self.release(addr)
            raise

    def release(self, addr) -> None:
        host = _host(addr)
        with self._lock:
            self._open[host] -= 1
            if self._open[host] <= 0:
                del self._open[host]

    def open_from(self, host: str) -> int:
        with self._lock:
            return self._open.get(host, 0)

    def maintenance(self, server, now: float) -> None:
        """Close channels whose request has been arriving for longer than the deadline."""
        cutoff = time.monotonic() - self.request_deadline
        for channel in list(server.active_channels.values()):
            started = getattr(channel, "request_started", None)
            if started is not None and started < cutoff and not channel.requests:
                channel.will_close = True


def _host(addr) -> str:
    return str(addr[0]) if isinstance(addr, tuple) else str(addr)


def install(server, guard: ConnectionGuard | None = None) -> ConnectionGuard:
    """Put ``guard`` in front of ``server``'s accept and maintenance (waitress calls both)."""
    guard = guard or ConnectionGuard()
    server.connection_guard = guard
    server.channel_class = guard.channel
    waitress_maintenance = server.maintenance

    def maintenance(now):
        waitress_maintenance(now)
        guard.maintenance(server, now)
    server.maintenance = maintenance
    return guard
