"""The data model of plancli's English edition: the glossary (glossary.yaml) and the English of
every paragraph (outline.en.yaml). Both files are optional in a plan directory; the rules that
hold names, titles and paragraphs to them are in english_rules.py.

No `from __future__ import annotations`, for the reason given in models.py.
"""

from pydantic import Field, model_validator

from plancli.model.models import TASK_ID, Record


class GlossaryTerm(Record):
    zh: str = Field(min_length=1, description="the term as the outline writes it")
    en: str = Field(min_length=1, description="its one English rendering, a fixed phrase")
    note: str | None = Field(default=None, description="the rendering's source, or why")
    not_in: list[str] = Field(
        default=[], description="longer Chinese strings in which zh is not this term"
    )

    @model_validator(mode="after")
    def _contexts_hold_the_term(self) -> "GlossaryTerm":
        for context in self.not_in:
            if self.zh not in context or self.zh == context:
                raise ValueError(f"not_in {context!r} must be longer than {self.zh!r} and hold it")
        return self


class GlossaryFile(Record):
    terms: list[GlossaryTerm]


class EnglishParagraph(Record):
    id: str = Field(pattern=TASK_ID, description="the task (paragraph) id, as in chapters.yaml")
    en: str | None = Field(
        default=None, min_length=1, description="the paragraph in English; null until translated"
    )
    note: str | None = Field(default=None, description="the translator's note, if any")


class EnglishFile(Record):
    paragraphs: list[EnglishParagraph] = []


# The files of the English edition (models.FILE_MODELS has the others).
ENGLISH_FILE_MODELS: dict[str, type[Record]] = {
    "glossary.yaml": GlossaryFile,
    "outline.en.yaml": EnglishFile,
}
