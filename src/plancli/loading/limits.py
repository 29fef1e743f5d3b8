"""Limits on what plancli reads, each enforced before the work it bounds (docs/limits.md).

Free of imports, so that the cache can look at a file's size and the command line at an
argument's length without loading anything else. Inside these limits every step is linear in
the size of its input (bench/run.py measures the largest inputs they allow).
"""

# Large enough for a 100,000-target plan at the shipped data's density (about 570 bytes and 43
# YAML nodes a target with its share of indicators and baselines: 57 MB, 4.3 million nodes),
# small enough that a hostile file is refused before it costs gigabytes.
MAX_BYTES = 100 * 1024 * 1024
MAX_NODES = 6_000_000
MAX_DEPTH = 32  # plan data nests 8 deep (chapters → sections → tasks → title)

# Records in one list: actual values (a CSV's rows, or the list in an actuals YAML file) and
# exclusions. The shipped plan has 60 actuals and 63 exclusions; an actual for each of 1,000
# indicators in each of 16 years and 10 scopes is 160,000. Inside the limits a check stays
# within seconds and well under a gigabyte, however many of the records are broken.
MAX_ACTUALS = 200_000
MAX_EXCLUSIONS = 50_000

# The command line. An argument names an indicator, a target, a chapter, a year or a file, or
# is a value or a search text; the longest sensible one is a path (PATH_MAX is 4,096 bytes).
MAX_ARG_CHARS = 4_096
# A search text: the outline's longest paragraph is 824 characters, so a whole paragraph fits.
MAX_QUERY_CHARS = 1_000
# A number in a CSV field: more digits than any year or plausible value needs, far fewer than
# Python's int-from-text limit (4,300 digits).
MAX_NUMBER_CHARS = 40

# Every number plancli computes with, in its indicator's unit: at most MAX_VALUE in magnitude,
# and, unless zero, at least MIN_VALUE. Wide enough for any statistic of a city or country in
# its own unit (China's GDP is about 1.3e14 yuan); narrow enough that no ratio, growth rate or
# path computed from such values can overflow a float (docs/limits.md).
MAX_VALUE = 1e15
MIN_VALUE = 1e-9
