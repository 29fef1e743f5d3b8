"""The reporters: one per output format, chosen by name from a registry, each given the
reader's language and the stream to write to (nothing is read from global state).

Every result (plancli.results) goes through the same four: `table` and `markdown` lay out the
page its presenter (plancli.report.pages) builds in the reader's language; `json` and `csv`
print its records, the same bytes in every language. `check` has its own three (text, json,
github) in plancli.report.check.

Every reporter makes its output safe for its reader (plancli.model.sanitise): table and
Markdown pass each text through for_terminal (no escape sequence from a data file reaches a
terminal), CSV each cell through csv_cell (no formula reaches a spreadsheet), JSON is strict
(json_text); and a result holding a number that overflowed is refused in every format.
"""

from __future__ import annotations

from typing import Any, TextIO

from plancli.model.sanitise import csv_cell, json_text, require_finite
from plancli.report import markdown, pages
from plancli.report.records import csv_columns, csv_row, to_json


class Reporter:
    """Writes a result in one format."""

    def __init__(self, stream: TextIO, lang: str, *, width: int | None = None, bom: bool = False):
        self.stream, self.lang, self.width, self.bom = stream, lang, width, bom

    def report(self, result: Any) -> None:
        raise NotImplementedError


class TableReporter(Reporter):
    def report(self, result: Any) -> None:
        from plancli.report import table  # Rich: only for tables

        require_finite(result)
        table.render(pages.table_page(result, self.lang), self.stream, self.lang, self.width)


class MarkdownReporter(Reporter):
    def report(self, result: Any) -> None:
        require_finite(result)
        self.stream.write(markdown.render(pages.markdown_page(result, self.lang)) + "\n")


class JsonReporter(Reporter):
    def report(self, result: Any) -> None:
        # The encoder itself refuses NaN and infinity: no walk of the result beforehand.
        self.stream.write(json_text(to_json(result.document()), indent=2) + "\n")


class CsvReporter(Reporter):
    def report(self, result: Any) -> None:
        import csv

        if self.bom:
            self.stream.write("\ufeff")
        rows = result.rows()
        require_finite(rows.items)
        writer = csv.writer(self.stream, lineterminator="\n")
        writer.writerow(csv_columns(rows.record))
        for row in rows.items:
            writer.writerow([csv_cell(cell) for cell in csv_row(row)])


REPORTER_BY_NAME: dict[str, type[Reporter]] = {
    "table": TableReporter,
    "json": JsonReporter,
    "csv": CsvReporter,
    "markdown": MarkdownReporter,
}
FORMATS = tuple(REPORTER_BY_NAME)


def reporter(name: str, stream: TextIO, lang: str, **options: Any) -> Reporter:
    return REPORTER_BY_NAME[name](stream, lang, **options)
