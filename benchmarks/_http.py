"""(b) HTTP: the production server under 1, 8, 32 and 128 keep-alive clients, next to /health.

Each concurrency runs /api/v1/health and then /api/v1/classify for the same time, so the
classify throughput can be read as a fraction of what the server and this machine manage for
the cheapest request. Also measured per run: the server's CPU time per request (robust
against other load on the machine), the CPU the rest of the machine used meanwhile, and
whether every connection was accepted.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from . import _procs, _wrk
from ._inprocess import TYPICAL_POST
from ._server import Server, listen_backlog

CONCURRENCY = (1, 8, 32, 128)
CLASSIFY = "/api/v1/classify"
HEALTH = "/api/v1/health"


def run(server: Server, token: str, *, folder: Path, quick: bool, log=print) -> dict:
    wrk = _wrk.ensure_wrk()
    body = {"text": TYPICAL_POST, "lang": "nl"}
    scripts = {CLASSIFY: _wrk.script(folder, method="POST", body=body, token=token),
               HEALTH: _wrk.script(folder, method="GET", body=None, token=None)}
    _warm_up(server, token, body)
    rss_after_load = _procs.tree_rss_mb(server.pid)
    seconds = {CLASSIFY: 3.0, HEALTH: 2.0} if quick else {CLASSIFY: 10.0, HEALTH: 5.0}
    max_requests = 50_000 if quick else 200_000
    runs = []
    for connections in CONCURRENCY:
        row = {"connections": connections}
        for path in (HEALTH, CLASSIFY):
            log(f"  {path} with {connections} connection(s), {seconds[path]:g} s")
            row[path.rsplit("/", 1)[1]] = _one_run(wrk, scripts[path], server, path, connections,
                                                   seconds[path], max_requests)
        health_rps = row["health"]["requests_per_s"]
        row["classify"]["ratio_to_health"] = (round(row["classify"]["requests_per_s"] / health_rps, 3)
                                              if health_rps else None)
        runs.append(row)
    return {
        "load_generator": "wrk (1 thread, keep-alive, Lua script; bounded by time and count)",
        "server_command": "reageerwijzer serve --host 127.0.0.1 --port 0",
        "body_bytes": len(str(body).encode()),
        "runs": runs,
        "server_rss_mb_after_load": round(rss_after_load, 1),
        "server_rss_mb_after_http": round(_procs.tree_rss_mb(server.pid), 1),
        "server_peak_rss_mb": round(sum(_procs.status_kib(p, "VmHWM")
                                        for p in _procs.tree(server.pid)) * 1024 / _procs.MB, 1),
        "server_processes": len(_procs.tree(server.pid)),
    }


def _warm_up(server: Server, token: str, body: dict) -> None:
    for _ in range(100):
        status, answer = server.request("POST", CLASSIFY, body, token=token)
        if status != 200 or "score" not in answer:
            raise RuntimeError(f"classify answered {status}: {answer}")


def _one_run(wrk: str, lua: Path, server: Server, path: str, connections: int, seconds: float,
             max_requests: int) -> dict:
    cpu0, busy0, self0 = _procs.cpu_seconds(server.pid), _procs.busy_seconds(), _self_cpu()
    t0 = time.perf_counter()
    proc = _wrk.run(wrk, lua, port=server.port, path=path, connections=connections,
                    seconds=seconds, max_requests=max_requests)
    # Halfway through: did the server accept every connection?
    probe: dict = {}
    timer = threading.Timer(seconds / 2, lambda: probe.update(
        backlog=listen_backlog(server.port), rss=_procs.tree_rss_mb(server.pid)))
    timer.start()
    stdout, stderr = proc.communicate(timeout=seconds + 60)
    timer.cancel()
    wall = time.perf_counter() - t0
    result = _wrk.parse(stdout)
    server_cpu = _procs.cpu_seconds(server.pid) - cpu0
    machine_busy = _procs.busy_seconds() - busy0
    requests = result["requests"]
    duration = result["duration_us"] / 1e6
    lat = result["latency_us"]
    errors = sum(result["errors"].values())
    return {
        "requests": requests,
        "seconds": round(duration, 2),
        "requests_per_s": round(requests / duration, 1) if duration else 0.0,
        "p50_ms": round(lat["p50"] / 1000, 3), "p90_ms": round(lat["p90"] / 1000, 3),
        "p99_ms": round(lat["p99"] / 1000, 3), "max_ms": round(lat["max"] / 1000, 3),
        "non2xx": result["non2xx"], "socket_errors": result["errors"],
        "errors": errors + result["non2xx"],
        "unaccepted_connections_midrun": probe.get("backlog"),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / requests, 3) if requests else None,
        # Cores' worth of CPU used by everything but the server and this benchmark (wrk included).
        "other_cpu_cores": round(max(0.0, machine_busy - server_cpu - (_self_cpu() - self0))
                                 / wall, 2),
        "wrk_stderr": stderr.strip()[-300:] or None,
    }


def _self_cpu() -> float:
    """CPU time of this process and of its finished children (wrk)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system
