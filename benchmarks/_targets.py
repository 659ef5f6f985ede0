"""The performance targets for a 2-core machine, checked against a run's results."""
from __future__ import annotations


def _run(results: dict, connections: int) -> dict | None:
    for row in (results.get("http") or {}).get("runs", []):
        if row["connections"] == connections:
            return row["classify"]
    return None


def check(results: dict) -> list[dict]:
    """One entry per target: name, the measured value, the limit, and PASS, FAIL or NOT RUN."""
    inproc = results.get("inprocess") or {}
    c1, c32 = _run(results, 1), _run(results, 32)
    retrain = (results.get("training") or {}).get("retrain")
    memory = results.get("memory") or {}
    rss = [v for v in (memory.get("server_rss_mb_after_load"), memory.get("server_rss_mb_after_http"))
           if v is not None]
    # Issue 9's targets for the hybrid model (n-grams + sentence encoder) on 2 cores.
    perspective = {row["connections"]: row for row in (results.get("perspective") or {}).get("runs", [])}
    p32 = perspective.get(32)
    targets = [
        ("in-process classify, 280 chars, explained, p50", "≤ 30 ms", 30.0, "max", "ms",
         inproc.get("long", {}).get("p50_ms")),
        ("HTTP classify, 1 client, p50", "≤ 40 ms", 40.0, "max", "ms", c1 and c1["p50_ms"]),
        ("HTTP classify, 32 clients, throughput", "≥ 60 req/s", 60.0, "min", "req/s",
         c32 and c32["requests_per_s"]),
        ("HTTP classify, 32 clients, errors", "= 0", 0, "max", "",
         c32 and c32["errors"] + (c32["unaccepted_connections_midrun"] or 0)),
        ("Perspective analyze, 32 clients, server CPU per request / classify's", "≤ 1.00", 1.0, "max", "",
         p32 and p32["cpu_ratio"]),
        ("Perspective analyze, 32 clients, errors", "= 0", 0, "max", "", p32 and p32["analyze"]["errors"]),
        ("retraining on 10k examples, warm cache", "≤ 60 s", 60.0, "max", "s",
         retrain and (retrain["wall_seconds"] if retrain["ok"] else float("inf"))),
        ("server RSS (all processes)", "≤ 500 MB", 500.0, "max", "MB", max(rss) if rss else None),
        ("model artifact", "≤ 20 MB", 20.0, "max", "MB", memory.get("artifact_mb")),
        ("console queue page (50 of 10k), worst p90", "≤ 200 ms", 200.0, "max", "ms",
         (results.get("console") or {}).get("worst_p90_ms")),
        ("worst crafted text / typical post, same length", "≤ 5x", 5.0, "max", "x",
         (results.get("crafted") or {}).get("ratio")),
    ]
    out = []
    for name, limit_text, limit, kind, unit, value in targets:
        if value is None:
            verdict = "NOT RUN"
        else:
            verdict = "PASS" if (value <= limit if kind == "max" else value >= limit) else "FAIL"
        out.append({"target": name, "limit": limit_text, "value": value, "unit": unit,
                    "result": verdict})
    return out
