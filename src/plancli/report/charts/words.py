"""The words of a chart in the reader's language: its title, the legend, the targets named
beside it and what was left undrawn. Shared by the terminal's chart, the files Matplotlib
draws and the site's pages (whose charts carry no words: the page says them)."""

from __future__ import annotations

from plancli.model.vocab import WHOLE_CITY
from plancli.report.catalogue import text
from plancli.report.pages.measure import name_of, unit_line
from plancli.report.words import scope_word, target_cell, value_cell
from plancli.results.chart import ChartResult, ChartTarget

# Legend keys, in the order the legend lists them; each is `chart.<key>` in the catalogue.
LEGEND = ("path", "actual", "actual_secondary", "baseline", "target")


def title(chart: ChartResult, lang: str) -> str:
    return f"{name_of(chart.indicator, lang)} ({chart.indicator.indicator})"


def subtitle(chart: ChartResult, lang: str) -> str:
    return unit_line(chart.indicator.unit, lang)


def legend_keys(chart: ChartResult) -> list[str]:
    """The legend's entries that the chart shows."""
    shown = {
        "path": any(len(p.points) > 1 for p in chart.paths),
        "actual": any(a.primary for a in chart.actuals),
        "actual_secondary": any(not a.primary for a in chart.actuals),
        "baseline": bool(chart.baselines),
        "target": any(t.value is not None for t in chart.targets),
    }
    return [key for key in LEGEND if shown[key]]


def legend_word(key: str, lang: str) -> str:
    return text(f"chart.{key}", lang)


def target_label(t: ChartTarget, unit: str, lang: str) -> str:
    """gdp@2025 ≥10,000 (2025), and its scope where it is not the whole city."""
    shown = target_cell(t.value, unit, str(t.comparator), str(t.direction))
    said = text("chart.target_item", lang, target=t.target_id, value=shown, year=t.year)
    if t.scope != WHOLE_CITY:
        said += text("chart.in_scope", lang, scope=scope_word(t, lang))
    return said


def scope_in(chart: ChartResult, scope: str, lang: str) -> str:
    """An area the chart names, in the reader's language (the glossary's English)."""
    if lang == "en":
        return dict(chart.scope_names).get(scope, scope)
    return scope


def note_lines(chart: ChartResult, lang: str) -> list[str]:
    """What the chart leaves out, and why."""
    lines = []
    unknown = [t.target_id for t in chart.targets if t.value is None]
    if unknown:
        lines.append(text("chart.value_unknown", lang, targets=unknown))
    derived: dict[str, list[str]] = {}
    for t in chart.targets:
        if t.derived and any(a.target_id == t.target_id for a in chart.actuals):
            derived.setdefault(str(t.compares), []).append(t.target_id)
    for compares, targets in derived.items():
        what = text(f"compares.{compares}", lang)
        lines.append(text("chart.derived", lang, targets=targets, what=what))
    if chart.other_scopes:
        other = [scope_in(chart, s, lang) for s in chart.other_scopes]
        drawn = [scope_in(chart, s, lang) for s in chart.scopes]
        lines.append(text("chart.other_scopes", lang, scopes=other, drawn=drawn))
    if not chart.drawable:
        lines.append(text("chart.nothing", lang, name=name_of(chart.indicator, lang)))
    return lines


def alt_text(chart: ChartResult, lang: str) -> str:
    """A chart described in words, for those who cannot see it (the site's alt text)."""
    said = [
        text(
            "chart.alt",
            lang,
            name=name_of(chart.indicator, lang),
            first=chart.first_year,
            last=chart.last_year,
        )
    ]
    unit = chart.indicator.unit
    for b in chart.baselines:
        said.append(text("chart.alt_baseline", lang, year=b.year, value=_value(b.value, unit)))
    if chart.actuals:
        shown = [f"{a.year}: {_value(a.value, unit)}" for a in chart.actuals]
        said.append(text("chart.alt_actuals", lang, values=shown))
    targets = [target_label(t, unit, lang) for t in chart.targets if t.value is not None]
    if targets:
        said.append(text("chart.alt_targets", lang, targets=targets))
    return " ".join(said)


def _value(value: float, unit: str) -> str:
    return value_cell(value, unit)
