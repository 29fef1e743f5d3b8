"""Rendering records as a Rich table, JSON, CSV or Markdown: one reporter per format.

Commands build a list of plain dicts (raw values and ids) and a list of Columns; the reporter
chosen by --format does the rest. Rich is imported only by the table reporter.

Every reporter makes its output safe for its reader (plancli.report.sanitise): table and
Markdown pass each text through for_terminal (no escape sequence from a data file reaches a
terminal), CSV each cell through csv_cell (no formula reaches a spreadsheet), JSON is strict
(json_text); and emit refuses a record holding a number that overflowed (require_finite), in
every format.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

import typer

from plancli.cli import state
from plancli.report.sanitise import csv_cell, for_terminal, json_text, require_finite


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Column(NamedTuple):
    key: str
    zh: str
    en: str
    justify: str = "left"  # "right" for numbers
    # How the table shows a value; JSON/CSV always carry the raw value.
    show: Callable[[Any, dict], str] | None = None
    no_wrap: bool = False
    # Where in the shown text to highlight (search matches): [start, end) spans of cell(record).
    marks: Callable[[dict], list[tuple[int, int]]] | None = None
    min_width: int | None = None  # keeps ids readable when a narrow terminal squeezes the table
    # In a table column too narrow for the whole text, start a new line before this mark (the
    # @ of a target id), so that the id breaks where a reader would, not mid-word.
    break_before: str | None = None

    def header(self) -> str:
        return self.en if state.settings.lang == "en" else self.zh

    def cell(self, record: dict) -> str:
        value = record.get(self.key)
        if self.show is not None:
            return self.show(value, record)
        return fmt_value(value)


def fmt_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float):
        return fmt_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt_value(v) for v in value)
    return str(value)


def fmt_number(x: float | None, digits: int = 2) -> str:
    """Round for reading: thousands separators, no trailing zeros."""
    if x is None:
        return "—"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    text = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


MARK_STYLE = "bold underline yellow"  # without colour (NO_COLOR) it stays bold and underlined


def console(stderr: bool = False):
    """A Rich console: colour only on a terminal, none when piped or when NO_COLOR is set
    (Rich reads NO_COLOR, FORCE_COLOR, TERM and COLUMNS itself)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def marked_text(text: str, spans=()):
    """A Rich Text of plain text (never parsed as markup, control characters replaced) with
    spans highlighted."""
    from rich.text import Text

    out = Text(for_terminal(text))
    for start, end in spans:
        out.stylize(MARK_STYLE, start, end)
    return out


def _cell(col: Column, rec: dict):
    text = col.cell(rec)
    if col.break_before and not col.marks:
        return _BreakBefore(text, col.break_before, col.min_width or 0)
    return marked_text(text, col.marks(rec) if col.marks else ())


class _BreakBefore:
    """A cell that, when its column is narrower than the text, starts a new line at a mark
    (gdp_per_capita / @2035.double) instead of wherever the width runs out."""

    def __init__(self, text: str, mark: str, least: int):
        self.text, self.mark, self.least = for_terminal(text), mark, least

    def _parts(self) -> list[str]:
        head, sep, tail = self.text.partition(self.mark)
        return [head, sep + tail] if sep and head else [self.text]

    def __rich_measure__(self, console, options):
        from rich.cells import cell_len
        from rich.measure import Measurement

        longest = max(cell_len(p) for p in self._parts())
        return Measurement(min(longest, max(self.least, 1)), cell_len(self.text))

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.text import Text

        fits = cell_len(self.text) <= options.max_width
        yield Text(self.text if fits else "\n".join(self._parts()), overflow="fold")


