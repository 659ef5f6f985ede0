"""The production server as a child process: ``reageerwijzer serve --port 0`` on 127.0.0.1."""
from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"  # the benchmarks never send a request anywhere else
_LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)/")


def command() -> list[str]:
    """The ``reageerwijzer`` command the README documents, as ``python -m server`` of this
    interpreter: run from the checkout being measured (``python -m benchmarks`` runs from its
    root), it measures that checkout's code, not whichever one an installed script points at."""
    return [sys.executable, "-m", "server"]


def cli(args: list[str], *, env: dict, timeout: float = 300) -> str:
    out = subprocess.run([*command(), *args], env=env, capture_output=True, text=True,
                         timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"reageerwijzer {' '.join(args)} failed ({out.returncode}): "
                           f"{out.stderr.strip()[-500:]}")
    return out.stdout


def create_worker_token(env: dict, name: str = "bench") -> str:
    """``reageerwijzer token create --role worker --name bench``; the token is its last line."""
    lines = [line.strip() for line in cli(["token", "create", "--role", "worker", "--name", name],
                                           env=env).splitlines() if line.strip()]
    return lines[-1]


class Server:
    """``reageerwijzer serve --port 0`` with its own environment; logs go to ``log_path``."""

    def __init__(self, env: dict, log_path: Path, *, extra_args: tuple[str, ...] = ()) -> None:
        self.env, self.log_path, self.extra_args = env, log_path, extra_args
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None

    def start(self, *, timeout: float = 300) -> Server:
        self._log = self.log_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen([*command(), "serve", "--host", HOST, "--port", "0",
                                      *self.extra_args],
                                     env=self.env, stdout=subprocess.PIPE, stderr=self._log,
                                     stdin=subprocess.DEVNULL, text=True)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.proc.stdout],
                         daemon=True).start()
        deadline = time.monotonic() + timeout
        while self.port is None:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-1500:]
                raise RuntimeError(f"the server did not start; its log ends with:\n{tail}")
            try:
                match = _LISTENING.search(lines.get(timeout=0.5))
            except queue.Empty:
                continue
            if match:
                self.port = int(match.group(1))
        self.wait_healthy(deadline)
        return self

    def wait_healthy(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            try:
                status, _ = self.request("GET", "/api/v1/health")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not answer /api/v1/health")

    def request(self, method: str, path: str, body: dict | None = None,
                token: str | None = None) -> tuple[int, dict]:
        conn = http.client.HTTPConnection(HOST, self.port, timeout=10)
        try:
            headers = {"Content-Type": "application/json"}
            if token:
                headers["Authorization"] = f"Bearer {token}"
            conn.request(method, path, body=json.dumps(body) if body is not None else None,
                         headers=headers)
            resp = conn.getresponse()
            return resp.status, json.loads(resp.read() or b"null")
        finally:
            conn.close()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # waitress closes its sockets on Ctrl-C
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self._log.close()


def listen_backlog(port: int) -> int:
    """Connections the kernel has completed but the server has not accepted yet (IPv4 loopback)."""
    want = f"0100007F:{port:04X}"
    try:
        lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return 0
    for line in lines:
        fields = line.split()
        if fields[1] == want and fields[3] == "0A":  # LISTEN
            return int(fields[4].split(":")[1], 16)
    return 0


def environment(data_dir: Path) -> dict:
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data_dir)}
    env.pop("REAGEERWIJZER_DATABASE", None)  # the temporary data folder holds everything
    return env
