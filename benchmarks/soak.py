"""Soak: mixed traffic at many concurrent clients against the production server, with a retrain.

    python -m benchmarks.soak --seconds 60 --clients 64

starts ``reageerwijzer serve --port 0`` (waitress) on a fresh temporary data folder, creates a
worker and an admin token with ``reageerwijzer token create``, and runs ``--clients`` clients
(threads, each with its own keep-alive connection) sending a mix of POST /classify, /advice and
/examples for ``--seconds``. Part way (``--retrain-at``, a fraction of the run) the admin starts
a retraining (POST /api/v1/retrain) and follows the job to its end.

Every example text is unique, so every POST /examples must answer 201. At the end the examples
in the database are counted (through the API and in the SQLite file) and must equal the number
of 201 answers: nothing lost, nothing doubled. The run fails (exit status 1) on any failed
request (a transport error, or a status other than 200/201 as expected), a lost example, an
error in the server's log, or a retraining that did not succeed; the report gives requests by
kind, failures, p50/p99 latencies, examples stored against 201s and the retraining's outcome.
``--json`` prints the report as JSON instead of a table.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

from benchmarks._server import command

ROOT = Path(__file__).resolve().parent.parent
API = "/api/v1"
KINDS = ("classify", "advice", "example")
WEIGHTS = (0.5, 0.25, 0.25)

# Post-like sentences with the label a worker would give; a unique tag makes each example new.
SENTENCES = [
    ("Ga terug naar je eigen land, jullie horen hier niet", 1, "nl"),
    ("Wat een mooie foto van de markt vanochtend", 0, "nl"),
    ("Die mensen zijn allemaal criminelen en moeten het land uit", 1, "nl"),
    ("Morgen is de buurtvergadering om acht uur in het wijkcentrum", 0, "nl"),
    ("Jij bent echt een waardeloze sukkel, iedereen lacht je uit", 1, "nl"),
    ("Go back to where you came from, nobody wants you here", 1, "en"),
    ("Thanks for organising the clean-up in the park today", 0, "en"),
    ("Ik weet waar je woont en ik kom je halen", 1, "nl"),
    ("De bibliotheek is zaterdag gesloten vanwege een verbouwing", 0, "nl"),
    ("Homo's zijn ziek en moeten genezen worden", 1, "nl"),
]
ADVICE_BODIES = [
    {"answers": {}, "lang": "nl"},
    {"answers": {"content": True}, "lang": "nl"},
    {"answers": {"content": True, "danger": False, "real_person": True}, "lang": "en"},
    {"answers": {"content": True, "danger": False, "real_person": True, "known": True,
                 "influence": True}, "lang": "nl"},
    {"answers": {"content": False, "misinformation": True}, "lang": "en"},
]


# -- the server -------------------------------------------------------------------------------------

class Server:
    """``reageerwijzer serve --port 0`` in a subprocess; its log goes to a file."""

    def __init__(self, env: dict, *, threads: int, log_path: Path, verbose: int = 0) -> None:
        self.log_path = log_path
        self._log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 (closed in stop)
        args = [*command(), *(["-" + "v" * verbose] if verbose else []), "serve",
                "--host", "127.0.0.1", "--port", "0", "--threads", str(threads)]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self._log, text=True,
                                     env=env, cwd=ROOT)
        first = self.proc.stdout.readline()
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/api/v1", first)
        if not match:
            self.stop()
            raise RuntimeError(f"the server did not start: {first!r}; log: {self.log_text()[-2000:]}")
        self.port = int(match.group(1))
        self._rest = threading.Thread(target=self._drain, daemon=True)  # later stdout lines
        self._rest.start()

    def _drain(self) -> None:
        for line in self.proc.stdout:
            self._log.write(line)

    def log_text(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # serve stops cleanly on KeyboardInterrupt
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        with contextlib.suppress(Exception):
            self._rest.join(timeout=5)
        self._log.close()


def create_token(env: dict, role: str, name: str) -> str:
    out = subprocess.run([*command(), "token", "create", "--role", role, "--name", name],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


# -- clients ------------------------------------------------------------------------------------------

class Tally:
    """What the clients saw, shared between their threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {k: [] for k in (*KINDS, "admin")}
        self.statuses: dict[str, Counter] = {k: Counter() for k in (*KINDS, "admin")}
        self.failures: list[str] = []
        self.failed_by_kind: Counter = Counter()
        self.created = 0
        self.versions: Counter = Counter()

    def record(self, kind: str, seconds: float, status: int | str, failure: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if failure:
                self.failed_by_kind[kind] += 1
                if len(self.failures) < 50:
                    self.failures.append(f"{kind}: {failure}")


class Client:
    def __init__(self, port: int, token: str, *, timeout: float) -> None:
        self.port, self.timeout = port, timeout
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        """One request on the kept-alive connection (reconnecting once if the server closed it)."""
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=data, headers=self.headers)
                resp = self.conn.getresponse()
                raw = resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as err:
                self.close()
                # Only a connection the server closed while idle may be retried: the request
                # was never read. Anything else is a failure.
                if attempt == 1 and isinstance(err, http.client.RemoteDisconnected) and data is None:
                    continue
                raise
            if resp.getheader("Connection", "").lower() == "close":
                self.close()
            return resp.status, (json.loads(raw) if raw else None)
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def client_loop(number: int, port: int, token: str, deadline: float, tally: Tally, run_id: str,
                timeout: float) -> None:
    rng = random.Random(f"{run_id}-{number}")
    client = Client(port, token, timeout=timeout)
    sequence = 0
    try:
        while time.monotonic() < deadline:
            kind = rng.choices(KINDS, WEIGHTS)[0]
            if kind == "classify":
                text, _, _ = rng.choice(SENTENCES)
                path, body, expected = f"{API}/classify", {"text": text}, 200
            elif kind == "advice":
                path, body, expected = f"{API}/advice", rng.choice(ADVICE_BODIES), 200
            else:
                sequence += 1
                text, label, lang = rng.choice(SENTENCES)
                body = {"text": f"{text} (soak {run_id} client {number} post {sequence})",
                        "label": label, "lang": lang}
                path, expected = f"{API}/examples", 201
            started = time.perf_counter()
            try:
                status, answer = client.request("POST", path, body)
            except Exception as err:  # noqa: BLE001 (every transport error is a failed request)
                tally.record(kind, time.perf_counter() - started, type(err).__name__,
                             f"{type(err).__name__}: {err}")
                continue
            elapsed = time.perf_counter() - started
            failure = None
            if status != expected:
                failure = f"status {status} (expected {expected}): {json.dumps(answer)[:300]}"
            elif kind == "example" and answer.get("created") is not True:
                failure = f"not created: {answer}"
            tally.record(kind, elapsed, status, failure)
            if failure is None and kind == "example":
                with tally.lock:
                    tally.created += 1
            elif failure is None and kind == "classify":
                with tally.lock:
                    tally.versions[answer["model_version"]] += 1
    finally:
        client.close()


