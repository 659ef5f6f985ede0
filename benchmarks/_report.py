"""The results as a plain-text table (also pasted, as Markdown, into the README)."""
from __future__ import annotations


def _f(value, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: dict) -> str:
    lines = []
    meta, machine = results["meta"], results["meta"]["machine"]
    lines.append(f"Reageerwijzer benchmarks ({meta['mode']}), {meta['started_at']}, "
                 f"{meta['duration_seconds']:.0f} s")
    lines.append(f"machine: {machine['nproc']} x {machine['cpu_model']}, "
                 f"{machine['memory_gib']} GiB, Python {machine['python']}, "
                 + ", ".join(f"{k} {v}" for k, v in machine["libraries"].items() if v))
    lines.append(f"load average at start/end: {meta['loadavg_start']:.2f} / {meta['loadavg_end']:.2f}")
    inproc = results.get("inprocess")
    if inproc:
        lines += ["", "In-process classify (the server's call: score, categories, explanation)"]
        t, n, c = inproc["typical"], inproc["typical_without_explanation"], inproc["corpus"]
        lines.append(f"  typical post ({inproc['typical_post_chars']} chars): p50 {_f(t['p50_ms'], 3)} ms"
                     f"  p99 {_f(t['p99_ms'], 3)} ms  (n={t['n']})")
        lines.append(f"  same, without explanation:   p50 {_f(n['p50_ms'], 3)} ms  p99 {_f(n['p99_ms'], 3)} ms")
        lines.append(f"  {c['texts']} different posts, each once: p50 {_f(c['p50_ms'], 3)} ms"
                     f"  p99 {_f(c['p99_ms'], 3)} ms  ({_f(inproc['single_text_throughput_per_s'], 0)} posts/s)")
        b = inproc["batch"]
        lines.append(f"  batch scores() of {b['texts']} posts: {_f(b['throughput_per_s'], 0)} posts/s")
    http = results.get("http")
    if http:
        lines += ["", "HTTP POST /api/v1/classify (wrk, keep-alive, 127.0.0.1), next to GET /api/v1/health",
                  ("  clients   req/s  p50 ms  p99 ms  errors | health req/s  ratio |"
                   " server CPU ms/req  other CPU")]
        for row in http["runs"]:
            c, h = row["classify"], row["health"]
            errors = c["errors"] + (c["unaccepted_connections_midrun"] or 0)
            lines.append(f"  {row['connections']:>7} {c['requests_per_s']:>7.0f} {c['p50_ms']:>7.2f}"
                         f" {c['p99_ms']:>7.2f} {errors:>7} | {h['requests_per_s']:>12.0f}"
                         f" {c['ratio_to_health']:>6.2f} | {_f(c['server_cpu_ms_per_request'], 3):>17}"
                         f" {c['other_cpu_cores']:>10.2f}")
        lines.append("  (errors: socket errors + non-2xx + connections left unaccepted; other CPU: cores"
                     " busy with other processes)")
    training = results.get("training")
    if training:
        lines += ["", "Training (child process; data: training_data/ enlarged by seeded perturbation)",
                  "  examples  fit s  total s  peak RSS MB  artifact MB"]
        for fit in training["fits"]:
            if not fit["ok"]:
                lines.append(f"  {fit['examples']:>8}  failed: {fit.get('error', '')[:80]}")
                continue
            lines.append(f"  {fit['examples']:>8} {fit['train_seconds']:>6.1f} {fit['wall_seconds']:>8.1f}"
                         f" {fit['peak_rss_mb']:>12.0f} {fit['artifact_mb']:>12.2f}")
        r = training["retrain"]
        lines.append(f"  retraining on {r['examples']} ({r['cv_folds']}-fold CV, fit, regression evaluation,"
                     f" save): {_f(r['wall_seconds'], 1)} s wall, {_f(r['cpu_seconds'], 1)} s CPU,"
                     f" peak RSS {_f(r['peak_tree_rss_mb'], 0)} MB (all processes)"
                     + ("" if r["ok"] else f"  FAILED: {r['error']}"))
    scaling = results.get("scaling")
    if scaling:
        one, two = scaling["one_process"], scaling["two_processes"]
        writes = scaling["write_latency_ms"]
        lines += ["", f"Several servers (PostgreSQL, classify, {scaling['connections']} connections)",
                  f"  1 process: {_f(one['requests_per_s'], 0)} req/s ({one['errors']} errors); "
                  f"2 processes: {_f(two['requests_per_s'], 0)} req/s ({two['errors']} errors); "
                  f"ratio {_f(scaling['ratio'])}",
                  f"  example write (POST /examples, {writes['sqlite']['count']} each): SQLite p50 "
                  f"{_f(writes['sqlite']['p50'])} ms p99 {_f(writes['sqlite']['p99'])} ms; "
                  f"PostgreSQL p50 {_f(writes['postgresql']['p50'])} ms p99 "
                  f"{_f(writes['postgresql']['p99'])} ms"]
    memory = results.get("memory")
    if memory:
        lines += ["", (f"Memory: model artifact {_f(memory.get('artifact_mb'))} MB; server RSS after load "
                       f"{_f(memory.get('server_rss_mb_after_load'), 1)} MB, after the HTTP runs "
                       f"{_f(memory.get('server_rss_mb_after_http'), 1)} MB "
                       f"(peak {_f(memory.get('server_peak_rss_mb'), 1)} MB)")]
    lines += ["", "Targets (2-core machine)"]
    for t in results["targets"]:
        value = "-" if t["value"] is None else f"{_f(t['value'], 2)} {t['unit']}".strip()
        lines.append(f"  {t['result']:<7} {t['target']:<40} {t['limit']:<12} measured {value}")
    return "\n".join(lines)


