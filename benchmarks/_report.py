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
    for key, title in (("inprocess", "the served hybrid model"),
                       ("inprocess_ngram_only", "the n-gram model alone, same run")):
        if results.get(key):
            lines += _inprocess_lines(results[key], title)
    crafted = results.get("crafted")
    if crafted:
        lines.append(f"  crafted text ({crafted['length']} chars, worst of {crafted['texts_tried']} "
                     f"fuzzed): {_f(crafted['worst_ms'], 2)} ms vs typical posts of that length "
                     f"{_f(crafted['typical_ms'], 2)} ms = {_f(crafted['ratio'], 2)}x "
                     f"(pattern {crafted['worst_pattern']!r})")
    http = results.get("http")
    if http:
        lines += ["", "HTTP POST /api/v1/classify (wrk, keep-alive, 127.0.0.1), next to GET /api/v1/health",
                  ("  clients   req/s  p50 ms  p99 ms  errors | health req/s  ratio |"
                   " server CPU ms/req  other CPU")]
        for row in http["runs"]:
            c, h = row["classify"], row["health"]
            errors = c["errors"] + (c["unaccepted_connections_midrun"] or 0)
            # A run in which no request finished has no latencies: shown as "-".
            lines.append(f"  {row['connections']:>7} {_f(c['requests_per_s'], 0):>7} {_f(c['p50_ms']):>7}"
                         f" {_f(c['p99_ms']):>7} {errors:>7} | {_f(h['requests_per_s'], 0):>12}"
                         f" {_f(c['ratio_to_health']):>6} | {_f(c['server_cpu_ms_per_request'], 3):>17}"
                         f" {_f(c['other_cpu_cores']):>10}")
        lines.append("  (errors: socket errors + non-2xx + connections left unaccepted; other CPU: cores"
                     " busy with other processes)")
    perspective = results.get("perspective")
    if perspective:
        lines += ["", "HTTP POST /v1alpha1/comments:analyze (Coral's request) next to POST /api/v1/classify",
                  "  clients | classify req/s  CPU ms/req | analyze req/s  CPU ms/req  p50 ms  errors |"
                  " CPU ratio  req/s ratio"]
        for row in perspective["runs"]:
            c, a = row["classify"], row["analyze"]
            lines.append(f"  {row['connections']:>7} | {c['requests_per_s']:>14.0f}"
                         f" {_f(c['server_cpu_ms_per_request'], 3):>11} | {a['requests_per_s']:>13.0f}"
                         f" {_f(a['server_cpu_ms_per_request'], 3):>11} {a['p50_ms']:>7.2f} {a['errors']:>7} |"
                         f" {_f(row['cpu_ratio'], 2):>9} {_f(row['throughput_ratio'], 2):>12}")
    console = results.get("console")
    if console:
        lines += ["", f"Console review queue: a page of {console['per_page']} out of {console['examples']}"
                      " examples (in-process, signed in)",
                  "  page                      p50 ms  p90 ms  max ms  rows    kB"]
        for name, c in console["cases"].items():
            lines.append(f"  {name:<24} {c['p50_ms']:>7.1f} {c['p90_ms']:>7.1f} {c['max_ms']:>7.1f}"
                         f" {c['rows']:>5} {c['kilobytes']:>6.1f}")
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
        w = training.get("cache_warming")
        if w:
            lines.append(f"  (before these: encoding the {w['texts']} new texts once took "
                         f"{_f(w['wall_seconds'], 1)} s; the fits and the retraining use that cache)")
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


def _inprocess_lines(inproc: dict, title: str) -> list[str]:
    lines = ["", f"In-process classify, {title} (the server's call: score, categories, explanation)"]
    t, n, c, lg = (inproc["typical"], inproc["typical_without_explanation"], inproc["corpus"],
                   inproc["long"])
    lines.append(f"  long post ({inproc['long_post_chars']} chars, label {inproc['long_post_label']}):"
                 f" p50 {_f(lg['p50_ms'], 3)} ms  p99 {_f(lg['p99_ms'], 3)} ms  (n={lg['n']})")
    lines.append(f"  typical post ({inproc['typical_post_chars']} chars): p50 {_f(t['p50_ms'], 3)} ms"
                 f"  p99 {_f(t['p99_ms'], 3)} ms  (n={t['n']})")
    lines.append(f"  same, without explanation:   p50 {_f(n['p50_ms'], 3)} ms  p99 {_f(n['p99_ms'], 3)} ms")
    lines.append(f"  {c['texts']} different posts, each once: p50 {_f(c['p50_ms'], 3)} ms"
                 f"  p99 {_f(c['p99_ms'], 3)} ms  ({_f(inproc['single_text_throughput_per_s'], 0)} posts/s)")
    b = inproc["batch"]
    lines.append(f"  batch scores() of {b['texts']} posts: {_f(b['throughput_per_s'], 0)} posts/s")
    lines.append("  where the time of the long post goes (p50 of each part):")
    for part, ms in inproc["profile"].items():
        lines.append(f"    {part:<45} {_f(ms, 3)} ms")
    return lines


