"""Percentiles of latency samples, in milliseconds."""
from __future__ import annotations


def percentile(sorted_values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of already sorted values, by nearest rank."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def summarize(seconds: list[float]) -> dict:
    """Count, p50, p90, p99, max and mean of durations given in seconds, reported in ms."""
    values = sorted(seconds)

    def ms(s: float) -> float:
        return round(s * 1000, 3)
    return {"n": len(values), "p50_ms": ms(percentile(values, 50)), "p90_ms": ms(percentile(values, 90)),
            "p99_ms": ms(percentile(values, 99)), "max_ms": ms(values[-1]) if values else None,
            "mean_ms": ms(sum(values) / len(values)) if values else None}
