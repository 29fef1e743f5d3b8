"""`plancli search TEXT`: where the plan speaks of something, with each match highlighted."""

from __future__ import annotations

from typing import Annotated

import typer

from plancli.cli import state
from plancli.cli.app import app
from plancli.cli.options import BomOption, ChapterOption, FormatOption, chosen_place
from plancli.cli.output import Format

HIT_FIELDS = ["kind", "id", "field", "chapter", "section", "task", "line", "text", "spans"]


@app.command()
def search(
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="What to look for (Chinese or English).")
    ],
    chapter: ChapterOption = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="At most this many matches.", show_default=False),
    ] = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
) -> None:
    """Find TEXT in indicator names, aliases, titles and the full text of the outline.

    A substring match: Latin letters in any case, full-width forms (ＧＤＰ, ，) as their
    ordinary ones. Each match is shown with where it lives (chapter, section, task).
    """
    from plancli.cli.output import Column, emit, tr
    from plancli.model.problems import UsageError
    from plancli.query.search import check_query, fold_query
    from plancli.query.search import search as run_search

    check_query(text)
    if not fold_query(text):
        raise UsageError("search text is empty: give a word to look for, e.g. plancli search 研发")
    plan = state.plan()
    ch, _ = chosen_place(plan, chapter)
    hits = [h for h in run_search(plan, text) if ch is None or h.chapter == ch.id]
    total = len(hits)
    hits = hits[:limit] if limit else hits
    records = [h.to_dict() for h in hits]
    if fmt in (Format.table, Format.markdown):
        records = _for_reading(records)
    columns = [
        Column("kind", "类别", "kind", show=_kind, no_wrap=True),
        Column("id", "编号", "id", show=_id, min_width=8),
        Column("where", "位置", "where", no_wrap=True),
        Column("shown", "内容", "match", marks=lambda r: r["shown_spans"]),
    ]
    shown = f"{len(records)}/{total}" if len(records) < total else str(total)
    emit(
        records,
        columns,
        fmt,
        caption=tr(
            f"“{text.strip()}”: {shown} 处匹配",
            f"“{text.strip()}”: {shown} match{'' if total == 1 else 'es'}",
        ),
        empty=tr(f"没有找到“{text.strip()}”。", f"No matches for “{text.strip()}”."),
        bom=bom,
        fields=HIT_FIELDS,
    )


def _for_reading(records: list[dict]) -> list[dict]:
    """Add what a table shows: the place, and the matched text (a paragraph as excerpts); a
    further match in the same indicator or title leaves its kind and id blank."""
    from plancli.cli.output import tr
    from plancli.query.search import snippet

    out, previous = [], None
    for rec in records:
        text, spans = rec["text"], [tuple(s) for s in rec["spans"]]
        if rec["kind"] == "paragraph":
            text, spans = snippet(text, spans)
            extra = len(rec["spans"]) - len(spans)
            if extra > 0:
                text += tr(f" (另有{extra}处)", f" (+{extra} more)")
        key = (rec["kind"], rec["id"])
        out.append(
            {
                **rec,
                "where": rec["task"] or rec["section"] or rec["chapter"] or "—",
                "shown": text,
                "shown_spans": spans,
                "repeat": key == previous and rec["kind"] != "paragraph",
            }
        )
        previous = key
    return out


def _kind(value, rec: dict) -> str:
    from plancli.cli.views import lang
    from plancli.report.wording import RECORD_WORDS

    return "" if rec.get("repeat") else RECORD_WORDS[value][lang()]


def _id(value, rec: dict) -> str:
    if rec.get("repeat"):
        return ""
    if rec["kind"] == "paragraph":
        return f"¶{rec['line']}"
    return value or "—"
