"""(d) The console's review queue: one page of 50 out of 10,000 examples, rendered by the app.

The app runs in this process (Flask's test client: routing, the session and CSRF checks, the
queries, the template; no network) on a temporary data folder with the small test model, so
the figure is the server's own work for the page. Pages at the start, middle and end of the
queue, and with each filter, are each asked for repeatedly.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

from ._stats import summarize

EXAMPLES = 10_000
PER_PAGE = 50
SMALL_TRAINING = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "training_small"
REGRESSION = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "retrain" / "regression.csv"
WORDS = ("buurt", "school", "voetbal", "jullie", "horen", "hier", "niet", "morgen", "feest", "plein",
         "people", "town", "garden", "never", "again", "welcome", "leave", "stupid", "nice", "team")


def run(folder: Path, *, quick: bool) -> dict:
    from server import auth, create_app
    from server.database import get_db

    app = create_app({"DATA_DIR": str(folder / "console-data"), "TRAINING_DATA_DIR": str(SMALL_TRAINING),
                      "REGRESSION_SET": str(REGRESSION)})
    version = app.extensions["model_store"].active_version
    with app.app_context():
        conn = get_db()
        token = auth.create_token(conn, name="bench-admin", role="admin")
        _fill(conn, version)
    client = app.test_client()
    page = client.get("/console/signin").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    assert client.post("/console/signin", data={"csrf": csrf, "token": token}).status_code == 303
    last = EXAMPLES // PER_PAGE
    cases = {
        "first page": "/console/examples?state=all",
        "middle page": f"/console/examples?state=all&page={last // 2}",
        "last page": f"/console/examples?state=all&page={last}",
        "new, Dutch, one team": "/console/examples?state=new&language=nl&team=team-1",
        "disagreement": "/console/examples?state=all&disagreement=1&page=5",
    }
    repeats = 10 if quick else 30
    out = {"examples": EXAMPLES, "per_page": PER_PAGE, "cases": {}}
    for name, path in cases.items():
        client.get(path)  # warm: template compiled, sidecars read
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            resp = client.get(path)
            body = resp.get_data()
            times.append(time.perf_counter() - t0)
            assert resp.status_code == 200, (path, resp.status_code)
        out["cases"][name] = {**summarize(times), "rows": body.count(b'data-example="'),
                              "kilobytes": round(len(body) / 1024, 1)}
    out["worst_p90_ms"] = max(c["p90_ms"] for c in out["cases"].values())
    return out


def _fill(conn, version: str) -> None:
    """10,000 examples as workers would leave them: both labels and languages, 12 teams."""
    from server.learning.scrub import dedupe_key
    from server.storage.connection import transaction
    rows = []
    for i in range(EXAMPLES):
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 15))
        text = f"Bericht {i}: {words}"
        label = i % 2
        rows.append((text, dedupe_key(text, label), label, "hurtful" if label else None,
                     "nl" if i % 3 else "en", f"team-{i % 12}", "2026-12-01T12:00:00Z",
                     (i % 100) / 100, version, ("new", "accepted", "rejected")[(i // 3) % 3]))
    with transaction(conn):
        conn.executemany("INSERT INTO examples (text, text_key, label, category, lang, saved_by,"
                         " created_at, score, model_version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         rows)
