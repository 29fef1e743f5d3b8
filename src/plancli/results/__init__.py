"""The typed, language-neutral records every command outputs.

One NamedTuple class per record: its fields, in order, are the record's JSON keys and CSV
columns, and the table's columns name them (with labels from the catalogue). A field holding a
record is inlined (its fields join the outer record's); a field holding a list of records is a
nested list in JSON. Notes are codes with parameters (plancli.model.msg.Msg). docs/output.md
documents every record's keys.

A command's result (`GapResult`, `Scorecard` …) says what JSON prints (`document()`) and what
CSV prints (`rows()`, one record class per CSV, `ROW`); the reporters do the rest.
"""
