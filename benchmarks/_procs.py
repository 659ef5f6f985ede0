"""Process measurements from /proc (Linux): resident memory of a process tree, CPU time, load."""
from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (all its threads' children)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children(p))
    return out


def status_kib(pid: int, field: str) -> int:
    """A ``VmRSS``/``VmHWM``-style field of /proc/PID/status, in KiB (0 if the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


MB = 1_000_000  # memory is reported in MB (10^6 bytes), the unit of the targets


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants, summed (shared pages count in each)."""
    return sum(status_kib(p, "VmRSS") for p in tree(pid)) * 1024 / MB


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def busy_seconds() -> float:
    """CPU time spent by the whole machine (all cores, all processes) since boot."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


class PeakRSS:
    """Samples the summed RSS of a process tree in a thread until stopped; keeps the maximum."""

    def __init__(self, pid: int, *, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak_mb = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def run_measured(cmd: list[str], *, timeout: float, env: dict | None = None,
                 cwd: str | None = None, keep_stdin_open: bool = False) -> dict:
    """Run ``cmd`` to its end; wall time, its own peak RSS (wait4), the tree's sampled peak, output.

    ``keep_stdin_open`` gives the child a pipe that stays open until it exits (the retraining
    worker stops when its stdin closes). A child still running at ``timeout`` is killed.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if keep_stdin_open else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=cwd)
    sampler = PeakRSS(proc.pid)
    out: dict[str, str] = {}
    readers = [threading.Thread(target=lambda k=k, s=s: out.__setitem__(k, s.read()), daemon=True)
               for k, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for r in readers:
        r.start()
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        killer.cancel()
        tree_peak = sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join(timeout=30)
    if proc.stdin:
        proc.stdin.close()
    return {"returncode": proc.returncode, "wall_seconds": round(time.perf_counter() - started, 2),
            "peak_rss_mb": round(usage.ru_maxrss * 1024 / MB, 1),
            "peak_tree_rss_mb": round(max(tree_peak, usage.ru_maxrss * 1024 / MB), 1),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "timed_out": proc.returncode == -9,
            "stdout": out.get("stdout", ""), "stderr": out.get("stderr", "")}
