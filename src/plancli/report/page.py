"""A page to read: what the table and Markdown reporters lay out, already in the reader's
language. A command's presenter (plancli.report.pages) builds one from a result; the reporter
decides how each part looks in its format.

Columns say what role their values play, which is all the table reporter needs to lay a table
out in any width (plancli.report.table, docs/output.md "Tables in a narrow terminal"): the row's
identity and every figure and status word are shown whole, prose folds, charts scale, and when
the columns still do not fit, those with a `drop` rank are left out, lowest rank first, before
the table becomes one block per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from plancli.model.record import Record

Span = tuple[int, int]

# The roles of a column: id (names the row: a target id, a year, a chapter number; never cut,
# broken or left out), code (a short code such as a task id: never cut or broken), figure (a
# number: right-aligned, never cut), status (a word: never cut), prose (folds to the width),
# chart (bars, drawn to the width the table has left).
ROLES = ("id", "code", "figure", "status", "prose", "chart")


class Column(Record):
    label: str  # the header, in the reader's language ("\n" where it may take two lines)
    cell: Callable[[Any], str]  # the text of a record's cell
    role: str = "prose"
    no_wrap: bool = False  # prose kept on one line: a code
    # Where in the cell's text to highlight (search matches): [start, end) spans.
    marks: Callable[[Any], Sequence[Span]] | None = None
    # When the table does not fit: 0 never left out; else left out in rank order (1 first).
    drop: int = 0
    # Prose that is a list (achieved 5 · on track 7): it wraps between items, never inside one.
    sep: str | None = None
    # A chart's cell drawn in a given number of cells (`cell` draws it at `width`).
    draw: Callable[[Any, int], str] | None = None
    width: int | None = None  # a chart's natural width
    # Where the cell's text points (a source's page): a link in Markdown, the text alone in a
    # terminal.
    link: Callable[[Any], str | None] | None = None

    @property
    def right(self) -> bool:
        return self.role == "figure"

    @property
    def kind(self) -> str:
        """The role that decides the layout (prose kept on one line is a code)."""
        return "code" if self.role == "prose" and self.no_wrap else self.role


class Heading(Record):
    text: str
    level: int = 2  # Markdown's heading level; a table prints it bold


class Lines(Record):
    lines: list[str]  # each a paragraph of its own (wrapped to the width in a terminal)


class Notes(Record):
    """A title and its items: indented under it in a terminal, a list in Markdown."""

    title: str
    items: list[str]


class Facts(Record):
    # label, value; a value that is a tuple of items wraps between them (a list of counts)
    pairs: Sequence[tuple[str, str | tuple[str, ...]]]


class Passage(Record):
    text: str  # a paragraph, folded to the width
    marks: Sequence[Span] = ()


class Note(Record):
    text: str  # a sentence about the page as a whole (whose its English is), folded to the width


class Table(Record):
    rows: Sequence[Any]
    columns: list[Column]
    title: str | None = None
    caption: str | None = None
    empty: str | None = None  # said instead of an empty table; None leaves it out


Part = Heading | Lines | Notes | Facts | Passage | Note | Table

ITEM_SEP = " · "  # between the items of a Facts value, in every format


class Page:
    """The parts of a page, in order. (NamedTuples and a plain class rather than dataclasses:
    `--help` imports this module, and each dataclass costs ~0.3 ms to define.)"""

    def __init__(self) -> None:
        self.parts: list[Part] = []

    def add(self, *parts: Part) -> Page:
        self.parts.extend(parts)
        return self
