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
    targets = [
        ("in-process classify p50", "≤ 1 ms", 1.0, "max", "ms",
         inproc.get("typical", {}).get("p50_ms")),
        ("HTTP classify, 1 client, p50", "≤ 3 ms", 3.0, "max", "ms", c1 and c1["p50_ms"]),
        ("HTTP classify, 1 client, p99", "≤ 10 ms", 10.0, "max", "ms", c1 and c1["p99_ms"]),
        ("HTTP classify, 32 clients, throughput", "≥ 500 req/s", 500.0, "min", "req/s",
         c32 and c32["requests_per_s"]),
        ("HTTP classify, 32 clients, errors", "= 0", 0, "max", "",
         c32 and c32["errors"] + (c32["unaccepted_connections_midrun"] or 0)),
        ("retraining on 10k examples", "≤ 30 s", 30.0, "max", "s",
         retrain and (retrain["wall_seconds"] if retrain["ok"] else float("inf"))),
        ("server RSS (all processes)", "≤ 300 MB", 300.0, "max", "MB", max(rss) if rss else None),
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
