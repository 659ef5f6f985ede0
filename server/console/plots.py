"""Every plot of the console, drawn as inline SVG from data the server already has.

No chart library, nothing fetched: each function takes numbers and already translated labels
and returns SVG markup. Each mark carries what it stands for (``data-series``, ``data-value``,
...), so a test can check that the picture shows the data, and each plot has a ``<title>`` and
``<desc>`` for screen readers (the pages also show the numbers in a table).

Colours keep at least 3:1 contrast against white (WCAG 1.4.11) and series also differ in dash
or marker shape, so they stay apart without colour.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 300
MARGIN = {"left": 56, "right": 16, "top": 28, "bottom": 64}
TEXT = "#1a1a1a"
GRID = "#767676"
# Series colours (contrast with white): blue 6.4:1, red 6.5:1, brown 6.0:1, green 6.0:1, purple 7.6:1.
COLOURS = ("#1f5fa8", "#b3261e", "#8a4b00", "#1b6e3a", "#6a1b9a")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")
MARKERS = ("circle", "square", "diamond", "triangle", "circle")


@dataclass(frozen=True)
class Series:
    """One named line or set of bars: a value per x position (None: no value there)."""
    name: str
    values: Sequence[float | None]


class _Scale:
    def __init__(self, lo: float, hi: float, out_lo: float, out_hi: float) -> None:
        self.lo, self.hi, self.out_lo, self.out_hi = lo, hi, out_lo, out_hi

    def __call__(self, value: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return round(self.out_lo + (value - self.lo) / span * (self.out_hi - self.out_lo), 2)


def _svg(kind: str, title: str, desc: str, body: list[str], *, height: int = HEIGHT,
         width: int = WIDTH) -> Markup:
    return Markup(
        f'<svg class="plot" data-plot="{kind}" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12" fill="{TEXT}">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>")


def _text(x: float, y: float, content: str, *, anchor: str = "middle", cls: str = "label",
          rotate: bool = False, size: int | None = None) -> str:
    transform = f' transform="rotate(-90 {x} {y})"' if rotate else ""
    font = f' font-size="{size}"' if size else ""
    return (f'<text class="{cls}" x="{x}" y="{y}" text-anchor="{anchor}"{transform}{font}>'
            f"{escape(content)}</text>")


def _frame(x_label: str, y_label: str, height: int = HEIGHT) -> list[str]:
    left, bottom = MARGIN["left"], height - MARGIN["bottom"]
    return [f'<line x1="{left}" y1="{MARGIN["top"]}" x2="{left}" y2="{bottom}" stroke="{TEXT}"/>',
            f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - MARGIN["right"]}" y2="{bottom}" stroke="{TEXT}"/>',
            _text((left + WIDTH - MARGIN["right"]) / 2, height - 8, x_label, cls="axis-label"),
            _text(14, (MARGIN["top"] + bottom) / 2, y_label, cls="axis-label", rotate=True)]


def _y_ticks(scale: _Scale, ticks: Sequence[float], fmt) -> list[str]:
    out = []
    for tick in ticks:
        y = scale(tick)
        out.append(f'<line x1="{MARGIN["left"] - 4}" y1="{y}" x2="{WIDTH - MARGIN["right"]}" y2="{y}" '
                   f'stroke="{GRID}" stroke-width="0.5" stroke-dasharray="2 3"/>')
        out.append(_text(MARGIN["left"] - 6, y + 4, fmt(tick), anchor="end", cls="tick"))
    return out


def _legend(names: Sequence[str], *, y: float, lines: bool) -> list[str]:
    out, x = [], MARGIN["left"]
    for i, name in enumerate(names):
        colour = COLOURS[i % len(COLOURS)]
        if lines:
            out.append(f'<line x1="{x}" y1="{y}" x2="{x + 22}" y2="{y}" stroke="{colour}" stroke-width="2.5" '
                       f'stroke-dasharray="{DASHES[i % len(DASHES)]}"/>')
            out.append(_marker(MARKERS[i % len(MARKERS)], x + 11, y, colour, attrs=""))
        else:
            out.append(f'<rect x="{x}" y="{y - 6}" width="14" height="12" fill="{colour}"/>')
        out.append(_text(x + 28, y + 4, name, anchor="start", cls="legend"))
        x += 40 + 7 * len(name)
    return out


def _marker(shape: str, x: float, y: float, colour: str, *, attrs: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4}" y="{y - 4}" width="8" height="8" fill="{colour}"{attrs}/>'
    if shape == "diamond":
        return f'<path d="M{x} {y - 5}L{x + 5} {y}L{x} {y + 5}L{x - 5} {y}Z" fill="{colour}"{attrs}/>'
    if shape == "triangle":
        return f'<path d="M{x} {y - 5}L{x + 5} {y + 4}L{x - 5} {y + 4}Z" fill="{colour}"{attrs}/>'
    return f'<circle cx="{x}" cy="{y}" r="4" fill="{colour}"{attrs}/>'


def line_chart(x_labels: Sequence[str], series: Sequence[Series], *, title: str, desc: str,
               x_label: str, y_label: str, fmt=lambda v: f"{v:.2f}", y_range: tuple[float, float] | None = None
               ) -> Markup:
    """Lines over categorical x positions (e.g. model versions); missing values break the line."""
    values = [v for s in series for v in s.values if v is not None]
    lo, hi = y_range or _nice_range(values)
    bottom = HEIGHT - MARGIN["bottom"]
    y = _Scale(lo, hi, bottom, MARGIN["top"])
    n = max(1, len(x_labels))
    step = (WIDTH - MARGIN["left"] - MARGIN["right"]) / n
    x_of = [round(MARGIN["left"] + step * (i + 0.5), 2) for i in range(n)]
    body = _frame(x_label, y_label) + _y_ticks(y, _ticks(lo, hi), fmt)
    for i, label in enumerate(x_labels):
        body.append(_text(x_of[i], bottom + 16, label, cls="tick", size=10))
    for k, s in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        segments, current = [], []
        for i, value in enumerate(s.values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append((x_of[i], y(value)))
        if current:
            segments.append(current)
        for segment in segments:
            points = " ".join(f"{px},{py}" for px, py in segment)
            body.append(f'<polyline class="line" data-series="{escape(s.name)}" points="{points}" fill="none" '
                        f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="{DASHES[k % len(DASHES)]}"/>')
        for i, value in enumerate(s.values):
            if value is not None:
                attrs = (f' class="point" data-series="{escape(s.name)}" data-x="{escape(x_labels[i])}" '
                         f'data-value="{value}"')
                body.append(_marker(MARKERS[k % len(MARKERS)], x_of[i], y(value), colour, attrs=attrs))
    body += _legend([s.name for s in series], y=14, lines=True)
    return _svg("line", title, desc, body)


def histogram(edges: Sequence[float], series: Sequence[Series], *, threshold: float | None, title: str,
              desc: str, x_label: str, y_label: str, threshold_label: str, fmt=lambda v: f"{v:.1f}"
              ) -> Markup:
    """Counts per score bin, one bar per series side by side in each bin, and the threshold line."""
    bins = len(edges) - 1
    top = max([v or 0 for s in series for v in s.values] + [1])
    bottom = HEIGHT - MARGIN["bottom"]
    y = _Scale(0, top, bottom, MARGIN["top"])
    x = _Scale(edges[0], edges[-1], MARGIN["left"], WIDTH - MARGIN["right"])
    body = _frame(x_label, y_label) + _y_ticks(y, _count_ticks(top), lambda v: str(int(v)))
    for e in edges[::2] if bins > 10 else edges:
        body.append(_text(x(e), bottom + 16, fmt(e), cls="tick"))
    width = (x(edges[1]) - x(edges[0])) / max(1, len(series)) - 1
    for k, s in enumerate(series):
        colour = COLOURS[(k + 1) % len(COLOURS)] if k == 0 else COLOURS[0]
        for b in range(bins):
            count = s.values[b] or 0
            left = round(x(edges[b]) + 0.5 + k * (width + 1), 2)
            body.append(f'<rect class="bar" data-series="{escape(s.name)}" data-bin="{b}" data-value="{count}" '
                        f'x="{left}" y="{y(count)}" width="{round(width, 2)}" '
                        f'height="{round(bottom - y(count), 2)}" fill="{colour}"/>')
    if threshold is not None:
        tx = x(threshold)
        body.append(f'<line class="threshold" data-value="{threshold}" x1="{tx}" y1="{MARGIN["top"] - 6}" '
                    f'x2="{tx}" y2="{bottom}" stroke="{TEXT}" stroke-width="2" stroke-dasharray="5 3"/>')
        body.append(_text(tx + 4, MARGIN["top"] + 4, threshold_label, anchor="start", cls="legend"))
    names = [s.name for s in series]
    body += _bar_legend(names, y=14)
    return _svg("histogram", title, desc, body)


def _bar_legend(names: Sequence[str], *, y: float) -> list[str]:
    out, x = [], MARGIN["left"]
    for k, name in enumerate(names):
        colour = COLOURS[(k + 1) % len(COLOURS)] if k == 0 else COLOURS[0]
        out.append(f'<rect x="{x}" y="{y - 6}" width="14" height="12" fill="{colour}"/>')
        out.append(_text(x + 20, y + 4, name, anchor="start", cls="legend"))
        x += 40 + 7 * len(name)
    return out


def reliability(points: Sequence[dict], *, title: str, desc: str, x_label: str, y_label: str,
                ideal_label: str, fmt=lambda v: f"{v:.1f}") -> Markup:
    """Mean score against the share really harmful, per score bin, with the diagonal of a
    perfectly calibrated model; a marker's area grows with the bin's count."""
    bottom = HEIGHT - MARGIN["bottom"]
    side = bottom - MARGIN["top"]
    x = _Scale(0, 1, MARGIN["left"], MARGIN["left"] + side)
    y = _Scale(0, 1, bottom, MARGIN["top"])
    body = [f'<line x1="{MARGIN["left"]}" y1="{MARGIN["top"]}" x2="{MARGIN["left"]}" y2="{bottom}" stroke="{TEXT}"/>',
            f'<line x1="{MARGIN["left"]}" y1="{bottom}" x2="{x(1)}" y2="{bottom}" stroke="{TEXT}"/>',
            _text((x(0) + x(1)) / 2, HEIGHT - 8, x_label, cls="axis-label"),
            _text(14, (MARGIN["top"] + bottom) / 2, y_label, cls="axis-label", rotate=True)]
    body += [_text(MARGIN["left"] - 6, y(t) + 4, fmt(t), anchor="end", cls="tick") for t in (0, 0.5, 1)]
    body += [_text(x(t), bottom + 16, fmt(t), cls="tick") for t in (0, 0.5, 1)]
    body.append(f'<line class="ideal" x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="{GRID}" '
                f'stroke-width="1.5" stroke-dasharray="4 4"/>')
    most = max([p["count"] for p in points] + [1])
    coords = [(x(p["mean_score"]), y(p["harmful_share"])) for p in points]
    if coords:
        body.append(f'<polyline class="line" points="{" ".join(f"{a},{b}" for a, b in coords)}" fill="none" '
                    f'stroke="{COLOURS[0]}" stroke-width="2.5"/>')
    for p, (px, py) in zip(points, coords):
        radius = round(3 + 6 * (p["count"] / most) ** 0.5, 2)
        body.append(f'<circle class="point" data-mean-score="{p["mean_score"]}" '
                    f'data-harmful-share="{p["harmful_share"]}" data-count="{p["count"]}" cx="{px}" cy="{py}" '
                    f'r="{radius}" fill="{COLOURS[0]}" fill-opacity="0.85"/>')
    lx = x(1) + 24
    body.append(f'<line x1="{lx}" y1="{MARGIN["top"] + 10}" x2="{lx + 22}" y2="{MARGIN["top"] + 10}" '
                f'stroke="{GRID}" stroke-width="1.5" stroke-dasharray="4 4"/>')
    body.append(_text(lx + 28, MARGIN["top"] + 14, ideal_label, anchor="start", cls="legend"))
    # The plot is square; the drawing is only as wide as it and its legend, so that it fills
    # its box instead of leaving the right half empty.
    width = min(WIDTH, round(lx + 28 + 7 * len(ideal_label) + MARGIN["right"]))
    return _svg("reliability", title, desc, body, width=width)


def confusion_matrix(matrix: Sequence[Sequence[int]], *, labels: Sequence[str], title: str, desc: str,
                     true_label: str, predicted_label: str) -> Markup:
    """A 2×2 (or n×n) table of counts: rows the true label, columns the predicted one; the
    darker a cell, the larger its share of its row."""
    n = len(matrix)
    cell, left, top = 96, 150, 56
    height, width = top + n * cell + 16, left + n * cell + 16
    body = [_text(left + n * cell / 2, 20, predicted_label, cls="axis-label"),
            _text(left - 118, top + n * cell / 2, true_label, cls="axis-label", rotate=True)]
    for j, label in enumerate(labels):
        body.append(_text(left + j * cell + cell / 2, top - 10, label, cls="tick"))
    for i, row in enumerate(matrix):
        body.append(_text(left - 10, top + i * cell + cell / 2 + 4, labels[i], anchor="end", cls="tick"))
        total = sum(row) or 1
        for j, count in enumerate(row):
            share = count / total
            # Light cells get dark text, dark cells white text: both over 4.5:1.
            fill, ink = (("#1f5fa8", "#ffffff") if share >= 0.5 else
                         ("#c9dcf2", TEXT) if share >= 0.1 else ("#f2f2f2", TEXT))
            x0, y0 = left + j * cell, top + i * cell
            body.append(f'<rect class="cell" data-row="{i}" data-col="{j}" data-value="{count}" '
                        f'data-share="{round(share, 4)}" x="{x0}" y="{y0}" width="{cell - 2}" '
                        f'height="{cell - 2}" fill="{fill}" stroke="{TEXT}" stroke-width="0.5"/>')
            body.append(f'<text x="{x0 + cell / 2}" y="{y0 + cell / 2 + 6}" text-anchor="middle" '
                        f'font-size="18" fill="{ink}">{count}</text>')
    return _svg("confusion", title, desc, body, height=height, width=width)


def bar_chart(x_labels: Sequence[str], series: Sequence[Series], *, title: str, desc: str, x_label: str,
              y_label: str, fmt=lambda v: str(int(v))) -> Markup:
    """Grouped bars of counts (or rates) per category on the x axis, one bar per series."""
    top = max([v or 0 for s in series for v in s.values] + [1])
    bottom = HEIGHT - MARGIN["bottom"]
    y = _Scale(0, top, bottom, MARGIN["top"])
    n = max(1, len(x_labels))
    step = (WIDTH - MARGIN["left"] - MARGIN["right"]) / n
    width = max(2.0, (step - 8) / max(1, len(series)))
    body = _frame(x_label, y_label) + _y_ticks(y, _count_ticks(top) if top > 1 else _ticks(0, 1), fmt)
    for i, label in enumerate(x_labels):
        body.append(_text(MARGIN["left"] + step * (i + 0.5), bottom + 16, label, cls="tick", size=10))
        for k, s in enumerate(series):
            value = s.values[i] or 0
            x0 = round(MARGIN["left"] + step * i + 4 + k * width, 2)
            body.append(f'<rect class="bar" data-series="{escape(s.name)}" data-x="{escape(label)}" '
                        f'data-value="{value}" x="{x0}" y="{y(value)}" width="{round(width - 1, 2)}" '
                        f'height="{round(bottom - y(value), 2)}" fill="{COLOURS[k % len(COLOURS)]}"/>')
    body += _legend([s.name for s in series], y=14, lines=False)
    return _svg("bars", title, desc, body)


def _nice_range(values: Sequence[float]) -> tuple[float, float]:
    """A y range around the values, in steps of 0.1 within 0..1 (F1 scores, rates)."""
    if not values:
        return 0.0, 1.0
    lo = max(0.0, (int(min(values) * 10) / 10) - 0.1)
    hi = min(1.0, (int(max(values) * 10 + 0.999) / 10))
    return (lo, hi) if hi > lo else (max(0.0, lo - 0.1), min(1.0, hi + 0.1))


def _ticks(lo: float, hi: float) -> list[float]:
    step = 0.1 if hi - lo <= 0.5 else 0.2
    count = int(round((hi - lo) / step))
    return [round(lo + step * i, 4) for i in range(count + 1)]


def _count_ticks(top: float) -> list[float]:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if top / step <= 6:
            return [float(step * i) for i in range(int(top // step) + 1)]
    return [0.0, float(top)]
