"""What the reading commands share: columns for targets and tasks in the chosen language, and
the words for places in the plan.

Records come from plancli.query.browse (raw values, both languages); these columns decide how
a table or Markdown shows them.
"""

from __future__ import annotations

from plancli.cli import state
from plancli.cli.output import Column, fmt_number, tr


def lang() -> str:
    return str(state.settings.lang)


def in_lang(record: dict, key: str) -> str:
    """record[key_zh] or record[key_en] for the chosen language, the other when it is empty."""
    first, other = (f"{key}_en", f"{key}_zh") if lang() == "en" else (f"{key}_zh", f"{key}_en")
    return record.get(first) or record.get(other) or "—"


def chapter_heading(chapter) -> str:
    return f"Chapter {chapter.id}  {chapter.title.en}" if lang() == "en" else chapter.quote


def section_heading(section) -> str:
    if lang() == "en":
        return f"{section.id}  {section.title.en}"
    return f"{section.id}  {section.quote}"


def _kind(value, _rec) -> str:
    from plancli.model.vocab import KIND_WORDS, Kind

    return KIND_WORDS[Kind(value)][lang()]


def target_value(_value, rec: dict) -> str:
    """The target value; a relative one as its factor of a base year, with what it comes to."""
    if rec.get("value") is not None:
        return fmt_number(rec["value"])
    base = rec["relative_base_year"]
    if rec.get("relative_factor") is not None:
        f = fmt_number(rec["relative_factor"])
        said = tr(f"{base}年的{f}倍", f"{f}× the {base} value")
    elif rec.get("relative_percent") is not None:
        pct = rec["relative_percent"]
        p = ("+" if pct >= 0 else "") + fmt_number(pct)
        said = tr(f"比{base}年{p}%", f"{p}% on the {base} value")
    else:
        amount = rec["relative_amount"]
        a = ("+" if amount >= 0 else "") + say_value(amount, rec["unit"])
        said = tr(f"比{base}年{a}", f"{a} on the {base} value")
    resolved = rec.get("resolved_value")
    return f"{said} ≈ {say_value(resolved, rec['unit'])}" if resolved is not None else said


def _name_and_flags(_value, rec: dict) -> str:
    from plancli.report.wording import target_flags

    flags = target_flags(rec, lang())
    name = in_lang(rec, "name")
    return f"{name} ({tr('、', ', ').join(flags)})" if flags else name


def _target(_value, rec: dict) -> str:
    """Comparator, value and unit in one cell: 不低于 10,000亿元 / at least 10,000 × 100 million
    yuan (one cell, so that the table still fits an 80-column terminal)."""
    from plancli.model.vocab import COMPARATOR_WORDS, Comparator

    words = COMPARATOR_WORDS[Comparator(rec["comparator"])][lang()]
    if rec.get("value") is None:
        return f"{words} {target_value(None, rec)}"
    return f"{words} {say_value(rec['value'], rec['unit'])}"


def target_columns(*, place: bool = True) -> list[Column]:
    """Targets in a table: the indicator with its flags, the target in words, year, kind."""
    cols = [
        Column("id", "编号", "id", min_width=16, break_before="@"),
        Column("name_zh", "指标", "indicator", show=_name_and_flags),
        Column("value", "目标", "target", show=_target),
        Column("year", "年份", "year", no_wrap=True),
        Column("kind", "类型", "kind", show=_kind),
    ]
    if place:
        cols.append(Column("task", "任务", "task", no_wrap=True))
    return cols


def task_columns(*, place: bool = False) -> list[Column]:
    cols = [Column("id", "编号", "id", no_wrap=True)]
    if place:
        cols.append(Column("section", "节", "section", show=_place_of_task, no_wrap=True))
    cols += [
        Column("title_zh", "任务", "task", show=lambda _v, r: in_lang(r, "title")),
        Column("target_count", "目标", "targets", justify="right"),
    ]
    return cols


def _place_of_task(_value, rec: dict) -> str:
    return rec.get("section") or rec.get("chapter") or tr("前言/结语", "preface/closing")


def say_value(value, unit: str) -> str:
    """A stored value with its unit for reading: 6,871亿元 / 6,871 × 100 million yuan."""
    from plancli.report.wording import unit_word

    if value is None:
        return "—"
    if lang() != "en":
        return f"{fmt_number(value)}{unit}"
    word = unit_word(unit, "en")
    if word in ("", "%"):
        return f"{fmt_number(value)}{word}"
    times = " × " if word[0].isdigit() else " "
    return f"{fmt_number(value)}{times}{word}"
