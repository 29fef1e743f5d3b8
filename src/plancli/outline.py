"""The plan text (outline.txt): its paragraphs, and where a quote stands in it."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

CHAPTER_HEADING = re.compile(r"^第[一二三四五六七八九十]+章 ")
SECTION_HEADING = re.compile(r"^第[一二三四五六七八九十]+节 ")


@dataclass(frozen=True)
class Paragraph:
    index: int  # 0-based among paragraphs
    line: int  # 1-based line in outline.txt
    start: int  # character offset of its first character
    text: str

    @property
    def is_heading(self) -> bool:
        return bool(CHAPTER_HEADING.match(self.text) or SECTION_HEADING.match(self.text))


class Outline:
    def __init__(self, text: str):
        self.text = text

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paras, offset = [], 0
        for lineno, line in enumerate(self.text.split("\n"), start=1):
            if line.strip():
                paras.append(Paragraph(len(paras), lineno, offset, line))
            offset += len(line) + 1
        return paras

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def contains(self, quote: str) -> bool:
        return quote in self.text

    def find(self, quote: str, start: int = 0) -> int:
        return self.text.find(quote, start)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        return p if offset < p.start + len(p.text) else None

    def paragraphs_with(self, quote: str) -> list[Paragraph]:
        """Every paragraph holding quote (a quote never spans two paragraphs)."""
        found, pos = [], self.text.find(quote)
        while pos != -1:
            p = self.paragraph_at(pos)
            if p is not None and (not found or found[-1] is not p):
                found.append(p)
            pos = self.text.find(quote, pos + 1)
        return found

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1
