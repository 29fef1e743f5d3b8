"""Finding things in a plan: lookups by id, name or alias, filters, and full-text search."""
