"""Limits on what a data file may be, shared by the reader and the cache (free of imports, so
the cache can look at a file's size without loading the YAML parser)."""

# Large enough for a 100,000-target plan at the shipped data's density (about 570 bytes and 43
# YAML nodes a target with its share of indicators and baselines: 57 MB, 4.3 million nodes),
# small enough that a hostile file is refused before it costs gigabytes.
MAX_BYTES = 100 * 1024 * 1024
MAX_NODES = 6_000_000
MAX_DEPTH = 32  # plan data nests 8 deep (chapters → sections → tasks → title)
