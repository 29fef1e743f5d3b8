"""The closed vocabularies and thresholds every part shares: docs/conventions.md says what each
code means and where it comes from in the outline.

Codes only: their words, in both languages, are in the message catalogue (plancli.report).
"""

from enum import StrEnum


class Comparator(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    AROUND = "around"


# The outline's words for each comparator (docs/conventions.md): what a data file is told to
# write instead when it gives the word (comparator: 以上 → at_least).
COMPARATOR_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("以上", "突破", "超过", "不低于", "达到", "提升至", "建成", "新增"), "at_least"
    ),
    **dict.fromkeys(("以内", "以下", "控制在", "不超过", "缩小到", "降低到"), "at_most"),
    **dict.fromkeys(("左右", "约"), "around"),
}


class Kind(StrEnum):
    LEVEL = "level"
    SHARE = "share"
    GROWTH_RATE = "growth_rate"
    CUMULATIVE = "cumulative"
    COUNT = "count"
    RATIO = "ratio"
    RANK = "rank"
    CHANGE = "change"


class Series(StrEnum):
    """What an indicator's actual values are (docs/methods.md, "Flows, totals and levels")."""

    FLOW = "flow"  # a yearly amount: that year's jobs, investment, firms added; the years add up
    RUNNING_TOTAL = "running_total"  # a total to date at the year's end: it includes earlier years
    LEVEL = "level"  # a value as it stands in its year: a stock, share, rate, ratio or rank


class Compares(StrEnum):
    """What a target compares with its value, found from its indicator's actuals."""

    SINGLE_YEAR = "single_year"  # one year's figure (each year's, for a yearly floor)
    SUM = "sum"  # the sum over the plan's years, from the period's first year
    AVERAGE = "average"  # the average over the plan's years (a growth rate's: geometric)
    LEVEL = "level"  # the value as it stands
    CHANGE = "change"  # the change since a base year


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


WHOLE_CITY = "全市"

# Every threshold of the progress maths lives here (docs/progress-methods.md).
AROUND_TOLERANCE = 0.02  # an "around" target is met within 2% of its value
ON_TRACK_RATIO = 0.95  # R >= 0.95 of the path due by this year is on track
THIN_COVERAGE = 0.20  # a chapter where under 20% of targets have data is thinly covered
