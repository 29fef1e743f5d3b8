"""Print what the completeness ledger still misses: numerals, quantity words and paragraphs, by
line.

python tools/ledger_report.py [FIRST_LINE LAST_LINE]
"""

import sys

from plancli.loading.datadir import default_data_dir
from plancli.loading.ledger import unaccounted_numerals, unaccounted_words, unowned_paragraphs
from plancli.loading.loader import load

lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (1, 10**9)
plan = load(default_data_dir())
nums = [n for n in unaccounted_numerals(plan) if lo <= n.line <= hi]
words = [w for w in unaccounted_words(plan) if lo <= w.line <= hi]
paras = [(p, ids) for p, ids in unowned_paragraphs(plan) if lo <= p.line <= hi]
for n in nums:
    print(f"numeral  outline.txt:{n.line}  {n.text:>8}  …{n.context}…")
for w in words:
    print(f"word     outline.txt:{w.line}  {w.text:>8}  …{w.context}…")
for p, ids in paras:
    print(f"paragraph outline.txt:{p.line}  claimed by {ids or 'nobody'}: {p.text[:40]}…")
print(
    f"{len(nums)} numerals, {len(words)} quantity words and {len(paras)} paragraphs "
    f"unaccounted for in lines {lo}–{hi}"
)
