"""Print what the completeness ledger still misses: numerals and paragraphs, by line.

python tools/ledger_report.py [FIRST_LINE LAST_LINE]
"""

import sys

from plancli.loading.datadir import default_data_dir
from plancli.loading.ledger import unaccounted_numerals, unowned_paragraphs
from plancli.loading.loader import load

lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (1, 10**9)
plan = load(default_data_dir())
nums = [n for n in unaccounted_numerals(plan) if lo <= n.line <= hi]
paras = [(p, ids) for p, ids in unowned_paragraphs(plan) if lo <= p.line <= hi]
for n in nums:
    print(f"numeral  outline.txt:{n.line}  {n.text:>8}  …{n.context}…")
for p, ids in paras:
    print(f"paragraph outline.txt:{p.line}  claimed by {ids or 'nobody'}: {p.text[:40]}…")
print(f"{len(nums)} numerals and {len(paras)} paragraphs unaccounted for in lines {lo}–{hi}")
