"""What the templates say, in one language: the catalogue's texts and plancli's ways of writing
numbers, statuses and targets (report.words), bound to the page's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plancli.model.msg import Msg
from plancli.report.catalogue import render, text
from plancli.report.pages.places import chapter_heading, section_heading, target_value
from plancli.report.words import (
    comparator_word,
    fmt_number,
    in_lang,
    kind_word,
    say_value,
    scope_word,
    signed,
    signed_rate,
    status_word,
    target_cell,
    target_flags,
    unit_word,
    value_cell,
)

# A sign beside each status word, so that colour is never the only signal.
STATUS_SIGNS = {
    "achieved": "✓",
    "on_track": "●",
    "behind": "▼",
    "off_track": "✗",
    "missed": "✗",
    "no_baseline": "○",
    "no_data": "–",
}
LANG_NAMES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


class Words:
    def __init__(self, lang: str, scopes: Mapping[str, str] | None = None):
        self.lang = lang
        self.scopes = scopes or {}  # each area's English, for records that do not carry it
        self.other = "en" if lang == "zh" else "zh"
        self.html_lang = HTML_LANG[lang]

    def t(self, code: str, **params: Any) -> str:
        return text(code, self.lang, **params)

    def note(self, message: Msg) -> str:
        return render(message, self.lang)

    def status(self, code: str) -> str:
        return status_word(str(code), self.lang)

    def sign(self, code: str) -> str:
        return STATUS_SIGNS[str(code)]

    def num(self, value: float | None, digits: int = 2) -> str:
        return fmt_number(value, digits)

    def value(self, value: float | None, unit: str) -> str:
        return value_cell(value, unit)

    def say(self, value: float | None, unit: str) -> str:
        return say_value(value, unit, self.lang)

    def signed(self, value: float | None) -> str:
        return signed(value)

    def rate(self, value: float | None) -> str:
        return signed_rate(value)

    def unit(self, unit: str) -> str:
        return unit_word(unit, self.lang) or "—"

    def goal(self, rec: Any) -> str:
        """≥10,000 (a judgement's target value with its comparator)."""
        return target_cell(rec.value, rec.unit, str(rec.comparator), str(rec.direction))

    def target(self, row: Any) -> str:
        """不低于 1万亿元 / at least 10,000 × 100 million yuan (a TargetRow in words)."""
        return f"{comparator_word(row.comparator, self.lang)} {target_value(row, self.lang)}"

    def scope(self, rec: Any) -> str:
        """A record's area in the page's language (the glossary's English)."""
        if self.lang == "en" and not getattr(rec, "scope_en", None):
            return self.scopes.get(rec.scope, rec.scope)
        return scope_word(rec, self.lang)

    def compares(self, code: str) -> str:
        return text(f"compares.{code}", self.lang)

    def kind(self, code: str) -> str:
        return kind_word(str(code), self.lang)

    def flags(self, row: Any) -> str:
        return text("reading.list_sep", self.lang).join(target_flags(row, self.lang))

    def name(self, rec: Any) -> str:
        return in_lang(rec, "name", self.lang)

    def title(self, rec: Any) -> str:
        return in_lang(rec, "title", self.lang)

    def chapter_heading(self, c: Any) -> str:
        return chapter_heading(c.chapter, c.title_en, c.heading, self.lang)

    def section_heading(self, s: Any) -> str:
        return section_heading(s.section, s.title_en, s.heading, self.lang)

    def score(self, value: float | None) -> str:
        return "—" if value is None else fmt_number(value, 1)

    def pct(self, share: float) -> str:
        return f"{fmt_number(share * 100, 1)}%"
