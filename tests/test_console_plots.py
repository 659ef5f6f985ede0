"""The console's plots draw the data they are given: checked on the SVG's marks and geometry."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from model._evaluate import score_summary
from server.console import plots

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def marks(root, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{{{NS['s']}}}{tag}") if e.get("class") == cls]


def test_line_chart_puts_each_value_at_its_height_and_breaks_at_gaps():
    svg = plots.line_chart(["v1", "v2", "v3"], [plots.Series("nl", [0.8, None, 0.9]),
                                               plots.Series("en", [0.7, 0.75, 0.85])],
                           title="t", desc="d", x_label="x", y_label="y", y_range=(0.0, 1.0))
    root = parse(svg)
    points = marks(root, "circle", "point") + marks(root, "rect", "point")
    drawn = {(p.get("data-series"), p.get("data-x")): float(p.get("data-value")) for p in points}
    assert drawn == {("nl", "v1"): 0.8, ("nl", "v3"): 0.9, ("en", "v1"): 0.7, ("en", "v2"): 0.75,
                     ("en", "v3"): 0.85}
    # y is linear in the value: 0 at the bottom, 1 at the top.
    bottom, top = plots.HEIGHT - plots.MARGIN["bottom"], plots.MARGIN["top"]
    for circle in marks(root, "circle", "point"):
        expected = bottom + float(circle.get("data-value")) * (top - bottom)
        assert float(circle.get("cy")) == pytest.approx(expected, abs=0.01)
    # The missing value splits the Dutch line in two pieces of one point each.
    nl_lines = [e for e in marks(root, "polyline", "line") if e.get("data-series") == "nl"]
    assert [len(e.get("points").split()) for e in nl_lines] == [1, 1]
    assert root.find("s:title", NS).text == "t" and root.get("role") == "img"


def test_histogram_bars_are_the_counts_and_the_threshold_sits_at_its_score():
    edges = [i / 10 for i in range(11)]
    harmful, harmless = [0, 0, 1, 0, 0, 2, 3, 5, 8, 13], [9, 7, 4, 2, 1, 1, 0, 0, 0, 0]
    root = parse(plots.histogram(edges, [plots.Series("h", harmful), plots.Series("n", harmless)],
                                 threshold=0.53, title="t", desc="d", x_label="x", y_label="y",
                                 threshold_label="th"))
    bars = marks(root, "rect", "bar")
    assert [int(b.get("data-value")) for b in bars if b.get("data-series") == "h"] == harmful
    assert [int(b.get("data-value")) for b in bars if b.get("data-series") == "n"] == harmless
    tallest = max(float(b.get("height")) for b in bars)
    for bar in bars:
        assert float(bar.get("height")) == pytest.approx(tallest * int(bar.get("data-value")) / 13, abs=0.05)
    line = marks(root, "line", "threshold")[0]
    left, right = plots.MARGIN["left"], plots.WIDTH - plots.MARGIN["right"]
    assert float(line.get("x1")) == pytest.approx(left + 0.53 * (right - left), abs=0.01)


def test_confusion_matrix_cells_hold_the_counts():
    root = parse(plots.confusion_matrix([[40, 5], [3, 52]], labels=["no", "yes"], title="t", desc="d",
                                        true_label="true", predicted_label="said"))
    cells = {(int(c.get("data-row")), int(c.get("data-col"))): int(c.get("data-value"))
             for c in marks(root, "rect", "cell")}
    assert cells == {(0, 0): 40, (0, 1): 5, (1, 0): 3, (1, 1): 52}
    shares = {(int(c.get("data-row")), int(c.get("data-col"))): float(c.get("data-share"))
              for c in marks(root, "rect", "cell")}
    assert shares[(0, 1)] == pytest.approx(5 / 45, abs=1e-4)


def test_reliability_points_are_the_bins_and_labels_are_escaped():
    points = [{"mean_score": 0.1, "harmful_share": 0.05, "count": 30},
              {"mean_score": 0.9, "harmful_share": 0.95, "count": 10}]
    root = parse(plots.reliability(points, title="<b>&", desc="d", x_label="x", y_label="y", ideal_label="i"))
    drawn = [(float(p.get("data-mean-score")), float(p.get("data-harmful-share")), int(p.get("data-count")))
             for p in marks(root, "circle", "point")]
    assert drawn == [(0.1, 0.05, 30), (0.9, 0.95, 10)]
    radius = [float(p.get("r")) for p in marks(root, "circle", "point")]
    assert radius[0] > radius[1]  # more posts, a larger marker
    assert root.find("s:title", NS).text == "<b>&"


def test_score_summary_bins_scores_by_true_label():
    scores = np.array([0.05, 0.15, 0.92, 0.97, 0.55, 1.0])
    labels = np.array([0, 0, 1, 1, 0, 1])
    summary = score_summary(scores, labels)
    assert summary["score_histogram"]["harmless"] == [1, 1, 0, 0, 0, 1, 0, 0, 0, 0]
    assert summary["score_histogram"]["harmful"] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 3]
    top = summary["reliability"][-1]
    assert (top["count"], top["harmful_share"], top["mean_score"]) == (3, 1.0, pytest.approx(0.9633, abs=1e-4))
    assert sum(b["count"] for b in summary["reliability"]) == len(scores)


def test_bar_chart_draws_one_bar_per_series_and_category():
    root = parse(plots.bar_chart(["wk 48", "wk 49"], [plots.Series("monitor", [3, 5]), plots.Series("refer", [1, 0])],
                                 title="t", desc="d", x_label="x", y_label="y"))
    bars = {(b.get("data-series"), b.get("data-x")): int(b.get("data-value")) for b in marks(root, "rect", "bar")}
    assert bars == {("monitor", "wk 48"): 3, ("monitor", "wk 49"): 5, ("refer", "wk 48"): 1, ("refer", "wk 49"): 0}
    heights = {(b.get("data-series"), b.get("data-x")): float(b.get("height")) for b in marks(root, "rect", "bar")}
    assert heights[("monitor", "wk 48")] == pytest.approx(heights[("monitor", "wk 49")] * 3 / 5, abs=0.05)
