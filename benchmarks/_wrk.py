"""The load generator: Debian's ``wrk`` with a Lua script (POST with a token, keep-alive).

The script stops each wrk thread after a number of responses, so a run is bounded by count as
well as by wrk's own ``--duration``; it counts non-2xx responses and prints one JSON line.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

from ._server import HOST

LUA = r"""
-- Written by benchmarks/_wrk.py.
local token = TOKEN
wrk.method = METHOD
wrk.body = BODY
wrk.headers["Content-Type"] = "application/json"
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  max_responses = tonumber(args[1])
  responses = 0
  non2xx = 0
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if responses >= max_responses then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "non2xx": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration, bad, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
"""


def ensure_wrk() -> str:
    """The path of ``wrk``; installs Debian's package first when it is missing (needs root or sudo)."""
    found = shutil.which("wrk")
    if found:
        return found
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    for cmd in ([*sudo, "apt-get", "install", "-y", "-q", "wrk"],
                [*sudo, "apt-get", "update", "-q"],
                [*sudo, "apt-get", "install", "-y", "-q", "wrk"]):
        subprocess.run(cmd, capture_output=True, timeout=600, check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("wrk")
        if found:
            return found
    raise RuntimeError("wrk is not installed and 'apt-get install wrk' failed; install it "
                       "(Debian package 'wrk') and run the benchmarks again")


def script(folder: Path, *, method: str, body: dict | None, token: str | None) -> Path:
    lua = (LUA.replace("METHOD", _lua_string(method), 1)
              .replace("BODY", _lua_string(json.dumps(body, ensure_ascii=False)) if body else "nil", 1)
              .replace("TOKEN", _lua_string(token or ""), 1))
    path = folder / f"{method.lower()}-{'auth' if token else 'anon'}.lua"
    path.write_text(lua, encoding="utf-8")
    path.chmod(0o600)  # it holds the token
    return path


def run(wrk: str, lua: Path, *, port: int, path: str, connections: int, seconds: float,
        max_requests: int, timeout_s: float = 5) -> subprocess.Popen:
    """Start one wrk run (1 thread, ``connections`` keep-alive connections) against 127.0.0.1."""
    per_thread = max(1, math.ceil(max_requests))
    cmd = [wrk, "-t1", f"-c{connections}", f"-d{seconds:g}s", f"--timeout={timeout_s:g}s",
           "-s", str(lua), f"http://{HOST}:{port}{path}", "--", str(per_thread)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def parse(stdout: str) -> dict:
    for line in stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line[len("BENCH_JSON "):])
    raise RuntimeError(f"wrk printed no result:\n{stdout[-2000:]}")


def _lua_string(value: str) -> str:
    # Lua long brackets need no escaping as long as the closing sequence does not occur.
    level = 0
    while f"]{'=' * level}]" in value:
        level += 1
    return f"[{'=' * level}[{value}]{'=' * level}]"
