"""The plan's data model: vocabularies, units, the validated records, the loaded plan, the
outline's text and problems. Imports nothing from the other rooms."""
