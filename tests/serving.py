"""The production waitress server for tests: in a thread, or as a `reageerwijzer serve` process."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from server.cli.serve import make_server

FIXTURES = Path(__file__).parent / "fixtures"


@contextlib.contextmanager
def serve_process(data_dir, *, env: dict | None = None, port: int = 0) -> Iterator:
    """A `serve` process on a free port; yields it with the API's base URL from its first line.

    ``env`` adds settings (REAGEERWIJZER_DATABASE, ...) for this process.
    """
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir),
           "REAGEERWIJZER_TRAINING_DATA_DIR": str(FIXTURES / "training_small"), **(env or {})}
    with subprocess.Popen([sys.executable, "-m", "server", "serve", "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as proc:
        try:
            first = proc.stdout.readline()
            match = re.search(r"listening on (http://127\.0\.0\.1:(\d+)/api/v1)", first)
            assert match, f"unexpected first line: {first!r}"
            # The address to paste into the extension's settings is printed without /api/v1.
            assert f"server address for the extension's settings: http://127.0.0.1:{match.group(2)}\n" in first, first
            yield proc, match.group(1)
        finally:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(timeout=10)


@contextlib.contextmanager
def waitress_in_thread(app, *, threads: int = 4) -> Iterator:
    """Serve ``app`` on 127.0.0.1 on a free port (``server.effective_port``) until the block ends."""
    server = make_server(app, host="127.0.0.1", port=0, threads=threads)
    thread = threading.Thread(target=server.run, name="waitress-under-test", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop(server, thread)


def stop(server, thread: threading.Thread) -> None:
    """Stop without racing the server's own threads.

    ``server.close()`` from another thread closes the trigger while the loop (or a request
    thread) may still pull it (EBADF). So: let the request threads finish, then close every
    socket from inside the loop's thread; the loop ends when nothing is left to watch.
    """
    server.task_dispatcher.shutdown(timeout=10)

    def close_everything() -> None:
        for dispatcher in list(server._map.values()):
            if dispatcher is not server and dispatcher is not server.trigger:
                dispatcher.close()
        server.close()  # the listening socket and the trigger

    server.trigger.pull_trigger(close_everything)
    thread.join(timeout=10)
    assert not thread.is_alive(), "waitress did not stop"
