"""The plan text (outline.txt): its paragraphs, and where a quote stands in it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property

from plancli.model.record import Record

CHAPTER_HEADING = re.compile(r"^第[一二三四五六七八九十]+章 ")
SECTION_HEADING = re.compile(r"^第[一二三四五六七八九十]+节 ")


class Paragraph(Record):
    number: int  # 0-based among paragraphs
    line: int  # 1-based line in outline.txt
    start: int  # character offset of its first character
    text: str

    @property
    def is_heading(self) -> bool:
        return bool(CHAPTER_HEADING.match(self.text) or SECTION_HEADING.match(self.text))


# Quotes are located through an index of their first K characters (all of a shorter quote),
# built in one pass over the text for each length of head, so checking N quotes against a text
# that grows with N stays linear.
K = 6
# Fewer short quotes than this of one length are each found by str.find (C speed, one scan of
# the text each) rather than by a pass of their own in Python.
FEW = 16


class Outline:
    def __init__(self, text: str):
        self.text = text
        self._positions: dict[str, list[int]] = {}

    def index(self, quotes: Iterable[str]) -> None:
        """Find every occurrence of each quote: one pass over the text per length of head
        (K, and the lengths of quotes shorter than K), whatever the number of quotes."""
        todo = {q for q in quotes if q not in self._positions and q}
        by_length: dict[int, dict[str, list[str]]] = {}
        for q in todo:
            size = min(len(q), K)
            by_length.setdefault(size, {}).setdefault(q[:size], []).append(q)
        found: dict[str, list[int]] = {q: [] for q in todo}
        text = self.text
        for size in [s for s in by_length if s < K and len(by_length[s]) < FEW]:
            for group in by_length.pop(size).values():
                for q in group:
                    found[q] = self._scan(q)
        for size, by_head in by_length.items():
            for i in range(len(text) - size + 1):
                head = text[i : i + size]
                if head in by_head:
                    for q in by_head[head]:
                        if len(q) == size or text.startswith(q, i):
                            found[q].append(i)
        self._positions.update(found)

    def _scan(self, quote: str) -> list[int]:
        out, pos = [], self.text.find(quote)
        while pos != -1:
            out.append(pos)
            pos = self.text.find(quote, pos + 1)
        return out

    def positions(self, quote: str) -> list[int]:
        if quote not in self._positions:
            self._positions[quote] = self._scan(quote)
        return self._positions[quote]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        paras: list[Paragraph] = []
        offset = 0
        for lineno, line in enumerate(self.text.split("\n"), start=1):
            if line.strip():
                paras.append(Paragraph(len(paras), lineno, offset, line))
            offset += len(line) + 1
        return paras

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def contains(self, quote: str) -> bool:
        return bool(self.positions(quote))

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        return p if offset < p.start + len(p.text) else None

    def paragraphs_with(self, quote: str) -> list[Paragraph]:
        """Every paragraph holding quote (a quote never spans two paragraphs)."""
        found: list[Paragraph] = []
        for pos in self.positions(quote):
            p = self.paragraph_at(pos)
            if p is not None and (not found or found[-1] is not p):
                found.append(p)
        return found

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1
