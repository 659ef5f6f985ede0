"""(d) Perspective's comments:analyze next to /api/v1/classify, on the production server.

The same post, the same server, back to back at each concurrency: POST /api/v1/classify
(Bearer token) and POST /v1alpha1/comments:analyze shaped as Coral Talk sends it
(``requestedAttributes: {TOXICITY: {}}``, ``doNotStore``, ``languages``, the key in the query
string). Compared by the server's CPU time per request, which other load on the machine
disturbs least, and by throughput.

Each endpoint runs twice, in the order classify, analyze, analyze, classify, and its two runs
are added up: the server's CPU per request drifts by 5-15 % over a few back-to-back runs, up or
down (one run each gave a ratio of 1.05-1.09 in one order and 0.94 in the other), and this order
cancels a steady drift.
"""
from __future__ import annotations

from pathlib import Path

from . import _http, _wrk
from ._inprocess import TYPICAL_POST
from ._server import Server

CONCURRENCY = (1, 32)
ANALYZE = "/v1alpha1/comments:analyze"
ORDER = ("classify", "analyze", "analyze", "classify")


def run(server: Server, token: str, *, folder: Path, quick: bool, log=print) -> dict:
    wrk = _wrk.ensure_wrk()
    classify_body = {"text": TYPICAL_POST, "lang": "nl"}
    analyze_body = {"comment": {"text": TYPICAL_POST}, "requestedAttributes": {"TOXICITY": {}},
                    "doNotStore": True, "languages": ["nl"]}
    classify_lua = _wrk.script(folder, method="POST", body=classify_body, token=token)
    analyze_folder = folder / "perspective"
    analyze_folder.mkdir(exist_ok=True)
    analyze_lua = _wrk.script(analyze_folder, method="POST", body=analyze_body, token=None)
    analyze_path = f"{ANALYZE}?key={token}"
    status, answer = server.request("POST", analyze_path, analyze_body, token=None)
    if status != 200 or "attributeScores" not in answer:
        raise RuntimeError(f"comments:analyze answered {status}: {answer}")
    _http._warm_up(server, token, classify_body)
    seconds = 3.0 if quick else 8.0
    max_requests = 50_000 if quick else 200_000
    targets = {"classify": (classify_lua, _http.CLASSIFY), "analyze": (analyze_lua, analyze_path)}
    runs = []
    for connections in CONCURRENCY:
        row = {"connections": connections}
        halves: dict[str, list[dict]] = {name: [] for name in targets}
        for name in ORDER:
            lua, path = targets[name]
            log(f"  {name} with {connections} connection(s), {seconds:g} s")
            halves[name].append(_http._one_run(wrk, lua, server, path, connections, seconds, max_requests))
        row.update({name: _combined(done) for name, done in halves.items()})
        c, a = row["classify"], row["analyze"]
        row["cpu_ratio"] = (round(a["server_cpu_ms_per_request"] / c["server_cpu_ms_per_request"], 3)
                            if a["server_cpu_ms_per_request"] and c["server_cpu_ms_per_request"] else None)
        row["throughput_ratio"] = (round(a["requests_per_s"] / c["requests_per_s"], 3)
                                   if c["requests_per_s"] else None)
        runs.append(row)
    return {"body": "Coral's analyze: TOXICITY, doNotStore, languages [nl]; key in the query string",
            "runs": runs}


def _combined(runs: list[dict]) -> dict:
    """One endpoint's runs as one: totals for counts and CPU, the mean of the latency
    percentiles (each run's own figures stay under ``runs``)."""
    requests = sum(r["requests"] for r in runs)
    seconds = sum(r["seconds"] for r in runs)
    cpu_ms = sum((r["server_cpu_ms_per_request"] or 0) * r["requests"] for r in runs)
    out = {"requests": requests, "seconds": round(seconds, 2),
           "requests_per_s": round(requests / seconds, 1) if seconds else 0.0}
    for key in ("p50_ms", "p90_ms", "p99_ms"):
        out[key] = round(sum(r[key] for r in runs) / len(runs), 3)
    out["max_ms"] = max(r["max_ms"] for r in runs)
    out["errors"] = sum(r["errors"] for r in runs)
    out["non2xx"] = sum(r["non2xx"] for r in runs)
    out["server_cpu_ms_per_request"] = round(cpu_ms / requests, 3) if requests else None
    out["runs"] = runs
    return out