def markdown(results: dict) -> str:
    """The README's tables: HTTP runs, training, and the targets with their verdicts."""
    out = []
    inproc = results.get("inprocess")
    if inproc:
        t, c, b = inproc["typical"], inproc["corpus"], inproc["batch"]
        out += ["| in-process classify | p50 | p99 |", "|---|---|---|",
                (f"| typical post ({inproc['typical_post_chars']} chars), with explanation | "
                 f"{t['p50_ms']:.3f} ms | {t['p99_ms']:.3f} ms |"),
                f"| {c['texts']} different posts, each once | {c['p50_ms']:.3f} ms | {c['p99_ms']:.3f} ms |",
                "", (f"Batch `scores()`: {b['throughput_per_s']:.0f} posts/s; one post at a time: "
                     f"{inproc['single_text_throughput_per_s']:.0f} posts/s."), ""]
    http = results.get("http")
    if http:
        out += [("| clients | classify req/s | p50 ms | p99 ms | errors | health req/s | ratio | "
                 "server CPU ms/req | other processes' CPU |"),
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in http["runs"]:
            c, h = row["classify"], row["health"]
            errors = c["errors"] + (c["unaccepted_connections_midrun"] or 0)
            out.append(f"| {row['connections']} | {c['requests_per_s']:.0f} | {c['p50_ms']:.2f} | "
                       f"{c['p99_ms']:.2f} | {errors} | {h['requests_per_s']:.0f} | "
                       f"{c['ratio_to_health']:.2f} | {_f(c['server_cpu_ms_per_request'], 2)} | "
                       f"{c['other_cpu_cores']:.2f} cores |")
        out.append("")
    training = results.get("training")
    if training:
        out += ["| training examples | fit s | total s (child process) | peak RSS MB | artifact MB |",
                "|---:|---:|---:|---:|---:|"]
        for fit in training["fits"]:
            if fit["ok"]:
                out.append(f"| {fit['examples']} | {fit['train_seconds']:.1f} | {fit['wall_seconds']:.1f} | "
                           f"{fit['peak_rss_mb']:.0f} | {fit['artifact_mb']:.2f} |")
        r = training["retrain"]
        out += ["", (f"Retraining on {r['examples']} examples ({r['cv_folds']}-fold cross-validation, "
                     f"fit, evaluation on the regression set, save): {_f(r['wall_seconds'], 1)} s, "
                     f"peak RSS {_f(r['peak_tree_rss_mb'], 0)} MB over all its processes."), ""]
    out += ["| target | limit | measured | |", "|---|---|---|---|"]
    for t in results["targets"]:
        value = "-" if t["value"] is None else f"{_f(t['value'], 2)} {t['unit']}".strip()
        out.append(f"| {t['target']} | {t['limit']} | {value} | {t['result']} |")
    return "\n".join(out)
