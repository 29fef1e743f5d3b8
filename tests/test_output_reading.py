"""The reporters on small results: highlighted spans, CSV of nested values and notes, composite
pages in Markdown, ids that break at @ in a narrow table."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, NamedTuple

from plancli.model.msg import Msg, msg
from plancli.report import markdown
from plancli.report.page import Column, Facts, Heading, Page, Passage, Table
from plancli.report.records import csv_columns, csv_row, to_json
from plancli.report.reporters import REPORTER_BY_NAME, reporter
from plancli.results import INLINE, Rows


class Inner(NamedTuple):
    a: int
    b: str


class Row(NamedTuple):
    id: str
    spans: tuple[tuple[int, int], ...]
    tags: tuple[str, ...]
    inner: Annotated[Inner, INLINE]
    notes: tuple[Msg, ...]


class Result(NamedTuple):
    rows_: tuple[Row, ...]

    def document(self) -> Any:
        return self.rows_

    def rows(self) -> Rows:
        return Rows(Row, self.rows_)


ROW = Row("x", ((0, 2), (5, 7)), ("a", "b"), Inner(1, "y"), (msg("no_actual"),))


def test_markdown_marks_and_escapes():
    assert markdown.marked("研发经费", [(0, 2)]) == "**研发**经费"
    assert markdown.marked("a|b*c", []) == "a\\|b\\*c"
    assert markdown.marked("abcabc", [(3, 6), (0, 1)]) == "**a**bc**abc**"
    assert markdown.marked("line\nbreak", []) == "line break"


def test_csv_cells_are_plain_values_never_json():
    assert csv_columns(Row) == [
        "id",
        "spans",
        "tags",
        "a",
        "b",
        "notes_code",
        "notes_zh",
        "notes_en",
    ]
    cells = csv_row(ROW)
    assert cells == [
        "x",
        "0:2; 5:7",
        "a; b",
        1,
        "y",
        "no_actual",
        "没有实际值",
        "no actual value is known",
    ]


def test_json_inlines_records_and_words_notes():
    doc = to_json(ROW)
    assert doc["spans"] == [[0, 2], [5, 7]] and doc["a"] == 1 and "inner" not in doc
    assert doc["notes"] == [
        {
            "code": "no_actual",
            "params": {},
            "text_zh": "没有实际值",
            "text_en": "no actual value is known",
        }
    ]


def test_json_and_csv_reporters_write_to_the_stream_given():
    out = io.StringIO()
    reporter("json", out, "zh").report(Result((ROW,)))
    assert json.loads(out.getvalue())[0]["id"] == "x"
    out = io.StringIO()
    reporter("csv", out, "en", bom=True).report(Result(()))
    assert out.getvalue() == "\ufeffid,spans,tags,a,b,notes_code,notes_zh,notes_en\n"
    rows = list(csv.reader(io.StringIO(_csv(Result((ROW,))))))
    assert rows[1][0] == "x"


def _csv(result: Any) -> str:
    out = io.StringIO()
    reporter("csv", out, "zh").report(result)
    return out.getvalue()


def test_the_registry_has_one_reporter_per_format():
    from plancli.cli.options import Format

    assert list(REPORTER_BY_NAME) == [f.value for f in Format]


def test_markdown_page_has_every_part():
    col = Column("编号", lambda r: r)
    page = Page().add(
        Heading("标题"),
        Facts([("单位", "亿元")]),
        Passage("一段原文。", [(2, 4)]),
        Table(["a@2025"], [col], title="目标"),
        Table([], [col], title="实际值", empty="暂无。"),
    )
    out = markdown.render(page)
    for part in ("## 标题", "- **单位**: 亿元", "> 一段**原文**。", "### 目标", "| a@2025 |"):
        assert part in out
    assert "### 实际值\n\n暂无。" in out


def test_ids_are_never_broken_even_when_narrow(run):
    for width in (60, 80, 240):
        shown = run("targets", "--chapter", "1", width=width).stdout
        assert "gdp_per_capita@2035.double" in shown
        assert not any(line.strip().startswith("@") for line in shown.splitlines())
