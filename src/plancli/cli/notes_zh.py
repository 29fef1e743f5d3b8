"""Chinese wording of the notes that explain a figure (metrics writes them in English, for JSON).

Each entry is a pattern of an English note and its Chinese wording; a note that matches none is
shown as it is.
"""

from __future__ import annotations

import re

_NOTES: list[tuple[str, str]] = [
    (r"no actual value is known", "没有实际值"),
    (r"no years left", "没有剩余年份"),
    (r"does not apply", "不适用"),
    (r"already met: nothing more is needed", "已达标，无需再增长"),
    (r"met: the value is to be held until (\d+)", r"已达标，须保持到\1年"),
    (r"deadline (\d+) reached: achieved", r"已到期限\1年：已实现"),
    (r"deadline (\d+) reached: missed", r"已到期限\1年：未实现"),
    (r"deadline (\d+) reached", r"已到期限\1年"),
    (
        r"the deadline (\d+) has passed, but the latest actual is for (\d+)",
        r"期限\1年已过，但最新实际值为\2年",
    ),
    (r"the actual is for (\d+), after the deadline (\d+)", r"实际值为\1年，晚于期限\2年"),
    (
        r"the given actual is for (\S+); this target is for (\S+)",
        r"给出的实际值范围为\1，本目标范围为\2",
    ),
    (
        r"the target is relative to the (\d+) value, which is (?:not known.*|unknown)",
        r"目标以\1年值为基数，但该年值未知",
    ),
    (
        r"no baseline: the plan states no (\d+) value.*",
        r"无基期值：规划未给出\1年值，也无该年实际值",
    ),
    (r"no baseline", "无基期值"),
    (r"the target's base value is not known", "目标的基数未知"),
    (
        r"a total over the period: the need is the remainder per remaining year.*",
        "期间累计目标：所需为剩余量按剩余年份平均",
    ),
    (
        r"no compound rate: a percentage moves in points per year.*",
        "百分比按百分点变化，不计复合增速",
    ),
    (r"no compound rate: it moves by points per year.*", "按绝对量变化，不计复合增速"),
    (r"a zero actual has no compound rate", "实际值为零，无复合增速"),
    (r"a value at or below zero has no compound rate", "数值不大于零，无复合增速"),
    (
        r"a floor or ceiling for each year: nothing is to grow, the value is to hold",
        "逐年底线或上限：无需增长，须逐年保持",
    ),
    (r"not held in (.+)", r"\1年未达到"),
    (r"held so far; it must hold in each year until (\d+)", r"至今保持，须逐年保持到\1年"),
    (r"a growth-rate target: the need is a rate.*", "增速目标：所需为增速"),
    (r"a rate target", "增速目标"),
    (r"rates unknown for (.+)", r"\1年增速未知"),
    (r"the rates for (.+) are not known", r"\1年增速未知"),
    (r"the target is zero: no percentage of it", "目标为零，无百分比"),
    (
        r"within (\d+%) of the target value \(around\); the gap is measured to the value itself",
        r"在目标值\1范围内（左右）；差距仍按目标值计",
    ),
    (
        r"no time elapsed: the actual is for the base year (\d+).*",
        r"尚无时间进展：实际值为基期\1年",
    ),
    (
        r"the baseline \((.+) in (\d+)\) already met the target; the value has since slipped back",
        r"基期（\2年\1）已达标，此后回落",
    ),
]


def in_chinese(note: str) -> str:
    # re compiles (and caches) a pattern when first used: a run that shows two notes compiles
    # the few patterns up to theirs, not all of them.
    for pattern, zh in _NOTES:
        found = re.fullmatch(pattern, note)
        if found:
            return found.expand(zh)
    return note
