"""A chart of an indicator as an SVG or PNG file, drawn by Matplotlib (the `charts` extra).

Imported only by the commands that draw files (`chart --output`, `site`): Matplotlib costs half a
second to import, which no query pays. Figures are made without pyplot (no GUI, no global
state), one Drawer reusing its figure across many charts.

- SVG keeps its text as text (svg.fonttype "none"), so the viewer's fonts draw the Chinese; the
  fonts named are DejaVu Sans and, where one is installed, a CJK font (fonts.py).
- PNG draws the glyphs itself: where the text holds Chinese, a font with every character must be
  installed, else NoFont (the command says so, exit 2) rather than a chart of empty boxes.
- Each file says it was written by plancli (safewrite.MARK): an SVG in its metadata, a PNG in a
  text chunk; and it carries no date, so that the same chart gives the same bytes.
- Without a language (`lang=None`, the site's charts) the chart has no words at all, only years
  and values: the page around it gives the title, the legend and the targets in its language.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from plancli import __version__
from plancli.loading.safewrite import MARK
from plancli.model.problems import UsageError
from plancli.report.charts import fonts, words
from plancli.report.words import fmt_number
from plancli.results.chart import ChartResult

FORMATS = ("svg", "png")
COLOURS = {
    "path": "#4c72b0",
    "actual": "#dd6b20",
    "baseline": "#333333",
    "target": "#c0392b",
}
# Markers for the actuals of each scope drawn (the first scope, then any other).
SCOPE_MARKERS = ("o", "^", "s", "v")
WRITER = f"{MARK} {__version__}, drawn with Matplotlib"


class NoFont(UsageError):
    """No installed font can draw the chart's Chinese in a PNG."""


def chart_texts(chart: ChartResult, lang: str | None) -> list[str]:
    """Every text the chart will carry in lang (none without a language)."""
    if lang is None:
        return []
    found = [words.title(chart, lang), words.subtitle(chart, lang), words.legend_word("year", lang)]
    found += [words.legend_word(k, lang) for k in words.legend_keys(chart)]
    found += [t.target_id for t in chart.targets]
    scopes = list(dict.fromkeys(a.scope for a in chart.actuals))
    named = [words.scope_in(chart, s, lang) for s in scopes]
    return found + (named if len(scopes) > 1 else [])  # named in the legend only then


class Drawer:
    """Draws charts, one after another, on one reused figure."""

    def __init__(self, size: tuple[float, float] = (7.2, 4.2), *, words: bool = True):
        # A chart with words lays itself out around them; one without (the site's) has fixed
        # margins, which halves the time to draw it: a site draws dozens.
        self.words = words
        self.figure = Figure(figsize=size, dpi=100, layout="constrained" if words else None)

    def draw(self, chart: ChartResult, fmt: str, lang: str | None) -> bytes:
        """The chart as a file; lang None for one without words (a Drawer made words=False)."""
        lang = lang if self.words else None
        texts = chart_texts(chart, lang)
        family = fonts.cjk_family(texts) if fonts.needs_cjk(texts) else None
        if fmt == "png" and fonts.needs_cjk(texts) and family is None:
            missing = sorted({ch for t in texts for ch in t if ord(ch) > 0x2E7F})
            raise NoFont("no_cjk_font", chars="".join(missing[:6]), package="fonts-noto-cjk")
        settings: Any = {
            "svg.fonttype": "none",
            "svg.hashsalt": "plancli",
            # Named, not the generic sans-serif: Matplotlib falls back glyph by glyph only
            # along the family list itself.
            "font.family": [fonts.LATIN, *([family] if family else []), "sans-serif"],
            "font.size": 9,
        }
        with rc_context(settings), warnings.catch_warnings():
            # An SVG's Chinese is drawn by the viewer: a missing glyph here only measures it.
            warnings.simplefilter("ignore", UserWarning)
            self.figure.clear()
            self._plot(chart, lang)
            return self._save(fmt)

    def _plot(self, chart: ChartResult, lang: str | None) -> None:
        ax = self.figure.add_subplot()
        if not self.words:
            self.figure.subplots_adjust(left=0.11, right=0.97, top=0.96, bottom=0.08)

        def label(key: str) -> str | None:
            return words.legend_word(key, lang) if lang else None

        for n, path in enumerate(chart.paths):
            if len(path.points) > 1:
                xs, ys = zip(*((p.year, p.value) for p in path.points), strict=True)
                ax.plot(
                    xs,
                    ys,
                    linestyle="--",
                    color=COLOURS["path"],
                    linewidth=1.4,
                    label=label("path") if n == 0 else None,
                )
        for b in chart.baselines:
            # Larger than an actual's dot and beneath it: both show where they coincide.
            ax.plot(
                [b.year],
                [b.value],
                marker="s",
                color=COLOURS["baseline"],
                linestyle="",
                markersize=11,
                zorder=1.5,
                label=label("baseline") if b == chart.baselines[0] else None,
            )
        self._actuals(ax, chart, lang)
        first = True
        for t in chart.targets:
            if t.value is None:
                continue
            ax.plot(
                [t.year],
                [t.value],
                marker="D",
                color=COLOURS["target"],
                linestyle="",
                markersize=8,
                label=label("target") if first else None,
            )
            first = False
            last = t.year == chart.last_year  # named to its left, inside the chart
            ax.annotate(
                t.target_id.split("@", 1)[1],
                (t.year, t.value),
                xytext=(-7 if last else 7, 5),
                textcoords="offset points",
                horizontalalignment="right" if last else "left",
                fontsize=8,
                color=COLOURS["target"],
            )
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_number(v, 2)))
        ax.set_xlim(chart.first_year - 0.5, chart.last_year + 0.9)
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        if lang:
            ax.set_title(words.title(chart, lang), loc="left", fontsize=11, fontweight="bold")
            ax.set_ylabel(words.subtitle(chart, lang))
            ax.set_xlabel(words.legend_word("year", lang))
            ax.legend(loc="upper left", fontsize=8, frameon=False)

    def _actuals(self, ax: Any, chart: ChartResult, lang: str | None) -> None:
        labelled: set[str] = set()
        scopes = list(dict.fromkeys(a.scope for a in chart.actuals))
        for n, scope in enumerate(scopes):
            marker = SCOPE_MARKERS[min(n, len(SCOPE_MARKERS) - 1)]
            for primary in (True, False):
                group = [a for a in chart.actuals if a.scope == scope and a.primary == primary]
                if not group:
                    continue
                key = "actual" if primary else "actual_secondary"
                name = words.legend_word(key, lang) if lang else None
                if name and lang and len(scopes) > 1:
                    name += f" ({words.scope_in(chart, scope, lang)})"
                ax.plot(
                    [a.year for a in group],
                    [a.value for a in group],
                    marker=marker,
                    linestyle="",
                    markersize=7,
                    color=COLOURS["actual"],
                    markerfacecolor=COLOURS["actual"] if primary else "white",
                    markeredgewidth=1.5,
                    label=name if name and name not in labelled else None,
                )
                if name:
                    labelled.add(name)

    def _save(self, fmt: str) -> bytes:
        if fmt == "svg":
            text = io.StringIO()
            self.figure.savefig(text, format="svg", metadata={"Date": None, "Creator": WRITER})
            return text.getvalue().encode("utf-8")
        data = io.BytesIO()
        self.figure.savefig(data, format="png", metadata={"Software": WRITER})
        return data.getvalue()
