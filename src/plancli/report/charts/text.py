"""A chart of an indicator drawn in characters, as wide as the terminal: the plan's paths as
dots, actual values as ● (○ from a secondary source), baselines as ■ and targets as ◆, with the
values on the left and the years below. The terminal's reporter for `plancli chart`: it alone
knows the width (Rich finds it, or COLUMNS)."""

from __future__ import annotations

import math
from typing import TextIO

from rich.cells import cell_len
from rich.text import Text

from plancli.model.sanitise import for_terminal
from plancli.report.catalogue import text
from plancli.report.charts import words
from plancli.report.table import console
from plancli.report.words import fmt_number
from plancli.results.chart import ChartResult

MARKS = {
    "path": "·",
    "actual": "●",
    "actual_secondary": "○",
    "baseline": "■",
    "target": "◆",
}
STYLES = {"path": "dim", "actual": "cyan", "actual_secondary": "cyan", "target": "bold yellow"}
MAX_PLOT = 90  # columns of the plot at most: wider says nothing more
MIN_PLOT = 12


class Canvas:
    """A grid of cells, each a mark key (or None), with the value and year scales."""

    def __init__(self, chart: ChartResult, width: int, height: int):
        self.width, self.height = width, height
        self.first, self.last = chart.first_year, chart.last_year
        values = chart.values or [0.0]
        lo, hi = min(values), max(values)
        pad = (hi - lo) * 0.05 or max(abs(hi) * 0.05, 1.0)
        self.lo, self.hi = lo - pad, hi + pad
        self.cells: list[list[str | None]] = [[None] * width for _ in range(height)]

    def x(self, year: float) -> int:
        if self.last == self.first:
            return self.width // 2
        return round((year - self.first) / (self.last - self.first) * (self.width - 1))

    def y(self, value: float) -> int:
        return round((self.hi - value) / (self.hi - self.lo) * (self.height - 1))

    def value_at(self, row: int) -> float:
        return self.hi - row / (self.height - 1) * (self.hi - self.lo)

    def put(self, year: float, value: float, key: str) -> None:
        self.cells[self.y(value)][self.x(year)] = key

    def line(self, points: list[tuple[int, float]], key: str) -> None:
        """A path: a dot in every column between its years, where nothing else is drawn."""
        for (y0, v0), (y1, v1) in zip(points, points[1:], strict=False):
            c0, c1 = self.x(y0), self.x(y1)
            for col in range(c0, c1 + 1):
                share = (col - c0) / (c1 - c0) if c1 > c0 else 0.0
                row = self.y(v0 + (v1 - v0) * share)
                if self.cells[row][col] is None:
                    self.cells[row][col] = key
        if len(points) == 1:
            row, col = self.y(points[0][1]), self.x(points[0][0])
            self.cells[row][col] = self.cells[row][col] or key


def plot(chart: ChartResult, width: int, height: int) -> Canvas:
    canvas = Canvas(chart, width, height)
    for path in chart.paths:
        canvas.line([(p.year, p.value) for p in path.points], "path")
    for b in chart.baselines:
        canvas.put(b.year, b.value, "baseline")
    for a in chart.actuals:
        canvas.put(a.year, a.value, "actual" if a.primary else "actual_secondary")
    for t in chart.targets:
        if t.value is not None:
            canvas.put(t.year, t.value, "target")
    return canvas


def _digits(canvas: Canvas) -> int:
    step = (canvas.hi - canvas.lo) / max(canvas.height - 1, 1)
    # At least one digit: fmt_number strips trailing zeros, which a 0-digit number has none of.
    return min(max(1, 1 - math.floor(math.log10(step))), 3) if step > 0 else 1


def _labels(canvas: Canvas) -> dict[int, str]:
    """The value printed beside the top, middle and bottom rows."""
    rows = (0, canvas.height // 2, canvas.height - 1)
    return {row: fmt_number(canvas.value_at(row), _digits(canvas)) for row in rows}


def _year_axis(canvas: Canvas) -> str:
    """The years under the plot: as many as fit with a space between them."""
    span = canvas.last - canvas.first
    for step in (1, 2, 5, 10, 20, 50):
        years = list(range(canvas.first, canvas.last + 1, step))
        if len(years) < 2 or canvas.width / len(years) >= 6:
            break
    if years[-1] != canvas.last and canvas.x(canvas.last) - canvas.x(years[-1]) >= 6:
        years.append(canvas.last)
    line = [" "] * (canvas.width + 4)
    for year in years if span else [canvas.first]:
        col = canvas.x(year)
        label = str(year)
        start = min(max(col - len(label) // 2, 0), len(line) - len(label))
        if all(ch == " " for ch in line[max(start - 1, 0) : start + len(label) + 1]):
            line[start : start + len(label)] = label
    return "".join(line).rstrip()


def lines(chart: ChartResult, lang: str, width: int) -> list[Text]:
    """The chart as lines of text no wider than width (but its title, which folds)."""
    out = [Text(for_terminal(words.title(chart, lang)), style="bold")]
    out.append(Text(for_terminal(words.subtitle(chart, lang))))
    if not chart.drawable:
        return out + [Text(for_terminal(line)) for line in words.note_lines(chart, lang)]
    height = 14 if width >= 70 else 10
    probe = Canvas(chart, MIN_PLOT, height)
    label_width = max(cell_len(s) for s in _labels(probe).values()) + 1
    plot_width = min(max(width - label_width - 2, MIN_PLOT), MAX_PLOT)
    canvas = plot(chart, plot_width, height)
    labels = _labels(canvas)
    label_width = max(cell_len(s) for s in labels.values()) + 1
    out.append(Text())
    for row, cells in enumerate(canvas.cells):
        shown = Text(labels.get(row, "").rjust(label_width) + ("┤" if row in labels else "│"))
        for key in cells:
            shown.append(MARKS[key] if key else " ", style=STYLES.get(key or "", ""))
        shown.rstrip()
        out.append(shown)
    out.append(Text(" " * label_width + "└" + "─" * plot_width))
    out.append(Text(" " * (label_width + 1) + _year_axis(canvas)))
    out.append(Text())
    legend = [f"{MARKS[k]} {words.legend_word(k, lang)}" for k in words.legend_keys(chart)]
    out.extend(Text(for_terminal(line)) for line in _fill(legend, width))
    unit = chart.indicator.unit
    drawn = [words.target_label(t, unit, lang) for t in chart.targets if t.value is not None]
    if drawn:
        out.append(Text(for_terminal(text("chart.targets", lang))))
        out.extend(Text(for_terminal("  " + said)) for said in drawn)
    out.extend(Text(for_terminal(line)) for line in words.note_lines(chart, lang))
    return out


def _fill(items: list[str], width: int) -> list[str]:
    """Items two spaces apart, on as few lines as fit the width."""
    rows: list[str] = []
    for item in items:
        if rows and cell_len(rows[-1]) + 2 + cell_len(item) <= width:
            rows[-1] += "  " + item
        else:
            rows.append(item)
    return rows


def render(chart: ChartResult, lang: str, stream: TextIO, width: int | None = None) -> None:
    out = console(stream, width)
    for line in lines(chart, lang, out.width):
        out.print(line, overflow="fold")
