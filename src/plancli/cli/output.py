"""Rendering records as a Rich table, JSON, CSV or Markdown: one reporter per format.

Commands build a list of plain dicts (raw values and ids) and a list of Columns; the reporter
chosen by --format does the rest. Rich is imported only by the table reporter.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import typer

from plancli.cli import state


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="Output format: a table to read, or json/csv/markdown."),
]
BomOption = Annotated[
    bool,
    typer.Option("--bom", help="Start CSV output with a UTF-8 byte-order mark (for Excel)."),
]


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    justify: str = "left"  # "right" for numbers
    # How the table shows a value; JSON/CSV always carry the raw value.
    show: Callable[[Any, dict], str] | None = None
    no_wrap: bool = False

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


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def render_table(records, columns, *, title=None, caption=None, **_) -> None:
    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        caption=caption,
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
        )
    for rec in records:
        table.add_row(*(col.cell(rec) for col in columns))
    console().print(table)


def render_json(records, columns=None, **_) -> None:
    typer.echo(json.dumps(records, ensure_ascii=False, indent=2, default=_json_default))


def render_csv(records, columns, *, bom: bool = False, **_) -> None:
    buf = io.StringIO()
    keys = [c.key for c in columns] if columns else list(records[0]) if records else []
    writer = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: _csv_value(rec.get(k)) for k in keys})
    text = ("\ufeff" if bom else "") + buf.getvalue()
    sys.stdout.write(text)
    sys.stdout.flush()


def render_markdown(records, columns, *, title=None, **_) -> None:
    lines = [f"### {title}", ""] if title else []
    lines.append("| " + " | ".join(c.header() for c in columns) + " |")
    lines.append(
        "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |"
    )
    for rec in records:
        cells = (c.cell(rec).replace("|", "\\|").replace("\n", " ") for c in columns)
        lines.append("| " + " | ".join(cells) + " |")
    typer.echo("\n".join(lines))


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
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
) -> None:
    """Print records in the chosen format; an empty table says so plainly."""
    if not records and fmt in (Format.table, Format.markdown):
        typer.echo(empty)
        return
    REPORTERS[fmt](records, columns, title=title, caption=caption, bom=bom)


def tr(zh: str, en: str) -> str:
    """Pick the text for the chosen --lang."""
    return en if state.settings.lang == "en" else zh
