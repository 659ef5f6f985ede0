"""``python -m benchmarks [--quick] [--json FILE]``: run the benchmarks, print the table.

Exit status 0 when every target passes, 1 when one fails, 2 when the benchmarks could not run.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

SECTIONS = ("inprocess", "http", "perspective", "scaling", "training", "console")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Classify latency in-process and over HTTP (the production server, driven by "
                    "wrk on 127.0.0.1), training time and memory, artifact size and server memory; "
                    "checked against the 2-core targets. Full run < 10 min, --quick < 2 min.")
    parser.add_argument("--quick", action="store_true",
                        help="shorter runs, and no 100k-example training")
    parser.add_argument("--json", metavar="FILE", help="write every figure to FILE as JSON")
    parser.add_argument("--markdown", metavar="FILE", help="write the table as Markdown to FILE")
    parser.add_argument("--only", action="append", choices=SECTIONS,
                        help="run only this section (repeatable)")
    parser.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for 'reageerwijzer serve', e.g. --serve-arg=--threads=4 "
                             "(for comparing settings; repeatable)")
    args = parser.parse_args(argv)
    sections = tuple(args.only or SECTIONS)
    try:
        results = run(sections=sections, quick=args.quick, serve_args=tuple(args.serve_arg))
    except (RuntimeError, OSError) as err:
        print(f"benchmarks: {err}", file=sys.stderr)
        return 2
    from . import _report
    if args.json:  # first: the figures survive a problem with the table
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    print(_report.table(results))
    if args.markdown:
        Path(args.markdown).write_text(_report.markdown(results) + "\n", encoding="utf-8")
    return 0 if all(t["result"] != "FAIL" for t in results["targets"]) else 1


def run(*, sections: tuple[str, ...], quick: bool, serve_args: tuple[str, ...] = ()) -> dict:
    from server.config import DEFAULTS
    from server.learning import model_store
    from server.learning.model_store import models_dir

    from . import _crafted, _http, _inprocess, _machine, _perspective, _procs, _server, _training

    started, t0 = datetime.now(UTC), time.perf_counter()
    command = " ".join(["python -m benchmarks", *(["--quick"] if quick else []),
                        *(f"--serve-arg={a}" for a in serve_args)])
    results: dict = {"meta": {"command": command, "mode": "quick" if quick else "full",
                              "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                              "sections": list(sections), "machine": _machine.describe(),
                              "loadavg_start": _procs.loadavg()}}
    training_dir = Path(DEFAULTS["TRAINING_DATA_DIR"])
    regression_set = Path(DEFAULTS["REGRESSION_SET"])
    tmp = Path(tempfile.mkdtemp(prefix="reageerwijzer-bench-"))
    if "console" in sections:
        from . import _console
        _log(f"console: review queue pages of 50 out of {_console.EXAMPLES} examples")
        try:
            results["console"] = _console.run(tmp, quick=quick)
        finally:
            shutil.rmtree(tmp / "console-data", ignore_errors=True)
        if set(sections) == {"console"}:
            shutil.rmtree(tmp, ignore_errors=True)
            return _finish(results, t0)
    try:
        data_dir = tmp / "data"
        env = _server.environment(data_dir)
        _log("training the model to serve: reageerwijzer train --folds 0 (temporary data folder)")
        trained = _procs.run_measured([*_server.command(), "train", "--folds", "0"], env=env,
                                      timeout=900)
        if trained["returncode"] != 0:
            raise RuntimeError(f"reageerwijzer train failed: {trained['stderr'][-500:]}")
        # The store as the server opens it: its signing key and its database records.
        store = model_store.from_config({"DATA_DIR": str(data_dir)})
        store.open(training_data_dir=training_dir)
        artifact = store.path_of(store.active_version) / "model.joblib"
        memory = {"artifact_mb": round(artifact.stat().st_size / _procs.MB, 2),
                  "shipped_data_training": {k: trained[k] for k in
                                            ("wall_seconds", "cpu_seconds", "peak_rss_mb")}}
        results["memory"] = memory
        if "inprocess" in sections:
            _log("in-process classify")
            corpus = _inprocess.load_corpus(regression_set, training_dir)
            results["inprocess"] = _inprocess.run(store, corpus=corpus, quick=quick)
            _log("crafted texts: fuzzing for the slowest post of the longest accepted length")
            results["crafted"] = _crafted.run(store.model, typical_posts=corpus[:400],
                                              length=int(DEFAULTS["MAX_TEXT_CHARS"]), quick=quick)
            _log("in-process classify, the n-gram model alone (trained here, side by side)")
            import model
            ngram = model.train(model.load_dataset(training_dir), params={"encoder": None})
            results["inprocess_ngram_only"] = _inprocess.measure(ngram, corpus=corpus, quick=quick)
            del ngram
        active = store.active_version
        del store
        if "http" in sections or "perspective" in sections:
            token = _server.create_worker_token(env)
            _log("HTTP: starting reageerwijzer serve --port 0")
            server = _server.Server(env, tmp / "server.log", extra_args=serve_args).start()
            try:
                if "http" in sections:
                    http = _http.run(server, token, folder=tmp, quick=quick, log=_log)
                    results["http"] = http
                    for key in ("server_rss_mb_after_load", "server_rss_mb_after_http",
                                "server_peak_rss_mb", "server_processes"):
                        memory[key] = http[key]
                if "perspective" in sections:
                    # The 128-connection run goes past the per-client limit on purpose; until
                    # its connections are closed, the guard refuses a new one from this client.
                    server.wait_healthy(time.monotonic() + 30)
                    _log("HTTP: Perspective comments:analyze next to /api/v1/classify")
                    results["perspective"] = _perspective.run(server, token, folder=tmp, quick=quick,
                                                              log=_log)
            finally:
                server.stop()
        if "scaling" in sections:
            from . import _scaling
            _log("several servers: classify with 1 and 2 processes on PostgreSQL; example writes")
            results["scaling"] = _scaling.run(env=env, models_dir=models_dir({"DATA_DIR": data_dir}),
                                              folder=tmp, quick=quick, log=_log)
        if "training" in sections:
            _log("training time and memory")
            results["training"] = _training.run(
                folder=tmp, training_dir=training_dir, regression_set=regression_set,
                models_dir=model_store.models_dir({"DATA_DIR": data_dir}), active_version=active, quick=quick, log=_log)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return _finish(results, t0)


def _finish(results: dict, t0: float) -> dict:
    from . import _procs, _targets
    results["meta"]["duration_seconds"] = round(time.perf_counter() - t0, 1)
    results["meta"]["loadavg_end"] = _procs.loadavg()
    results["targets"] = _targets.check(results)
    return results


def _log(message: str) -> None:
    print(f"benchmarks: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