def markdown_marked(text: str, spans=()) -> str:
    """text with spans wrapped in ** (bold in Markdown); | and newlines made table-safe."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [_md_escape(text[last:start]), "**", _md_escape(text[start:end]), "**"]
        last = end
    out.append(_md_escape(text[last:]))
    return "".join(out)


def _md_escape(text: str) -> str:
    text = for_terminal(text)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("\n", " ")


def render_table(records, columns, *, title=None, caption=None, **_) -> None:
    console().print(_table(records, columns, title, caption))


def _table(records, columns, title, caption):
    from rich import box
    from rich.table import Table

    table = Table(
        title=for_terminal(title) if title else title,
        caption=for_terminal(caption) if caption else caption,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
    )
    for col in columns:
        # CJK text has no spaces to wrap at: fold it, so long titles wrap instead of vanishing.
        table.add_column(
            col.header(),
            justify=col.justify,
            no_wrap=col.no_wrap,
            overflow="ellipsis" if col.no_wrap else "fold",
            min_width=col.min_width,
        )
    for rec in records:
        # Text cells: a title holding [brackets] must not be read as Rich markup.
        table.add_row(*(_cell(col, rec) for col in columns))
    return table


def render_json(records, columns=None, **_) -> None:
    typer.echo(json_text(records, indent=2, default=_json_default))


def render_csv(records, columns, *, bom: bool = False, fields=None, **_) -> None:
    import csv
    import io

    buf = io.StringIO()
    keys = list(fields or ())
    keys = keys or ([c.key for c in columns] if columns else list(records[0]) if records else [])
    writer = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: csv_cell(_csv_value(rec.get(k))) for k in keys})
    text = ("\ufeff" if bom else "") + buf.getvalue()
    sys.stdout.write(text)
    sys.stdout.flush()


def render_markdown(records, columns, *, title=None, caption=None, **_) -> None:
    lines = [f"### {for_terminal(title, prose=False)}", ""] if title else []
    lines.append("| " + " | ".join(c.header() for c in columns) + " |")
    lines.append(
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |"
    )
    for rec in records:
        cells = (markdown_marked(c.cell(rec), c.marks(rec) if c.marks else ()) for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    if caption:
        lines += ["", _md_escape(caption)]
    typer.echo("\n".join(lines))


def _csv_value(value: Any) -> Any:
    import json

    if isinstance(value, (list, tuple)):
        if any(isinstance(v, (list, tuple, dict)) for v in value):
            return json.dumps(value, ensure_ascii=False)  # nested (spans): JSON in the cell
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _json_default(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)


REPORTERS: dict[Format, Callable[..., None]] = {
    Format.table: render_table,
    Format.json: render_json,
    Format.csv: render_csv,
    Format.markdown: render_markdown,
}


def emit(
    records: list[dict],
    columns: list[Column],
    fmt: Format,
    *,
    title: str | None = None,
    caption: str | None = None,
    empty: str = "No results.",
    bom: bool = False,
    fields: list[str] | None = None,
) -> None:
    """Print records in the chosen format; an empty table says so plainly.

    fields: the CSV columns, when they should be the records' raw keys rather than the keys of
    the table's columns."""
    if fmt is not Format.json:  # JSON's encoder refuses them itself (json_text)
        require_finite(records)
    if not records and fmt in (Format.table, Format.markdown):
        typer.echo(for_terminal(empty))
        return
    REPORTERS[fmt](records, columns, title=title, caption=caption, bom=bom, fields=fields)


def tr(zh: str, en: str) -> str:
    """Pick the text for the chosen --lang."""
    return en if state.settings.lang == "en" else zh


@dataclass
class Block:
    """One table of a composite view (the sections of a chapter, the targets of a task …)."""

    records: list[dict]
    columns: list[Column]
    title: str | None = None
    empty: str | None = None  # said when there are no records; None leaves the block out


@dataclass
class View:
    """A page about one thing: a heading, labelled facts, a passage of text, tables.

    JSON prints `document` (nested); CSV prints `rows`, one record per row, with `fields` as
    its columns; table and Markdown print the rest."""

    heading: str
    document: Any
    rows: list[dict]
    fields: list[str]
    facts: list[tuple[str, str]] = field(default_factory=list)
    text: str | None = None
    text_marks: list[tuple[int, int]] = field(default_factory=list)  # highlighted in `text`
    blocks: list[Block] = field(default_factory=list)


def emit_view(view: View, fmt: Format, *, bom: bool = False) -> None:
    if fmt is Format.csv:
        require_finite(view.rows)
    elif fmt is not Format.json:  # JSON's encoder refuses them itself (json_text)
        require_finite(view.document)
    if fmt is Format.json:
        render_json(view.document)
    elif fmt is Format.csv:
        render_csv(view.rows, None, bom=bom, fields=view.fields)
    elif fmt is Format.markdown:
        _markdown_view(view)
    else:
        _table_view(view)


def _table_view(view: View) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(Text(for_terminal(view.heading), style="bold"))
    if view.facts:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in view.facts:
            grid.add_row(Text(for_terminal(label)), Text(for_terminal(value)))
        out.print(grid)
    if view.text:
        out.print()
        out.print(marked_text(view.text, view.text_marks), overflow="fold")
    for block in view.blocks:
        if block.records:
            out.print()
            render_table(block.records, block.columns, title=block.title)
        elif block.empty is not None:
            out.print()
            said = f"{block.title}: {block.empty}" if block.title else block.empty
            out.print(Text(for_terminal(said)))


def _markdown_view(view: View) -> None:
    lines = [f"## {_md_escape(view.heading)}", ""]
    lines += [f"- **{_md_escape(label)}**: {_md_escape(value)}" for label, value in view.facts]
    if view.facts:
        lines.append("")
    if view.text:
        lines += [f"> {markdown_marked(view.text, view.text_marks)}", ""]
    typer.echo("\n".join(lines).rstrip("\n"))
    for block in view.blocks:
        if block.records:
            typer.echo("")
            render_markdown(block.records, block.columns, title=block.title)
        elif block.empty is not None:
            typer.echo("")
            said = f"### {block.title}\n\n{block.empty}" if block.title else block.empty
            typer.echo(for_terminal(said))
