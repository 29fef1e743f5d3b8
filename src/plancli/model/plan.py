"""A loaded plan: the validated files of one data directory, with lookups by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from plancli.model.models import (
    Actual,
    Baseline,
    Chapter,
    ChaptersFile,
    Exclusion,
    Indicator,
    Name,
    PlanFile,
    Section,
    Target,
    Task,
)
from plancli.model.outline import Outline, Paragraph
from plancli.model.problems import Problem
from plancli.model.record import Record
from plancli.model.translation import EnglishParagraph, GlossaryTerm


class TaskPlace(Record):
    """Where a task stands: its chapter and section (None for introductions and the preface)."""

    task: Task
    chapter: Chapter | None
    section: Section | None


@dataclass
class Plan:
    root: Path
    meta: PlanFile
    chapters_file: ChaptersFile
    indicators: list[Indicator]
    actuals: list[Actual]
    exclusions: list[Exclusion]
    outline: Outline
    user_actuals: list[Actual] = field(default_factory=list)
    user_actuals_file: str | None = None
    user_actuals_skipped: int = 0  # rows of a CSV --actuals file skipped: their value is empty
    # The English edition's optional files: None when the plan directory has none.
    glossary: list[GlossaryTerm] | None = None
    english: list[EnglishParagraph] | None = None
    # What `check` reports without failing (a paragraph not yet translated): kept with the plan,
    # so that a cached plan reports it too.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def short_name(self) -> Name:
        """What titles call the plan: plan.yaml's short_name, else its name."""
        return self.meta.short_name or self.meta.name

    @property
    def chapters(self) -> list[Chapter]:
        return self.chapters_file.chapters

    @cached_property
    def chapter_by_id(self) -> dict[str, Chapter]:
        return {c.id: c for c in self.chapters}

    @cached_property
    def section_by_id(self) -> dict[str, Section]:
        return {s.id: s for c in self.chapters for s in c.sections}

    @cached_property
    def task_places(self) -> dict[str, TaskPlace]:
        places: dict[str, TaskPlace] = {}
        for t in self.chapters_file.preface + self.chapters_file.closing:
            places[t.id] = TaskPlace(t, None, None)
        for c in self.chapters:
            for t in c.tasks:
                places[t.id] = TaskPlace(t, c, None)
            for s in c.sections:
                for t in s.tasks:
                    places[t.id] = TaskPlace(t, c, s)
        return places

    @property
    def tasks(self) -> list[Task]:
        return [p.task for p in self.task_places.values()]

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.indicators}

    @cached_property
    def target_by_id(self) -> dict[str, tuple[Indicator, Target]]:
        return {t.id: (i, t) for i in self.indicators for t in i.targets}

    @property
    def targets(self) -> list[tuple[Indicator, Target]]:
        return list(self.target_by_id.values())

    @property
    def baselines(self) -> list[tuple[Indicator, Baseline]]:
        return [(i, b) for i in self.indicators for b in i.baselines]

    def actuals_of(self, indicator_id: str, scope: str) -> tuple[list[Actual], list[Actual]]:
        """The shipped actuals and the user's (--actuals) of one indicator in one scope."""
        return self._actuals_index.get((indicator_id, scope), ([], []))

    @cached_property
    def _actuals_index(self) -> dict[tuple[str, str], tuple[list[Actual], list[Actual]]]:
        index: dict[tuple[str, str], tuple[list[Actual], list[Actual]]] = {}
        for n, actuals in enumerate((self.actuals, self.user_actuals)):
            for a in actuals:
                index.setdefault((a.indicator, a.scope), ([], []))[n].append(a)
        return index

    @property
    def all_actuals(self) -> list[Actual]:
        """Shipped actuals, then the user's (--actuals), which win where both give a value."""
        return self.actuals + self.user_actuals

    @cached_property
    def english_by_task(self) -> dict[str, str]:
        """The English of each translated paragraph, by task id."""
        return {p.id: p.en for p in self.english or () if p.en is not None}

    @cached_property
    def _renderings(self) -> dict[str, str]:
        return {t.zh: t.en for t in self.glossary or ()}

    def scope_en(self, scope: str) -> str | None:
        """A scope's English: the glossary's rendering of it (`check` holds every scope the
        data uses to having one); None for a plan without one."""
        return self._renderings.get(scope)

    @property
    def english_unofficial(self) -> bool:
        """Whether plan.yaml says the English is plancli's own translation, not an official one
        (what an English page says once)."""
        translation = self.meta.translation.get("en")
        return translation is not None and not translation.official

    def paragraph_of(self, task: Task) -> Paragraph | None:
        found = self.outline.paragraphs_with(task.quote)
        return found[0] if len(found) == 1 else None

    def chapter_of_task(self, task_id: str) -> str:
        return task_id.split(".", 1)[0]
