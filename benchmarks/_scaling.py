"""Several servers: classify throughput with one and with two server processes on one
PostgreSQL (and the ratio), and the latency of an example write on SQLite and on PostgreSQL.

The PostgreSQL server is a throw-away one (``tests.postgres_cluster``: initdb in a temporary
folder, a free port, fsync on as in production). Two processes are driven by one wrk each,
with half the connections; one process by one wrk with all of them.
"""
from __future__ import annotations

import http.client
import json
import secrets
import shutil
import statistics
import time
from pathlib import Path

from . import _server, _wrk

CONNECTIONS = 32
TEXT = "Jullie horen hier niet, ga terug naar je eigen land"


def run(*, env: dict, models_dir: Path, folder: Path, quick: bool, log=print) -> dict:
    from tests.postgres_cluster import Cluster
    seconds = 5 if quick else 15
    writes = 100 if quick else 300
    cluster = Cluster(fsync=True).start()
    try:
        url = cluster.create_database("bench")
        shared_models = folder / "shared-models"
        shutil.copytree(models_dir, shared_models)
        shared = {**env, "REAGEERWIJZER_DATABASE": url,
                  "REAGEERWIJZER_MODEL_STORE_DIR": str(shared_models),
                  "REAGEERWIJZER_SECRET_KEY": secrets.token_urlsafe(32)}
        envs = [{**shared, "REAGEERWIJZER_DATA_DIR": str(folder / f"node{i}")} for i in (1, 2)]
        servers = [_server.Server(e, folder / f"node{i}.log").start() for i, e in enumerate(envs, 1)]
        try:
            token = _server.create_worker_token(envs[0], name="bench-scaling")
            wrk = _wrk.ensure_wrk()
            lua = _wrk.script(folder, method="POST", body={"text": TEXT, "lang": "nl"}, token=token)
            for server in servers:  # warm up: the first requests load lazily
                for _ in range(20):
                    server.request("POST", "/api/v1/classify", {"text": TEXT, "lang": "nl"}, token)
            log(f"scaling: classify, 1 server process, {CONNECTIONS} connections, {seconds} s")
            one = _throughput(wrk, lua, servers[:1], seconds=seconds)
            log(f"scaling: classify, 2 server processes, {CONNECTIONS // 2} connections each")
            two = _throughput(wrk, lua, servers, seconds=seconds)
            log(f"scaling: {writes} example writes on PostgreSQL")
            pg_write = _write_latency(servers[0], token, writes, "pg")
        finally:
            for server in servers:
                server.stop()
        log(f"scaling: {writes} example writes on SQLite")
        sqlite_env = {**env, "REAGEERWIJZER_DATA_DIR": str(folder / "sqlite-node")}
        sqlite_env.pop("REAGEERWIJZER_DATABASE", None)
        shutil.copytree(models_dir, folder / "sqlite-node" / "models")
        sqlite_token = _server.create_worker_token(sqlite_env, name="bench-sqlite")
        server = _server.Server(sqlite_env, folder / "sqlite-node.log").start()
        try:
            sqlite_write = _write_latency(server, sqlite_token, writes, "sqlite")
        finally:
            server.stop()
    finally:
        cluster.stop()
    return {"connections": CONNECTIONS, "seconds": seconds,
            "one_process": one, "two_processes": two,
            "ratio": round(two["requests_per_s"] / one["requests_per_s"], 2)
            if one["requests_per_s"] else None,
            "write_latency_ms": {"sqlite": sqlite_write, "postgresql": pg_write}}


def _throughput(wrk: str, lua: Path, servers, *, seconds: float) -> dict:
    per = CONNECTIONS // len(servers)
    procs = [_wrk.run(wrk, lua, port=s.port, path="/api/v1/classify", connections=per,
                      seconds=seconds, max_requests=10**9) for s in servers]
    per_process = []
    for proc in procs:
        out, _err = proc.communicate(timeout=seconds + 60)
        result = _wrk.parse(out)
        duration = result["duration_us"] / 1e6
        per_process.append({
            "requests_per_s": round(result["requests"] / duration, 1) if duration else 0.0,
            "p50_ms": round(result["latency_us"]["p50"] / 1000, 2),
            "p99_ms": round(result["latency_us"]["p99"] / 1000, 2),
            "errors": sum(result["errors"].values()) + result["non2xx"]})
    return {"processes": len(servers),
            "requests_per_s": round(sum(r["requests_per_s"] for r in per_process), 1),
            "errors": sum(r["errors"] for r in per_process), "per_process": per_process}


def _write_latency(server, token: str, count: int, tag: str) -> dict:
    conn = http.client.HTTPConnection(_server.HOST, server.port, timeout=10)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    times, statuses = [], []
    try:
        for i in range(count):
            body = json.dumps({"text": f"Benchmarkvoorbeeld {tag} nummer {i} {secrets.token_hex(4)}",
                               "label": 1, "lang": "nl"})
            start = time.perf_counter()
            conn.request("POST", "/api/v1/examples", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            times.append((time.perf_counter() - start) * 1000)
            statuses.append(resp.status)
    finally:
        conn.close()
    times.sort()
    return {"count": count, "created": statuses.count(201),
            "p50": round(statistics.median(times), 2),
            "p99": round(times[min(len(times) - 1, int(len(times) * 0.99))], 2)}
