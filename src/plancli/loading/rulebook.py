"""What every cross-file rule shares: what the rules cannot see in a partly read plan, and the
tasks of chapters.yaml with where each stands in it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from plancli.model.models import Task
from plancli.model.plan import Plan


@dataclass(frozen=True)
class BlindSpots:
    """What the rules cannot see. `unread`: files that did not load at all; `dropped`: ids in
    records left out of a file for schema errors; `shifted`: files that lost list items, where
    numbering in order cannot be judged. A reference into a gap may well be right."""

    unread: frozenset[str] = frozenset()
    dropped: Mapping[str, frozenset[str]] = field(default_factory=dict)
    shifted: frozenset[str] = frozenset()

    def may_hold(self, file: str, ident: str) -> bool:
        return file in self.unread or ident in self.dropped.get(file, frozenset())


def tasks_with_paths(plan: Plan) -> Iterator[tuple[Task, str, tuple]]:
    """Every task with the id prefix it must carry and its path in chapters.yaml."""
    cf = plan.chapters_file
    closing = str(len(cf.chapters) + 1)
    for i, t in enumerate(cf.preface):
        yield t, "0.0", ("preface", i)
    for ci, c in enumerate(cf.chapters):
        for ti, t in enumerate(c.tasks):
            yield t, f"{c.id}.0", ("chapters", ci, "tasks", ti)
        for si, s in enumerate(c.sections):
            for ti, t in enumerate(s.tasks):
                yield t, s.id, ("chapters", ci, "sections", si, "tasks", ti)
    for i, t in enumerate(cf.closing):
        yield t, f"{closing}.0", ("closing", i)
