"""The additions to the reporters that the reading commands brought (cli/output.py):
highlighted spans, CSV fields and nested values, composite views, ids that break at @."""

from __future__ import annotations

import csv
import io
import json

from plancli.cli.output import (
    Block,
    Column,
    Format,
    View,
    emit,
    emit_view,
    markdown_marked,
)


def test_markdown_marks_and_escapes():
    assert markdown_marked("研发经费", [(0, 2)]) == "**研发**经费"
    assert markdown_marked("a|b*c", []) == "a\\|b\\*c"
    assert markdown_marked("abcabc", [(3, 6), (0, 1)]) == "**a**bc**abc**"
    assert markdown_marked("line\nbreak", []) == "line break"


def test_csv_uses_fields_and_writes_nested_lists_as_json(capsys):
    records = [{"id": "x", "spans": [[0, 2], [5, 7]], "tags": ["a", "b"], "extra": 1}]
    emit(records, [Column("id", "编号", "id")], Format.csv, fields=["id", "spans", "tags"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [{"id": "x", "spans": "[[0, 2], [5, 7]]", "tags": "a; b"}]
    assert json.loads(rows[0]["spans"]) == [[0, 2], [5, 7]]


def test_markdown_table_bolds_marked_cells(capsys):
    col = Column("text", "内容", "text", marks=lambda r: r["at"])
    emit([{"text": "全社会研发经费", "at": [(3, 5)]}], [col], Format.markdown, caption="1 处")
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["| 内容 |", "| --- |", "| 全社会**研发**经费 |"]
    assert out[-1] == "1 处"


def _view() -> View:
    block = Block([{"id": "a@2025"}], [Column("id", "编号", "id")], title="目标")
    empty = Block([], [Column("id", "编号", "id")], title="实际值", empty="暂无。")
    return View(
        "标题",
        {"id": "a", "targets": [{"id": "a@2025"}]},
        [{"id": "a", "n": 1}],
        ["id", "n"],
        facts=[("单位", "亿元")],
        text="一段原文。",
        text_marks=[(2, 4)],
        blocks=[block, empty],
    )


def test_view_json_is_the_document(capsys):
    emit_view(_view(), Format.json)
    assert json.loads(capsys.readouterr().out) == {"id": "a", "targets": [{"id": "a@2025"}]}


def test_view_csv_is_its_rows(capsys):
    emit_view(_view(), Format.csv, bom=True)
    out = capsys.readouterr().out
    assert out.startswith("\ufeffid,n\n") and out.endswith("a,1\n")


def test_view_markdown_has_every_part(capsys):
    emit_view(_view(), Format.markdown)
    out = capsys.readouterr().out
    for part in ("## 标题", "- **单位**: 亿元", "> 一段**原文**。", "### 目标", "| a@2025 |"):
        assert part in out
    assert "### 实际值\n\n暂无。" in out


def test_ids_break_at_the_at_sign_only_when_narrow(run):
    narrow = run("targets", "--chapter", "1", width=80).stdout.splitlines()
    assert any(line.strip().startswith("@2035.double") for line in narrow)
    wide = run("targets", "--chapter", "1", width=240).stdout
    assert "gdp_per_capita@2035.double" in wide
