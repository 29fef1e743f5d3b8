"""The table reporter's rendering: a page as Rich tables and text, for a terminal or a pipe.

Rich is imported here and only here, by the reporter chosen for `--format table`: the machine
formats never load it. Colour only on a terminal, none when piped or when NO_COLOR is set (Rich
reads NO_COLOR, FORCE_COLOR, TERM and COLUMNS itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table as RichTable
from rich.text import Text

from plancli.model.sanitise import for_terminal
from plancli.report.page import Column, Facts, Heading, Lines, Note, Page, Passage, Span, Table

MARK_STYLE = "bold underline yellow"  # without colour (NO_COLOR) it stays bold and underlined


def console(stream: TextIO, width: int | None = None) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=False, width=width)


def render(page: Page, stream: TextIO, width: int | None = None) -> None:
    out = console(stream, width)
    for n, part in enumerate(page.parts):
        if isinstance(part, Heading):
            out.print(Text(for_terminal(part.text), style="bold"))
        elif isinstance(part, Lines):
            for line in part.lines:
                out.print(Text(for_terminal(line)), soft_wrap=True)
        elif isinstance(part, Facts):
            out.print(_facts(part))
        elif isinstance(part, Note):
            out.print(Text(for_terminal(part.text)))
        elif isinstance(part, Passage):
            if n:
                out.print()
            out.print(marked_text(part.text, part.marks), overflow="fold")
        elif isinstance(part, Table):
            _table_part(out, part, first=n == 0)


def _table_part(out: Console, part: Table, first: bool) -> None:
    if part.title and not first:
        out.print()
    if not part.rows:
        if part.empty is not None:
            said = f"{part.title}: {part.empty}" if part.title else part.empty
            out.print(Text(for_terminal(said)), soft_wrap=True)
        return
    if part.title:  # apart from the table, so that the table's width cannot wrap it
        out.print(Text(for_terminal(part.title)), soft_wrap=True)
    caption = for_terminal(part.caption) if part.caption else None
    out.print(rich_table(part.rows, part.columns, caption))


def _facts(part: Facts) -> RichTable:
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in part.pairs:
        grid.add_row(Text(for_terminal(label)), Text(for_terminal(value)))
    return grid


def rich_table(rows: Sequence[Any], columns: list[Column], caption: str | None) -> RichTable:
    table = RichTable(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left")
    for col in columns:
        keep = col.no_wrap or col.role in ("figure", "status", "chart")  # never wrapped
        # CJK text has no spaces to wrap at: fold it, so long titles wrap instead of vanishing.
        table.add_column(
            col.label,
            justify="right" if col.right else "left",
            no_wrap=keep,
            overflow="ellipsis" if keep else "fold",
            min_width=col.min_width,
        )
    for rec in rows:
        # Text cells: a title holding [brackets] must not be read as Rich markup.
        table.add_row(*(_cell(col, rec) for col in columns))
    return table


def _cell(col: Column, rec: Any) -> Any:
    shown = col.cell(rec)
    if col.break_before and not col.marks:
        return _BreakBefore(shown, col.break_before, col.min_width or 0)
    return marked_text(shown, col.marks(rec) if col.marks else ())


def marked_text(shown: str, spans: Sequence[Span] = ()) -> Text:
    """A Rich Text of plain text (never parsed as markup, control characters replaced) with
    spans highlighted."""
    out = Text(for_terminal(shown))
    for start, end in spans:
        out.stylize(MARK_STYLE, start, end)
    return out


class _BreakBefore:
    """A cell that, when its column is narrower than the text, starts a new line at a mark
    (gdp_per_capita / @2035.double) instead of wherever the width runs out."""

    def __init__(self, shown: str, mark: str, least: int):
        self.text, self.mark, self.least = for_terminal(shown), mark, least

    def _parts(self) -> list[str]:
        head, sep, tail = self.text.partition(self.mark)
        return [head, sep + tail] if sep and head else [self.text]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max(cell_len(p) for p in self._parts())
        return Measurement(min(longest, max(self.least, 1)), cell_len(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fits = cell_len(self.text) <= options.max_width
        yield Text(self.text if fits else "\n".join(self._parts()), overflow="fold")
