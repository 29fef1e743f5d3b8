"""A page to read: what the table and Markdown reporters lay out, already in the reader's
language. A command's presenter (plancli.report.pages) builds one from a result; the reporter
decides how each part looks in its format.

Columns say what role their values play (an id, a figure, a status word, prose), which is where
the table reporter's rules for narrow terminals belong: ids and figures are never cut, prose
folds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from plancli.model.record import Record

Span = tuple[int, int]


class Column(Record):
    label: str  # the header, in the reader's language
    cell: Callable[[Any], str]  # the text of a record's cell
    # What the values are, and so how a narrow table treats them: id (names the row), figure
    # (a number, right-aligned, never cut), status (a word, never cut), chart (bars), prose
    # (folds to the width).
    role: str = "prose"
    no_wrap: bool = False  # an id or short word kept on one line
    # Where in the cell's text to highlight (search matches): [start, end) spans.
    marks: Callable[[Any], Sequence[Span]] | None = None
    min_width: int | None = None  # keeps ids readable when a narrow terminal squeezes the table
    # In a column too narrow for the whole id, break before this mark (the @ of a target id).
    break_before: str | None = None

    @property
    def right(self) -> bool:
        return self.role == "figure"


class Heading(Record):
    text: str
    level: int = 2  # Markdown's heading level; a table prints it bold


class Lines(Record):
    lines: list[str]  # printed as they are, one after another


class Facts(Record):
    pairs: list[tuple[str, str]]  # label, value


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


Part = Heading | Lines | Facts | Passage | Note | Table


class Page:
    """The parts of a page, in order. (NamedTuples and a plain class rather than dataclasses:
    `--help` imports this module, and each dataclass costs ~0.3 ms to define.)"""

    def __init__(self) -> None:
        self.parts: list[Part] = []

    def add(self, *parts: Part) -> Page:
        self.parts.extend(parts)
        return self
