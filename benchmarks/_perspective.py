"""(d) Perspective's comments:analyze next to /api/v1/classify, on the production server.

The same post, the same server, back to back at each concurrency: POST /api/v1/classify
(Bearer token) and POST /v1alpha1/comments:analyze shaped as Coral Talk sends it
(``requestedAttributes: {TOXICITY: {}}``, ``doNotStore``, ``languages``, the key in the query
string). Compared by the server's CPU time per request, which other load on the machine
disturbs least, and by throughput.
"""
from __future__ import annotations

from pathlib import Path

from . import _http, _wrk
from ._inprocess import TYPICAL_POST
from ._server import Server

CONCURRENCY = (1, 32)
ANALYZE = "/v1alpha1/comments:analyze"


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
    runs = []
    for connections in CONCURRENCY:
        row = {"connections": connections}
        for name, lua, path in (("classify", classify_lua, _http.CLASSIFY),
                                ("analyze", analyze_lua, analyze_path)):
            log(f"  {name} with {connections} connection(s), {seconds:g} s")
            row[name] = _http._one_run(wrk, lua, server, path, connections, seconds, max_requests)
        c, a = row["classify"], row["analyze"]
        row["cpu_ratio"] = (round(a["server_cpu_ms_per_request"] / c["server_cpu_ms_per_request"], 3)
                            if a["server_cpu_ms_per_request"] and c["server_cpu_ms_per_request"] else None)
        row["throughput_ratio"] = (round(a["requests_per_s"] / c["requests_per_s"], 3)
                                   if c["requests_per_s"] else None)
        runs.append(row)
    return {"body": "Coral's analyze: TOXICITY, doNotStore, languages [nl]; key in the query string",
            "runs": runs}
