"""Reading a plan directory: its files, the safe YAML reader, validation, the schema export, the
cache of validated plans and the completeness ledger."""
