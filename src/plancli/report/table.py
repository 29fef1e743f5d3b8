"""The table reporter's rendering: a page as Rich tables and text, for a terminal or a pipe.

The layout rule lives here, for every table of every command (docs/output.md, "Tables in a
narrow terminal"):

- A row's identity (a column of role `id`: a target id, a year, a chapter number) is never left
  out, cut or broken; no figure, status word or code is cut or broken either.
- Prose folds (at spaces, and anywhere in Chinese), but not below PROSE_LEAST cells, nor below
  its longest word (a word in Latin letters, up to WORD_MOST cells: an id quoted in a search
  match, the start of a URL), so that a word is folded only when it is longer than that.
- Charts are drawn in the width the other columns leave, from CHART_LEAST to CHART_MOST cells.
- When the columns do not fit even so, those with a `drop` rank are left out, rank 1 first, and
  a line under the table names them; when the row's identity and the columns that are never
  left out still do not fit, every row becomes a block: its identity on a line, then one line
  for each other column (`label  value`), as `gh` and `kubectl` do in a narrow terminal.
- Nothing but an identity longer than the terminal itself is wider than the terminal.

The width is the terminal's, or COLUMNS; output to a pipe or a file is laid out for 80 columns
unless COLUMNS says otherwise. Widths are measured in terminal cells (a Chinese character takes
two: rich.cells.cell_len).

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
from rich.segment import Segment, Segments
from rich.table import Table as RichTable
from rich.text import Text

from plancli.model.sanitise import for_terminal
from plancli.report.catalogue import text
from plancli.report.page import (
    ITEM_SEP,
    Column,
    Facts,
    Heading,
    Lines,
    Note,
    Notes,
    Page,
    Passage,
    Span,
    Table,
)

MARK_STYLE = "bold underline yellow"  # without colour (NO_COLOR) it stays bold and underlined
GAP = 2  # cells between two columns
PROSE_LEAST = 16  # prose folds, but not narrower than this (unless all of it is narrower)
WORD_MOST = 30  # nor narrower than its longest word up to this (an id, a URL's first part)
CHART_LEAST, CHART_MOST = 10, 60
INDENT = 2  # a block's lines under its identity; a note's items under their title


def console(stream: TextIO, width: int | None = None) -> Console:
    return Console(file=stream, highlight=False, soft_wrap=False, width=width)


class Trimmed:
    """A stream that drops the spaces Rich pads a line's end with (a table's last column, a
    grid's cells), so that a copied or piped line ends where its text does. Rich asks it
    whether it is a terminal and how wide, as it would the stream itself."""

    def __init__(self, stream: TextIO):
        self.stream, self.pending = stream, ""

    def write(self, chunk: str) -> int:
        *lines, self.pending = (self.pending + chunk).split("\n")
        for line in lines:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(chunk)

    def flush(self) -> None:
        if self.pending.strip(" "):
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding …
        return getattr(self.stream, name)


def _shown(part: object) -> bool:
    """Whether a part prints anything (an empty table without a word for it does not)."""
    if isinstance(part, Table):
        return bool(part.rows) or part.empty is not None
    if isinstance(part, Lines):
        return bool(part.lines)
    if isinstance(part, Notes):
        return bool(part.items)
    return True


def render(page: Page, stream: TextIO, lang: str, width: int | None = None) -> None:
    trimmed = Trimmed(stream)
    out = console(trimmed, width)  # type: ignore[arg-type]
    for n, part in enumerate(p for p in page.parts if _shown(p)):
        if n:
            out.print()
        if isinstance(part, Heading):
            out.print(Text(for_terminal(part.text), style="bold"))
        elif isinstance(part, Lines):
            for line in part.lines:
                out.print(Text(for_terminal(line)))
        elif isinstance(part, Notes):
            _notes(out, part)
        elif isinstance(part, Facts):
            out.print(_facts(part))
        elif isinstance(part, Note):
            out.print(Text(for_terminal(part.text)))
        elif isinstance(part, Passage):
            out.print(marked_text(part.text, part.marks), overflow="fold")
        elif isinstance(part, Table):
            _table_part(out, part, lang)
    trimmed.flush()


def _notes(out: Console, part: Notes) -> None:
    out.print(Text(for_terminal(part.title)))
    for item in part.items:
        _hanging(out, for_terminal(item), INDENT, INDENT * 2)


def _hanging(out: Console, shown: str, first: int, rest: int) -> None:
    """shown wrapped to the width, its first line indented by first cells, the others by rest
    (so that an item's continuation lines stand under its text, not under its id)."""
    lines = Text(shown).wrap(out, max(out.width - rest, PROSE_LEAST), overflow="fold")
    for n, line in enumerate(lines):
        out.print(Text(" " * (rest if n else first)) + line, soft_wrap=True)


def _table_part(out: Console, part: Table, lang: str) -> None:
    if not part.rows:
        if part.empty is not None:
            said = f"{part.title}: {part.empty}" if part.title else part.empty
            out.print(Text(for_terminal(said)))
        return
    if part.title:  # apart from the table, so that the table's width cannot wrap it
        out.print(Text(for_terminal(part.title)))
    layout = fit(part.columns, part.rows, out.width)
    below = [part.caption] if part.caption else []
    if layout is None:
        _blocks(out, part.columns, part.rows)
    else:
        out.print(Segments(_table_lines(out, part.rows, layout)), soft_wrap=True, end="")
        left_out = [one_line(c.label) for c in part.columns if c not in layout]
        if any(left_out):
            below.insert(0, text("table.left_out", lang, columns=[c for c in left_out if c]))
    if below:  # apart from the table: it reads as a line of its own, not as a row
        out.print()
    for line in below:
        out.print(Text(for_terminal(line)))


# -- fitting the columns to the width -----------------------------------------------------------


class Fitted(dict[Column, int]):
    """The columns shown, in order, with their widths in cells."""


def _words(label: str) -> list[str]:
    return label.replace("\n", " ").split()


def one_line(label: str) -> str:
    """A header of two lines as one: "Plan\nrate" is "Plan rate", "规划\n年增速" "规划年增速"."""
    head, *rest = label.split("\n")
    for line in rest:
        wide = head[-1:] > "\u2e80" and line[:1] > "\u2e80"  # CJK on both sides: no space
        head += ("" if wide or not head or not line else " ") + line
    return head


def _measure(col: Column, rows: Sequence[Any]) -> tuple[int, int]:
    """The least and the natural width of a column, in cells."""
    label_least = max((cell_len(w) for w in _words(col.label)), default=0)
    label_natural = max((cell_len(line) for line in col.label.split("\n")), default=0)
    if col.kind == "chart":
        return CHART_LEAST, max(col.width or CHART_LEAST, CHART_LEAST)
    cells = [for_terminal(col.cell(r)) for r in rows]
    longest = max((cell_len(line) for c in cells for line in c.split("\n")), default=0)
    natural = max(longest, label_natural)
    if col.kind != "prose":
        return max(longest, label_least), natural
    if col.sep:
        item = max((cell_len(i) for c in cells for i in c.split(col.sep)), default=0)
        return max(item, label_least), natural
    word = max((cell_len(w) for c in cells for w in c.split() if cell_len(w) == len(w)), default=0)
    return max(min(longest, PROSE_LEAST), min(word, WORD_MOST), label_least), natural


def fit(columns: Sequence[Column], rows: Sequence[Any], width: int) -> Fitted | None:
    """The columns that fit in width and their widths, or None when even the ones never left
    out do not fit (the table is then laid out as blocks)."""
    sizes = {col: _measure(col, rows) for col in columns}
    shown = list(columns)

    def total(widths: Sequence[int]) -> int:
        return sum(widths) + GAP * (len(widths) - 1)

    while total([sizes[c][0] for c in shown]) > width:
        droppable = [c for c in shown if c.drop]
        if not droppable:
            return None
        shown.remove(min(droppable, key=lambda c: c.drop))
    widths = {c: sizes[c][0] for c in shown}
    spare = width - total(list(widths.values()))
    # Prose takes the room it wants first, in proportion to what it lacks …
    wants = {c: sizes[c][1] - widths[c] for c in shown if c.kind != "chart"}
    wanted = sum(wants.values())
    if wanted:
        given = {c: min(want, spare * want // wanted) for c, want in wants.items()}
        for c in sorted(wants, key=lambda c: wants[c] - given[c], reverse=True):
            given[c] += min(wants[c] - given[c], spare - sum(given.values()))
        for c, more in given.items():
            widths[c] += more
        spare -= sum(given.values())
    # … then charts take what is left.
    for c in shown:
        if c.kind == "chart" and spare > 0:
            more = min(spare, CHART_MOST - widths[c])
            widths[c] += more
            spare -= more
    return Fitted((c, widths[c]) for c in shown)


def _table_lines(out: Console, rows: Sequence[Any], layout: Fitted) -> list[Segment]:
    """The table as Rich would draw it (box.SIMPLE_HEAD without edges, GAP cells between the
    columns, headers bottom-aligned, cells top-aligned), laid out line by line: a cell of one
    plain line that fits, most of them, is padded rather than rendered."""
    widths = list(layout.values())
    header_style = out.get_style("table.header")
    heads = [_lines(out, _header(c.label, w), c, w, header_style) for c, w in layout.items()]
    segments = _row(heads, widths, bottom=True)
    padded = [w + GAP - 1 for w in widths[:-1]] + widths[-1:]
    rule = box.SIMPLE_HEAD.substitute(out.options, safe=True).get_row(padded, "head", edge=False)
    segments += [Segment(rule), Segment.line()]
    for rec in rows:
        cells = [_lines(out, _cell(c, rec, w), c, w, None) for c, w in layout.items()]
        segments += _row(cells, widths, bottom=False)
    return segments


def _lines(out: Console, shown: Any, col: Column, width: int, style: Any) -> list[list[Segment]]:
    """A cell's lines, each padded to the column's width."""
    if isinstance(shown, Items):
        shown = Text("\n".join(shown.lines(width)))
    if isinstance(shown, Text) and not shown.spans and not shown.style:
        lines = shown.plain.split("\n")
        if col.right:
            lines = [line.rstrip() for line in lines]
        sizes = [cell_len(line) for line in lines]
        pairs = list(zip(lines, sizes, strict=True))
        if all(n <= width and line.isprintable() for line, n in pairs):
            return [[Segment(_padded(line, width - n, col.right), style)] for line, n in pairs]
    options = out.options.update(
        width=width,
        justify="right" if col.right else "left",
        no_wrap=col.kind != "prose",
        overflow="fold",
        height=None,
    )
    return out.render_lines(shown, options, style=style, pad=True)


def _padded(line: str, spaces: int, right: bool) -> str:
    return " " * spaces + line if right else line + " " * spaces


def _row(cells: list[list[list[Segment]]], widths: list[int], bottom: bool) -> list[Segment]:
    """A row's lines: its cells side by side, GAP cells apart, each aligned to the top of the
    row (to the bottom in the header)."""
    height, gap = max(len(c) for c in cells), Segment(" " * GAP)
    segments: list[Segment] = []
    for n in range(height):
        for i, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            at = n - (height - len(lines)) if bottom else n
            segments += [gap] if i else []
            segments += lines[at] if 0 <= at < len(lines) else [Segment(" " * width)]
        segments.append(Segment.line())
    return segments


def _header(label: str, width: int) -> Text:
    """The header wrapped between words to the column's width (a column is never narrower
    than the longest word of its header)."""
    lines: list[str] = []
    for part in label.split("\n"):
        line = ""
        for word in part.split():
            if line and cell_len(line) + 1 + cell_len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return Text(for_terminal("\n".join(lines)))


def _cell(col: Column, rec: Any, width: int) -> Any:
    if col.kind == "chart":
        return Text(col.draw(rec, width) if col.draw else col.cell(rec))
    shown = col.cell(rec)
    if col.sep:
        return Items(for_terminal(shown).split(col.sep), col.sep)
    return marked_text(shown, col.marks(rec) if col.marks else ())


# -- a table as blocks ---------------------------------------------------------------------------


def _blocks(out: Console, columns: Sequence[Column], rows: Sequence[Any]) -> None:
    """Each row as a block: its identity in bold, then `label  value` for each other column,
    the value folded under itself."""
    ids = [c for c in columns if c.kind == "id"] or list(columns[:1])
    rest = [c for c in columns if c not in ids]
    labels = {c: for_terminal(one_line(c.label)) for c in rest}
    label_width = max((cell_len(s) for s in labels.values()), default=0)
    value_width = max(out.width - INDENT - label_width - GAP, PROSE_LEAST)
    # Laid out line by line rather than as a Rich grid per block: the same lines, at a fifth
    # of the cost (a chapter's targets are some thirty blocks; bench/README.md).
    options = out.options.update(width=value_width, overflow="fold")
    under = Segment(" " * (INDENT + label_width + GAP))
    lines: list[Segment] = []
    for n, rec in enumerate(rows):
        head = "  ".join(for_terminal(c.cell(rec)) for c in ids if c.cell(rec))
        if head:  # (a row without one goes on with the block above, as a table shows it)
            lines += [Segment.line()] if n else []
            lines += [*Text(head, style="bold").render(out), Segment.line()]
        for col in rest:
            width = min(value_width, col.width or CHART_LEAST) if col.kind == "chart" else 0
            value = _cell(col, rec, width)
            if isinstance(value, Text) and not value.plain.strip():
                continue
            label = Text(" " * INDENT) + Text(labels[col], style="dim")
            label.pad_right(label_width - cell_len(labels[col]) + GAP)
            for i, line in enumerate(out.render_lines(value, options, pad=False)):
                lines += [*(label.render(out) if i == 0 else [under]), *line, Segment.line()]
    out.print(Segments(lines), soft_wrap=True, end="")


# -- the other parts -------------------------------------------------------------------------------


def _facts(part: Facts) -> RichTable:
    grid = RichTable.grid(padding=(0, GAP, 0, 0))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in part.pairs:
        shown: Any = (
            Items([for_terminal(v) for v in value], ITEM_SEP)
            if isinstance(value, tuple)
            else Text(for_terminal(value))
        )
        grid.add_row(Text(for_terminal(label)), shown)
    return grid


def marked_text(shown: str, spans: Sequence[Span] = ()) -> Text:
    """A Rich Text of plain text (never parsed as markup, control characters replaced) with
    spans highlighted."""
    out = Text(for_terminal(shown))
    for start, end in spans:
        out.stylize(MARK_STYLE, start, end)
    return out


class Items:
    """A list (achieved 5 · on track 7 · behind 2) that wraps between its items, never inside
    one: a status word stays whole on its line."""

    def __init__(self, items: Sequence[str], sep: str):
        self.items, self.sep = [i for i in items if i], sep

    def lines(self, width: int) -> list[str]:
        lines: list[str] = []
        for item in self.items:
            joined = f"{lines[-1]}{self.sep}{item}" if lines else item
            if lines and cell_len(joined.rstrip()) <= width:
                lines[-1] = joined
            else:
                lines.append(item)
        return lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(i) for i in self.items), default=0)
        return Measurement(longest, cell_len(self.sep.join(self.items)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(self.lines(options.max_width)), overflow="fold")
