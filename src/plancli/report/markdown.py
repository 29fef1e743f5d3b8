"""The Markdown reporter's rendering: a page as Markdown, one blank line between its parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plancli.model.sanitise import for_terminal
from plancli.report.page import Facts, Heading, Lines, Note, Page, Passage, Span, Table


def render(page: Page) -> str:
    blocks: list[str] = []
    for part in page.parts:
        if isinstance(part, Heading):
            blocks.append("#" * part.level + " " + escape(part.text))
        elif isinstance(part, Lines):
            shown = for_terminal("\n".join(part.lines)).strip("\n")
            if shown:
                blocks.append(shown)
        elif isinstance(part, Facts):
            blocks.append("\n".join(f"- **{escape(k)}**: {escape(v)}" for k, v in part.pairs))
        elif isinstance(part, Passage):
            blocks.append("> " + marked(part.text, part.marks))
        elif isinstance(part, Note):
            blocks.append(escape(part.text))
        elif isinstance(part, Table):
            blocks.append(_table(part))
    return "\n\n".join(b for b in blocks if b)


def _table(part: Table) -> str:
    head = [f"### {escape(part.title)}"] if part.title else []
    if not part.rows:
        said = [] if part.empty is None else [part.empty]
        return "\n\n".join(head + said)
    lines = ["| " + " | ".join(escape(c.label) for c in part.columns) + " |"]
    lines.append("| " + " | ".join("---:" if c.right else "---" for c in part.columns) + " |")
    for rec in part.rows:
        cells = (marked(c.cell(rec), c.marks(rec) if c.marks else ()) for c in part.columns)
        lines.append("| " + " | ".join(cells) + " |")
    out = "\n\n".join([*head, "\n".join(lines)])
    return out + (f"\n\n{escape(part.caption)}" if part.caption else "")


def marked(shown: str, spans: Sequence[Span] = ()) -> str:
    """shown with spans wrapped in ** (bold in Markdown); | and newlines made table-safe."""
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [escape(shown[last:start]), "**", escape(shown[start:end]), "**"]
        last = end
    out.append(escape(shown[last:]))
    return "".join(out)


def escape(shown: Any) -> str:
    """Text as Markdown shows it as written (control characters replaced)."""
    text = for_terminal(str(shown))
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("\n", " ")
