"""Write a synthetic plan directory with N targets, valid in the real schema.

    python bench/gen_plan.py N OUTDIR

Quotes are exact substrings of a synthetic outline, one paragraph per task, so `plancli check`
does all its real work (schema, cross-references, quotes, value/text agreement).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

TARGETS_PER_INDICATOR = 4
INDICATORS_PER_TASK = 2
TASKS_PER_SECTION = 5
SECTIONS_PER_CHAPTER = 5


def generate(n_targets: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    n_ind = max(1, n_targets // TARGETS_PER_INDICATOR)
    n_tasks = max(1, -(-n_ind // INDICATORS_PER_TASK))
    per_chapter = SECTIONS_PER_CHAPTER * TASKS_PER_SECTION
    n_chapters = -(-n_tasks // per_chapter)
    outline, chapters, targets = [], ["chapters:"], ["indicators:"]
    task_no = 0
    for c in range(1, n_chapters + 1):
        outline += [f"第{c}章 合成章节{c}", ""]
        chapters += [
            f"- id: '{c}'",
            f"  title: {{zh: 合成章节{c}, en: Chapter {c}}}",
            f"  quote: 第{c}章 合成章节{c}",
            "  sections:",
        ]
        for s in range(1, SECTIONS_PER_CHAPTER + 1):
            if task_no >= n_tasks:
                break
            outline += [f"第{c}.{s}节 合成小节{c}-{s}", ""]
            chapters += [
                f"  - id: '{c}.{s}'",
                f"    title: {{zh: 小节{c}-{s}, en: Section {c}-{s}}}",
                f"    quote: 第{c}.{s}节 合成小节{c}-{s}",
                "    tasks:",
            ]
            for t in range(1, TASKS_PER_SECTION + 1):
                if task_no >= n_tasks:
                    break
                tid = f"{c}.{s}.{t}"
                clauses = []
                for k in range(INDICATORS_PER_TASK):
                    i = task_no * INDICATORS_PER_TASK + k
                    if i >= n_ind:
                        break
                    clauses.append(_indicator(i, tid, targets))
                outline += [f"任务{tid}推进。" + ",".join(clauses) + "。", ""]
                chapters += [
                    f"    - id: {tid}",
                    f"      title: {{zh: 任务{tid}推进, en: Task {tid}}}",
                    f"      quote: 任务{tid}推进",
                ]
                task_no += 1
    (out / "outline.txt").write_text("\n".join(outline), encoding="utf-8")
    (out / "chapters.yaml").write_text("\n".join(chapters) + "\n", encoding="utf-8")
    (out / "targets.yaml").write_text("\n".join(targets) + "\n", encoding="utf-8")
    (out / "actuals.yaml").write_text("actuals: []\n", encoding="utf-8")
    (out / "plan.yaml").write_text(
        "id: synthetic\nname: {zh: 合成规划, en: Synthetic plan}\n"
        "issuer: {zh: 基准测试, en: Benchmark}\nbase_year: 2020\n"
        "period: {start: 2021, end: 2025}\nhorizon_years: [2025, 2035]\n",
        encoding="utf-8",
    )


def _indicator(i: int, task: str, lines: list[str]) -> str:
    """Append indicator i with its targets to lines; return the sentence that states them."""
    name = f"指标{i}"
    values = [100 + i + k for k in range(TARGETS_PER_INDICATOR)]
    clause = f"{name}分别达到" + "、".join(f"{v}亿元" for v in values)
    lines += [
        f"- id: ind_{i}",
        f"  name: {{zh: {name}, en: Indicator {i}}}",
        "  unit: 亿元",
        "  baselines:",
        f"  - {{year: 2020, value: {values[0]}, text: {values[0]}亿元, task: {task}, "
        f"quote: {clause}}}",
        "  targets:",
    ]
    for k, v in enumerate(values):
        year, suffix = (2025, f".t{k}") if k % 2 == 0 else (2035, f".t{k}")
        lines += [
            f"  - id: ind_{i}@{year}{suffix}",
            f"    year: {year}",
            f"    value: {v}",
            f"    text: {v}亿元",
            "    comparator: at_least",
            "    kind: level",
            f"    task: {task}",
            f"    quotes: [{clause}]",
        ]
    return clause


if __name__ == "__main__":
    n, dest = int(sys.argv[1]), Path(sys.argv[2])
    if dest.exists():
        shutil.rmtree(dest)
    generate(n, dest)
    print(f"wrote a {n}-target plan to {dest}")
