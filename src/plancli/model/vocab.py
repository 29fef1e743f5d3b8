"""The closed vocabularies and thresholds every part shares (docs/conventions.md).

Kept free of heavy imports: the CLI reads these names at start-up.
"""

from enum import StrEnum


class Comparator(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    AROUND = "around"


class Kind(StrEnum):
    LEVEL = "level"
    SHARE = "share"
    GROWTH_RATE = "growth_rate"
    CUMULATIVE = "cumulative"
    COUNT = "count"
    RATIO = "ratio"
    RANK = "rank"
    CHANGE = "change"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    MISSED = "missed"
    NO_BASELINE = "no_baseline"
    NO_DATA = "no_data"


STATUS_WORDS: dict[Status, dict[str, str]] = {
    Status.ACHIEVED: {"en": "achieved", "zh": "已实现"},
    Status.ON_TRACK: {"en": "on track", "zh": "进度正常"},
    Status.BEHIND: {"en": "behind", "zh": "进度滞后"},
    Status.OFF_TRACK: {"en": "off track", "zh": "偏离目标"},
    Status.MISSED: {"en": "missed", "zh": "未实现"},
    Status.NO_BASELINE: {"en": "no baseline", "zh": "无基期值"},
    Status.NO_DATA: {"en": "no data", "zh": "无数据"},
}

COMPARATOR_WORDS: dict[Comparator, dict[str, str]] = {
    Comparator.AT_LEAST: {"en": "at least", "zh": "不低于"},
    Comparator.AT_MOST: {"en": "at most", "zh": "不高于"},
    Comparator.AROUND: {"en": "around", "zh": "左右"},
}

KIND_WORDS: dict[Kind, dict[str, str]] = {
    Kind.LEVEL: {"en": "level", "zh": "总量"},
    Kind.SHARE: {"en": "share", "zh": "比重"},
    Kind.GROWTH_RATE: {"en": "growth rate", "zh": "增速"},
    Kind.CUMULATIVE: {"en": "cumulative", "zh": "累计"},
    Kind.COUNT: {"en": "count", "zh": "数量"},
    Kind.RATIO: {"en": "ratio", "zh": "比值"},
    Kind.RANK: {"en": "rank", "zh": "位次"},
    Kind.CHANGE: {"en": "change", "zh": "变化量"},
}

WHOLE_CITY = "全市"

# How a target is named in every command's JSON and CSV, first and in this order.
TARGET_KEYS = (
    "target_id",
    "indicator",
    "name",
    "unit",
    "kind",
    "scope",
    "target_year",
    "comparator",
    "target",
)

# Every threshold of the progress maths lives here (docs/progress-methods.md).
AROUND_TOLERANCE = 0.02  # an "around" target is met within 2% of its value
ON_TRACK_RATIO = 0.95  # R >= 0.95 of the path due by this year is on track
THIN_COVERAGE = 0.20  # a chapter where under 20% of targets have data is thinly covered