def markdown(results: dict) -> str:
    """The README's tables: HTTP runs, training, and the targets with their verdicts."""
    out = []
    hybrid, alone = results.get("inprocess"), results.get("inprocess_ngram_only")
    if hybrid:
        rows = [("long post (280 chars), with explanation", "long"),
                ("typical post (97 chars), with explanation", "typical"),
                ("typical post, without explanation", "typical_without_explanation"),
                (f"{hybrid['corpus']['texts']} different posts, each once", "corpus")]
        out += ["| in-process classify, p50 (p99) | hybrid | n-gram model alone |",
                "|---|---|---|"]
        for name, key in rows:
            cells = [f"{r[key]['p50_ms']:.3f} ms ({r[key]['p99_ms']:.3f})" if r else "-"
                     for r in (hybrid, alone)]
            out.append(f"| {name} | {cells[0]} | {cells[1]} |")
        out.append(f"| batch `scores()` | {hybrid['batch']['throughput_per_s']:.0f} posts/s | "
                   f"{alone['batch']['throughput_per_s'] if alone else '-'} posts/s |")
        out += ["", "| where the long post's time goes (p50) | hybrid |", "|---|---|"]
        out += [f"| {part} | {ms:.3f} ms |" for part, ms in hybrid["profile"].items()]
        out.append("")
    crafted = results.get("crafted")
    if crafted:
        out += ["| crafted text (fuzzer) | chars | classify | × typical posts of that length |",
                "|---|---:|---:|---:|",
                (f"| worst of {crafted['texts_tried']} fuzzed (`{crafted['worst_pattern']!r}` repeated) | "
                 f"{crafted['length']} | {crafted['worst_ms']:.2f} ms | {crafted['ratio']:.2f} |"),
                *(f"| {name} | {crafted['length']} | | {ratio:.2f} |"
                  for name, ratio in crafted["known_cases"].items()), ""]
    http = results.get("http")
    if http:
        out += [("| clients | classify req/s | p50 ms | p99 ms | errors | health req/s | ratio | "
                 "server CPU ms/req | other processes' CPU |"),
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in http["runs"]:
            c, h = row["classify"], row["health"]
            errors = c["errors"] + (c["unaccepted_connections_midrun"] or 0)
            out.append(f"| {row['connections']} | {_f(c['requests_per_s'], 0)} | {_f(c['p50_ms'])} | "
                       f"{_f(c['p99_ms'])} | {errors} | {_f(h['requests_per_s'], 0)} | "
                       f"{_f(c['ratio_to_health'])} | {_f(c['server_cpu_ms_per_request'], 2)} | "
                       f"{_f(c['other_cpu_cores'])} cores |")
        out.append("")
    perspective = results.get("perspective")
    if perspective:
        out += [("| clients | classify req/s | classify CPU ms/req | comments:analyze req/s | "
                 "analyze CPU ms/req | analyze p50 ms | errors | CPU ratio |"),
                "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for row in perspective["runs"]:
            c, a = row["classify"], row["analyze"]
            out.append(f"| {row['connections']} | {c['requests_per_s']:.0f} | "
                       f"{_f(c['server_cpu_ms_per_request'], 2)} | {a['requests_per_s']:.0f} | "
                       f"{_f(a['server_cpu_ms_per_request'], 2)} | {a['p50_ms']:.2f} | {a['errors']} | "
                       f"{_f(row['cpu_ratio'], 2)} |")
        out.append("")
    console = results.get("console")
    if console:
        out += [f"| console queue, page of {console['per_page']} out of {console['examples']} "
                "| p50 ms | p90 ms | max ms |",
                "|---|---:|---:|---:|"]
        out += [f"| {name} | {c['p50_ms']:.1f} | {c['p90_ms']:.1f} | {c['max_ms']:.1f} |"
                for name, c in console["cases"].items()]
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
