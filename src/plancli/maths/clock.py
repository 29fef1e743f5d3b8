"""Today's date, in one place so that tests (and reproducible examples) can fix the clock.

`PLANCLI_TODAY=2026-03-01` pins it; tests may also monkeypatch `today`.
"""

from __future__ import annotations

import os
from datetime import date

from plancli.model.problems import UsageError

ENV_TODAY = "PLANCLI_TODAY"


def today() -> date:
    pinned = os.environ.get(ENV_TODAY)
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned.strip())
    except ValueError:
        raise UsageError(f"{ENV_TODAY}={pinned!r} is not a date (expected YYYY-MM-DD)") from None


def latest_complete_year() -> int:
    """The last calendar year that has ended: statistics for it may exist."""
    return today().year - 1
