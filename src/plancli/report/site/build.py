"""The site's files, by name: every page in both languages, the charts, the downloads and the
style sheet (write_site writes them). Pages link to each other by relative paths to files
(`../chapters/1.html`, never a folder), so the site works from file:// as from any server.

Layout: `index.html` (choose a language); `<lang>/index.html` (the overview),
`<lang>/chapters/<N>.html`, `<lang>/indicators/index.html` and `<lang>/indicators/<id>.html`;
`charts/<id>.svg` (one per indicator with something to draw, the same for both languages: it
carries only years and values); `downloads/` (the whole plan as CSV, JSON and SQLite, and each
indicator's CSV and JSON); `assets/site.css`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from plancli import __version__
from plancli.loading.safewrite import MARK
from plancli.model.record import Record
from plancli.model.vocab import WHOLE_CITY
from plancli.report.charts import words as chart_words
from plancli.report.database import database
from plancli.report.reporters import reporter
from plancli.report.site.words import LANG_NAMES, Words
from plancli.results import Rows
from plancli.results.publication import Publication, paragraphs
from plancli.results.reading import TaskDetailRow, TaskResult

LANGS = ("zh", "en")
WRITER = f"{MARK} {__version__} (plancli site)"


class Listing(Record):
    """A download: what JSON prints (document) and what CSV prints (rows)."""

    doc: Any
    table: Rows

    def document(self) -> Any:
        return self.doc

    def rows(self) -> Rows:
        return self.table


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("plancli.report.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        writer=WRITER, version=__version__, lang_names=LANG_NAMES, whole_city=WHOLE_CITY
    )
    return env


def machine(result: Any, fmt: str) -> bytes:
    """A result as its JSON or CSV download: the bytes `--format json|csv` prints."""
    out = io.StringIO()
    reporter(fmt, out, "en").report(result)
    return out.getvalue().encode("utf-8")


def downloads(pub: Publication, sqlite: bytes) -> dict[str, bytes]:
    tasks = Listing(pub.tasks, Rows(TaskDetailRow, [t.detail for t in pub.tasks]))
    files = {"downloads/plan.sqlite": sqlite}
    for name, result in (
        ("targets", pub.targets),
        ("scorecard", pub.scorecard),
        ("chapters", pub.contents),
        ("tasks", tasks),
    ):
        for fmt in ("csv", "json"):
            files[f"downloads/{name}.{fmt}"] = machine(result, fmt)
    for ind in pub.indicators:
        for fmt in ("csv", "json"):
            files[f"downloads/indicators/{ind.indicator}.{fmt}"] = machine(ind, fmt)
    return files


def segments(task: TaskResult) -> list[tuple[str, bool]]:
    """The Chinese paragraph in pieces, each marked where a target's words stand."""
    para = paragraphs(task)[0] or ""
    out, at = [], 0
    for start, end in task.quote_spans:
        if start > at:
            out.append((para[at:start], False))
        out.append((para[start:end], True))
        at = end
    if at < len(para) or not out:
        out.append((para[at:], False))
    return out