def retrain(port: int, token: str, start_at: float, tally: Tally, result: dict, *,
            job_timeout: float) -> None:
    """At ``start_at`` (monotonic), POST /retrain as admin, then follow the job to its end."""
    time.sleep(max(0.0, start_at - time.monotonic()))
    client = Client(port, token, timeout=60)
    try:
        started = time.perf_counter()
        status, job = client.request("POST", f"{API}/retrain")
        tally.record("admin", time.perf_counter() - started, status,
                     None if status == 202 else f"POST /retrain: status {status}: {job}")
        result["started_status"] = status
        if status != 202:
            return
        result["job_id"] = job["id"]
        t0 = time.monotonic()
        while True:
            started = time.perf_counter()
            status, job = client.request("GET", f"{API}/jobs/{result['job_id']}")
            tally.record("admin", time.perf_counter() - started, status,
                         None if status == 200 else f"GET /jobs: status {status}")
            if status == 200 and job["state"] in ("succeeded", "failed"):
                break
            if time.monotonic() - t0 > job_timeout:
                result["error"] = f"still {job.get('state')} after {job_timeout:g} s"
                return
            time.sleep(0.5)
        result["seconds"] = round(time.monotonic() - t0, 1)
        result["finished_at"] = time.monotonic()
        result["state"] = job["state"]
        result["error"] = job.get("error")
        report = job.get("report") or {}
        decision = report.get("decision") or {}
        result["promoted"] = decision.get("promoted")
        result["reason"] = decision.get("reason")
        result["candidate_version"] = report.get("candidate_version")
        result["active_version_before"] = report.get("active_version_before")
        result["examples_from_database"] = (report.get("training") or {}).get("from_database")
    except Exception as err:  # noqa: BLE001
        result["error"] = f"{type(err).__name__}: {err}"
        tally.record("admin", 0.0, type(err).__name__, f"retrain: {type(err).__name__}: {err}")
    finally:
        client.close()


# -- the run --------------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[k] * 1000, 1)


