"""The typed, language-neutral records every command outputs.

One class per record (a NamedTuple, made through plancli.model.record.Record): its fields, in
order, are the record's JSON keys and CSV columns, and the table's columns name them (with
labels from the catalogue). A field marked `Annotated[Record, INLINE]` is inlined (its fields
join the outer record's); one marked `Annotated[…, PAGE_ONLY]` is for pages alone; another
record is a nested object in JSON, a list of records a nested list. Notes are codes with
parameters (plancli.model.msg.Msg). docs/output.md documents every record's keys.

A command's result (`GapResult`, `ScorecardResult` …) says what JSON prints (`document()`) and
what CSV prints (`rows()`: records of one class); the reporters do the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plancli.model.record import Record

# Marks a field whose record is inlined in JSON and CSV (its fields take the field's place):
# `judgement: Annotated[TargetJudgement, INLINE]`.
INLINE = "inline"
# Marks a field only pages read (tables, Markdown): JSON and CSV leave it out. What the plan
# says of whose its English is, for the line an English page shows once.
PAGE_ONLY = "page_only"


class Rows(Record):
    """What a result prints as CSV: records of one class (which names the columns even when
    there are none)."""

    record: type
    items: Sequence[Any]
