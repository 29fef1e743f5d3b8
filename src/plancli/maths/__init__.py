"""The plan's maths: paths, gaps, required growth, statuses and the scorecard. Pure: it knows
nothing of the terminal or of a reader's language."""
