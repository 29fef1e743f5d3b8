"""The glossary (data/glossary.yaml): where its terms occur in a Chinese text, and whether an
English text carries their renderings.

Matching rules (docs/checking.md):
- A term occurs wherever its `zh` is a substring of the Chinese text, except inside one of its
  `not_in` strings (提高地 is not 高地).
- An occurrence inside an occurrence of a longer term belongs to the longer term: 国内国际双循环
  asks for its own rendering, and 双循环 within it asks nothing more.
- A rendering is found when it is a substring of the English text, compared case-insensitively,
  with hyphens, dashes and runs of spaces alike (new-era = new era), straight and curly quotation
  marks ignored, and the last word singular or plural (industry = industries).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from plancli.model.record import Record


class Term(Record):
    zh: str
    en: str
    not_in: tuple[str, ...] = ()


class Occurrence(Record):
    term: Term
    start: int


_DASHES = re.compile(r"[\s\-‐‑‒–—]+")
_QUOTES = str.maketrans({'"': None, "“": None, "”": None, "‘": "'", "’": "'"})


def normalise(english: str) -> str:
    """English as the glossary compares it: case-folded, quotation marks dropped, hyphens,
    dashes and whitespace as one space."""
    return _DASHES.sub(" ", english.translate(_QUOTES).casefold()).strip()


def _forms(word: str) -> set[str]:
    """A word and its regular singular or plural."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.add(word[:-1])
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("s", "x", "ch", "sh")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return forms


def renderings(en: str) -> tuple[str, ...]:
    """The normalised forms of a rendering that count as found: its last word may be singular
    or plural."""
    text = normalise(en)
    head, _, last = text.rpartition(" ")
    if not last.isalpha():
        return (text,)
    return tuple(sorted(f"{head} {form}".strip() for form in _forms(last)))


class Glossary:
    def __init__(self, terms: Iterable[Term]):
        # Longest first, so that a longer term claims its span before a shorter one looks.
        self.terms: list[Term] = sorted(terms, key=lambda t: -len(t.zh))
        self._forms = {t: renderings(t.en) for t in self.terms}
        # Terms by their first character: a text is only searched for the terms it may hold.
        self._by_head: dict[str, list[Term]] = {}
        for t in self.terms:
            self._by_head.setdefault(t.zh[0], []).append(t)
        self._rank = {t: n for n, t in enumerate(self.terms)}

    def occurrences(self, chinese: str) -> list[Occurrence]:
        """Every occurrence of a term in the Chinese text, after the not_in and longer-term
        rules, in text order."""
        claimed: list[tuple[int, int]] = []
        found: list[Occurrence] = []
        heads = set(chinese).intersection(self._by_head)
        candidates = [t for h in heads for t in self._by_head[h] if t.zh in chinese]
        for term in sorted(candidates, key=self._rank.__getitem__):
            n = len(term.zh)
            for start in _positions(chinese, term.zh):
                end = start + n
                if _excluded(chinese, start, end, term.not_in):
                    continue
                if any(s <= start and end <= e for s, e in claimed):
                    continue
                found.append(Occurrence(term, start))
            claimed.extend((o.start, o.start + n) for o in found if o.term is term)
        return sorted(found, key=lambda o: o.start)

    def missing(self, chinese: str, english: str) -> list[Term]:
        """The terms occurring in the Chinese whose rendering the English lacks, each once."""
        text = normalise(english)
        out: list[Term] = []
        for occ in self.occurrences(chinese):
            if occ.term in out:
                continue
            if not any(form in text for form in self._forms[occ.term]):
                out.append(occ.term)
        return out


def _positions(text: str, word: str) -> list[int]:
    out, pos = [], text.find(word)
    while pos != -1:
        out.append(pos)
        pos = text.find(word, pos + 1)
    return out


def _excluded(text: str, start: int, end: int, contexts: Sequence[str]) -> bool:
    """Whether text[start:end] lies inside an occurrence of one of the contexts."""
    for context in contexts:
        for pos in _positions(text, context):
            if pos <= start and end <= pos + len(context):
                return True
    return False
