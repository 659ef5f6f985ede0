"""Finding 7: one address holding 500 sockets locks nobody else out; slow and idle clients go."""
import contextlib
import json
import socket
import time

import pytest

from server.cli import connection_guard

from .conftest import make_token
from .serving import waitress_in_thread

ATTACKER = "127.0.0.2"  # Linux routes all of 127/8 to loopback: a second client address


def request(port, raw: bytes, *, source="127.0.0.1", timeout=10.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                  source_address=(source, 0)) as sock:
        sock.sendall(raw)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def open_idle(port, count, source=ATTACKER) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", port))
        sockets.append(sock)
    return sockets


@pytest.fixture
def served(app):
    with waitress_in_thread(app) as server:
        yield server


def test_500_sockets_from_one_address_leave_health_and_workers_served(app, served):
    port = int(served.effective_port)
    token = make_token(app, "team", "worker")
    held = open_idle(port, 500)
    try:
        time.sleep(1.0)  # let the server accept (and refuse) them
        health = request(port, b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n"
                               b"Connection: close\r\n\r\n")
        assert health.startswith(b"HTTP/1.1 200"), health[:200]
        body = json.dumps({"text": "hallo allemaal", "lang": "nl"}).encode()
        classify = request(port, b"POST /api/v1/classify HTTP/1.1\r\nHost: localhost\r\n"
                                 b"Authorization: Bearer " + token.encode() + b"\r\n"
                                 b"Content-Type: application/json\r\nConnection: close\r\n"
                                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        assert classify.startswith(b"HTTP/1.1 200"), classify[:200]
        guard = served.connection_guard
        assert guard.open_from(ATTACKER) == connection_guard.PER_CLIENT_LIMIT
        assert guard.refused >= 500 - connection_guard.PER_CLIENT_LIMIT
    finally:
        for sock in held:
            sock.close()


def test_a_client_that_trickles_its_request_is_cut_off(served):
    served.connection_guard.request_deadline = 1.0
    port = int(served.effective_port)
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
        sock.sendall(b"GET /api/v1/health HTTP/1.1\r\n")
        closed_after = None
        started = time.monotonic()
        with contextlib.suppress(OSError):
            for _ in range(60):  # one header byte every 0.25 s: never idle, never done
                sock.sendall(b"X")
                sock.settimeout(0.25)
                try:
                    if sock.recv(1024) == b"":
                        closed_after = time.monotonic() - started
                        break
                except TimeoutError:
                    pass
        if closed_after is None:
            closed_after = time.monotonic() - started
    assert closed_after < 12  # deadline 1 s, checked every cleanup_interval (5 s)


def test_idle_clients_time_out_sooner_than_waitress_default(served):
    assert served.adj.channel_timeout == connection_guard.IDLE_TIMEOUT <= 30
    assert served.adj.cleanup_interval <= 5