class Site:
    """Renders the pages of one publication."""

    def __init__(self, pub: Publication, charted: set[str]):
        self.pub, self.charted = pub, charted
        self.env = environment()
        card = pub.scorecard
        self.scores = {row.judgement.target_id: row for row in card.targets}
        self.chapter_scores = {c.chapter: c for c in card.chapters}
        self.tasks = {t.detail.task.task: t for t in pub.tasks}
        self.statements: dict[str, list[Any]] = {}
        for s in pub.statements:
            self.statements.setdefault(s.target_id, []).append(s)
        self.charts = {c.indicator.indicator: c for c in pub.charts}
        self.indicators = {i.indicator: i for i in pub.indicators}
        self.scopes = {t.scope: t.scope_en for t in pub.targets.targets if t.scope_en}
        for i in pub.indicators:
            self.scopes |= {b.scope: b.scope_en for b in i.baselines if b.scope_en}
            self.scopes |= {a.scope: a.scope_en for a in i.actuals if a.scope_en}

    def page(self, lang: str, path: str, template: str, **context: Any) -> tuple[str, bytes]:
        w = Words(lang, self.scopes)
        depth = path.count("/")
        root = "../" * depth
        inner = path.split("/", 1)[1] if "/" in path else "index.html"
        shown = self.env.get_template(template).render(
            w=w,
            pub=self.pub,
            plan=self.pub.plan,
            root=root,
            here=inner,
            other_page=f"{root}{w.other}/{inner}",
            home=f"{root}{lang}/index.html",
            translation_note=self._translation_note(w),
            plan_name=self.pub.plan.short_name_en if lang == "en" else self.pub.plan.short_name_zh,
            summaries=self.chapter_scores,
            task_link=lambda task: self._task_link(root, lang, task),
            **context,
        )
        return path, shown.encode("utf-8")

    def _translation_note(self, w: Words) -> str | None:
        p = self.pub.plan
        if w.lang != "en" or p.translation_en_official:
            return None
        if p.translation_en_official is None:
            return w.t("site.no_translation")
        if p.translation_en_note:
            return w.t("site.translation_note", note=p.translation_en_note)
        return w.t("site.own_translation")

    def _task_link(self, root: str, lang: str, task: str) -> str:
        chapter = self.tasks[task].detail.task.chapter if task in self.tasks else None
        if chapter is None:
            return f"{root}{lang}/index.html"
        return f"{root}{lang}/chapters/{chapter}.html#task-{task}"

    def pages(self, lang: str) -> dict[str, bytes]:
        pub = self.pub
        out = dict(
            [
                self.page(
                    lang,
                    f"{lang}/index.html",
                    "overview.html",
                    card=pub.scorecard,
                    chapters=pub.chapters,
                ),
                self.page(
                    lang,
                    f"{lang}/indicators/index.html",
                    "indicators.html",
                    indicators=pub.indicators,
                    scores=self.scores,
                ),
            ]
        )
        for n, chapter in enumerate(pub.chapters):
            out.update([self._chapter_page(lang, n, chapter)])
        for ind in pub.indicators:
            out.update([self._indicator_page(lang, ind)])
        return out

    def _chapter_page(self, lang: str, n: int, chapter: Any) -> tuple[str, bytes]:
        chapters = self.pub.chapters
        tasks = [
            self.tasks[t.task]
            for t in (*chapter.introduction, *(t for s in chapter.sections for t in s.tasks))
        ]
        return self.page(
            lang,
            f"{lang}/chapters/{chapter.chapter}.html",
            "chapter.html",
            chapter=chapter,
            summary=self.chapter_scores.get(chapter.chapter),
            scores=self.scores,
            tasks={t.detail.task.task: t for t in tasks},
            segments=segments,
            english=lambda task: paragraphs(task)[1],
            previous=chapters[n - 1] if n > 0 else None,
            following=chapters[n + 1] if n + 1 < len(chapters) else None,
        )

    def _indicator_page(self, lang: str, ind: Any) -> tuple[str, bytes]:
        w = Words(lang, self.scopes)
        chart = self.charts[ind.indicator]
        drawn = ind.indicator in self.charted
        return self.page(
            lang,
            f"{lang}/indicators/{ind.indicator}.html",
            "indicator.html",
            ind=ind,
            chart=chart,
            drawn=drawn,
            alt=chart_words.alt_text(chart, lang) if drawn else "",
            legend=chart_words.legend_keys(chart) if drawn else [],
            chart_notes=chart_words.note_lines(chart, lang),
            target_labels=[
                chart_words.target_label(t, ind.unit, lang)
                for t in chart.targets
                if t.value is not None
            ],
            judged=[self.scores[t.target_id] for t in ind.targets if t.target_id in self.scores],
            statements=self.statements,
            notes=_notes(w, [self.scores[t.target_id] for t in ind.targets]),
        )

    def root(self) -> tuple[str, bytes]:
        return "index.html", self.env.get_template("root.html").render(
            plan=self.pub.plan, root="", w=Words("zh"), words=[Words(lang) for lang in LANGS]
        ).encode("utf-8")


def _notes(w: Words, rows: list[Any]) -> list[tuple[str, str]]:
    """Each target's notes, worded: (target id, note)."""
    return [(r.judgement.target_id, w.note(n)) for r in rows for n in r.judgement.notes]


def site_files(pub: Publication, draw: Callable[[Any], bytes]) -> dict[str, bytes]:
    """Every file of the site. draw turns a chart into its SVG (Matplotlib, in the caller)."""
    charts = {f"charts/{c.indicator.indicator}.svg": draw(c) for c in pub.charts if c.drawable}
    site = Site(pub, {c.indicator.indicator for c in pub.charts if c.drawable})
    files: dict[str, bytes] = dict([site.root()])
    for lang in LANGS:
        files.update(site.pages(lang))
    files.update(charts)
    files.update(downloads(pub, database(pub)))
    css = resources.files("plancli.report.site").joinpath("static/site.css").read_bytes()
    files["assets/site.css"] = css
    return files