def run(*, seconds: float, clients: int, threads: int = 8, retrain_at: float = 0.1,
        training_data: str | None = None, regression_set: str | None = None, cv_folds: int = 2,
        include_unreviewed: bool = True, timeout: float = 60.0, job_timeout: float = 600.0,
        data_dir: str | None = None, verbose: int = 0) -> dict:
    """Run the soak; returns the report (``report["ok"]`` says whether it passed)."""
    own_dir = data_dir is None
    data = Path(data_dir or tempfile.mkdtemp(prefix="reageerwijzer-soak-"))
    env = {**os.environ, "REAGEERWIJZER_DATA_DIR": str(data / "data"),
           "REAGEERWIJZER_RETRAIN_CV_FOLDS": str(cv_folds),
           "REAGEERWIJZER_RETRAIN_INCLUDE_UNREVIEWED": "true" if include_unreviewed else "false"}
    for key in ("REAGEERWIJZER_DATABASE",):
        env.pop(key, None)
    if training_data:
        env["REAGEERWIJZER_TRAINING_DATA_DIR"] = str(Path(training_data).resolve())
    if regression_set:
        env["REAGEERWIJZER_REGRESSION_SET"] = str(Path(regression_set).resolve())
    run_id = uuid.uuid4().hex[:8]
    try:
        worker = create_token(env, "worker", f"soak-worker-{run_id}")
        admin = create_token(env, "admin", f"soak-admin-{run_id}")
        t0 = time.monotonic()
        server = Server(env, threads=threads, log_path=data / "server.log", verbose=verbose)
        startup = round(time.monotonic() - t0, 1)
        try:
            report = _drive(server, worker, admin, seconds=seconds, clients=clients,
                            retrain_at=retrain_at, timeout=timeout, job_timeout=job_timeout,
                            run_id=run_id)
        finally:
            server.stop()
        log = server.log_text()
        report["server"] = {"startup_seconds": startup, "threads": threads,
                            "log_errors": [line for line in log.splitlines()
                                           if " ERROR " in line or "Traceback" in line][:20],
                            "exit_status": server.proc.returncode}
        report["stored_in_file"] = _count_rows(data / "data" / "reageerwijzer.sqlite3")
        report["config"] = {"seconds": seconds, "clients": clients, "retrain_at": retrain_at,
                            "cv_folds": cv_folds, "include_unreviewed": include_unreviewed,
                            "training_data": training_data or "training_data/ (the repository's)",
                            "data_dir": str(data) if not own_dir else "(temporary)"}
        problems = []
        if report["failed"]:
            problems.append(f"{report['failed']} failed request(s)")
        if report["examples"]["stored"] != report["examples"]["created_201"] \
                or report["stored_in_file"] != report["examples"]["created_201"]:
            problems.append("examples stored differ from the 201 answers")
        if report["server"]["log_errors"]:
            problems.append("errors in the server log")
        if report["retrain"].get("state") != "succeeded":
            problems.append(f"retraining did not succeed: {report['retrain']}")
        report["problems"] = problems
        report["ok"] = not problems
        return report
    finally:
        if own_dir:
            shutil.rmtree(data, ignore_errors=True)


def _drive(server: Server, worker: str, admin: str, *, seconds: float, clients: int,
           retrain_at: float, timeout: float, job_timeout: float, run_id: str) -> dict:
    tally = Tally()
    started = time.monotonic()
    deadline = started + seconds
    retrain_result: dict = {}
    workers = [threading.Thread(target=client_loop, name=f"soak-client-{i}",
                                args=(i, server.port, worker, deadline, tally, run_id, timeout),
                                daemon=True) for i in range(clients)]
    admin_thread = threading.Thread(target=retrain, name="soak-admin", daemon=True,
                                    args=(server.port, admin, started + seconds * retrain_at,
                                          tally, retrain_result), kwargs={"job_timeout": job_timeout})
    for t in (*workers, admin_thread):
        t.start()
    for t in workers:
        t.join(timeout=seconds + timeout + 30)
    traffic_seconds = time.monotonic() - started
    admin_thread.join(timeout=job_timeout + 60)
    if "finished_at" in retrain_result:
        retrain_result["finished_during_traffic"] = retrain_result.pop("finished_at") <= deadline
        retrain_result["started_after_seconds"] = round(seconds * retrain_at, 1)

    admin_client = Client(server.port, admin, timeout=60)
    try:
        status, listing = admin_client.request("GET", f"{API}/examples?per_page=1")
        stored = listing["total"] if status == 200 else None
    finally:
        admin_client.close()

    by_kind = {}
    for kind in (*KINDS, "admin"):
        values = tally.latencies[kind]
        by_kind[kind] = {"requests": len(values), "failed": tally.failed_by_kind[kind],
                         "statuses": {str(k): v for k, v in sorted(tally.statuses[kind].items(),
                                                                    key=lambda kv: str(kv[0]))},
                         "p50_ms": percentile(values, 50), "p99_ms": percentile(values, 99),
                         "max_ms": round(max(values) * 1000, 1) if values else None}
    everything = [v for kind in KINDS for v in tally.latencies[kind]]
    total = len(everything)
    return {
        "requests": total + by_kind["admin"]["requests"],
        "failed": sum(tally.failed_by_kind.values()),
        "throughput_per_second": round(total / traffic_seconds, 1),
        "p50_ms": percentile(everything, 50), "p99_ms": percentile(everything, 99),
        "by_kind": by_kind,
        "examples": {"created_201": tally.created, "stored": stored},
        "model_versions_seen_by_classify": dict(tally.versions),
        "retrain": retrain_result,
        "failures": tally.failures,
    }


