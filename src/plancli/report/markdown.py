"""The Markdown reporter's rendering: a page as CommonMark (with GitHub's tables), one blank line
between its blocks. Text from the data is escaped so that it shows as written: no `*`, `~`,
backtick, `<`, `[` or a line's leading `#`, `>`, `-`, `+` or `1.` in a name or a note becomes
markup, and `|` cannot end a table cell (`_` inside a word, as in `gdp_per_capita`, is not
emphasis in CommonMark and is left as it is)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from plancli.model.sanitise import for_terminal
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

_INLINE = re.compile(r"([\\`*<\[\]|~])")
# What would start a block at the head of a line: a heading, a quote, a list item, a rule.
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$))")


def render(page: Page) -> str:
    blocks: list[str] = []
    for part in page.parts:
        if isinstance(part, Heading):
            blocks.append("#" * part.level + " " + escape(part.text))
        elif isinstance(part, Lines):
            blocks += [escape(line) for line in part.lines if line.strip()]
        elif isinstance(part, Notes):
            if part.items:
                items = "\n".join(f"- {escape(item)}" for item in part.items)
                blocks.append(f"{escape(part.title)}\n\n{items}")
        elif isinstance(part, Facts):
            blocks.append("\n".join(f"- **{escape(k)}**: {_value(v)}" for k, v in part.pairs))
        elif isinstance(part, Passage):
            blocks.append("> " + marked(part.text, part.marks))
        elif isinstance(part, Note):
            blocks.append(escape(part.text))
        elif isinstance(part, Table):
            blocks.append(_table(part))
    return "\n\n".join(b for b in blocks if b)


def _value(value: str | tuple[str, ...]) -> str:
    return escape(ITEM_SEP.join(value) if isinstance(value, tuple) else value)


def _table(part: Table) -> str:
    head = [f"### {escape(part.title)}"] if part.title else []
    if not part.rows:
        said = [] if part.empty is None else [escape(part.empty)]
        return "\n\n".join(head + said)
    columns = [c for c in part.columns if c.kind != "chart"]  # bars are for a terminal
    lines = ["| " + " | ".join(escape(c.label.replace("\n", " ")) for c in columns) + " |"]
    lines.append("| " + " | ".join("---:" if c.right else "---" for c in columns) + " |")
    for rec in part.rows:
        lines.append("| " + " | ".join(_cell(c, rec) for c in columns) + " |")
    out = "\n\n".join([*head, "\n".join(lines)])
    return out + (f"\n\n{escape(part.caption)}" if part.caption else "")


def _cell(col: Column, rec: Any) -> str:
    shown = marked(col.cell(rec), col.marks(rec) if col.marks else ())
    url = col.link(rec) if col.link else None
    return f"[{shown}](<{_url(url)}>)" if url else shown


def _url(url: str) -> str:
    """A link's destination in angle brackets: no space, <, > or newline can end it early."""
    return for_terminal(url).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def marked(shown: str, spans: Sequence[Span] = ()) -> str:
    """shown with spans wrapped in ** (bold in Markdown), the rest escaped."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [_inline(shown[last:start]), "**", _inline(shown[start:end]), "**"]
        last = end
    out.append(_inline(shown[last:]))
    return _block_safe("".join(out))


def escape(shown: Any) -> str:
    """Text as Markdown shows it as written, on one line (control characters replaced)."""
    return _block_safe(_inline(str(shown)))


def _inline(shown: str) -> str:
    text = for_terminal(shown).replace("\n", " ")
    return _INLINE.sub(r"\\\1", text)


def _block_safe(text: str) -> str:
    return _BLOCK_START.sub(lambda m: m[1] + "\\" + m[2], text)