def _count_rows(path: Path) -> int | None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT COUNT(*) FROM examples").fetchone()[0]
    except sqlite3.Error:
        return None


def describe(report: dict) -> str:
    cfg = report["config"]
    lines = [(f"Soak: {cfg['seconds']:g} s, {cfg['clients']} clients, "
              f"{report['server']['threads']} server threads, retrain after "
              f"{cfg['seconds'] * cfg['retrain_at']:.0f} s (training data: {cfg['training_data']})"),
             f"{'kind':<10}{'requests':>10}{'failed':>8}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}"]
    for kind, k in report["by_kind"].items():
        lines.append(f"{kind:<10}{k['requests']:>10}{k['failed']:>8}{_ms(k['p50_ms']):>10}"
                     f"{_ms(k['p99_ms']):>10}{_ms(k['max_ms']):>10}")
    lines.append(f"{'all':<10}{report['requests']:>10}{report['failed']:>8}"
                 f"{_ms(report['p50_ms']):>10}{_ms(report['p99_ms']):>10}   "
                 f"({report['throughput_per_second']} requests/s)")
    ex = report["examples"]
    lines.append(f"examples: {ex['created_201']} answered 201, {ex['stored']} in the database "
                 f"(API), {report['stored_in_file']} in the SQLite file")
    r = report["retrain"]
    if r.get("state"):
        lines.append(f"retrain: {r['state']} in {r['seconds']} s "
                     f"({'during' if r.get('finished_during_traffic') else 'after'} the traffic), "
                     f"{r.get('examples_from_database')} examples from the database; "
                     f"{r.get('reason') or r.get('error')}")
    else:
        lines.append(f"retrain: {r}")
    lines.append(f"model versions answering classify: {report['model_versions_seen_by_classify']}")
    if report["server"]["log_errors"]:
        lines.append("server log errors:\n  " + "\n  ".join(report["server"]["log_errors"]))
    for failure in report["failures"][:10]:
        lines.append(f"  failed: {failure}")
    lines.append("PASS" if report["ok"] else "FAIL: " + "; ".join(report["problems"]))
    return "\n".join(lines)


def _ms(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.soak", description=__doc__.split("\n\n")[0])
    p.add_argument("--seconds", type=float, default=60, help="traffic duration (default: %(default)s)")
    p.add_argument("--clients", type=int, default=64, help="concurrent clients (default: %(default)s)")
    p.add_argument("--threads", type=int, default=8, help="server threads (default: %(default)s)")
    p.add_argument("--retrain-at", type=float, default=0.1,
                   help="start the retraining after this fraction of the run (default: %(default)s)")
    p.add_argument("--training-data", help="TRAINING_DATA_DIR (default: the repository's training_data/)")
    p.add_argument("--regression-set", help="REGRESSION_SET (default: the repository's)")
    p.add_argument("--cv-folds", type=int, default=2,
                   help="RETRAIN_CV_FOLDS for the retraining (default: %(default)s)")
    p.add_argument("--accepted-only", action="store_true",
                   help="retrain on accepted examples only (default: also the new ones being saved)")
    p.add_argument("--timeout", type=float, default=60, help="per-request timeout in s (default: %(default)s)")
    p.add_argument("--data-dir", help="keep the server's data here instead of a temporary folder")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    args = p.parse_args(argv)
    report = run(seconds=args.seconds, clients=args.clients, threads=args.threads,
                 retrain_at=args.retrain_at, training_data=args.training_data,
                 regression_set=args.regression_set, cv_folds=args.cv_folds,
                 include_unreviewed=not args.accepted_only, timeout=args.timeout,
                 data_dir=args.data_dir)
    print(json.dumps(report, indent=2) if args.json else describe(report), flush=True)
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
