"""The README and docs show real output, and document every command."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("refresh_docs", ROOT / "tools" / "refresh_docs.py")
refresh_docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refresh_docs)

EXAMPLES = [
    (path.name, args, out)
    for path in refresh_docs.doc_files()
    for args, out in refresh_docs.examples(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    ("doc", "args", "shown"), EXAMPLES, ids=[f"{d}: {a}" for d, a, _ in EXAMPLES]
)
def test_examples_show_real_output(doc, args, shown):
    assert refresh_docs.run(args) == shown, f"run `python tools/refresh_docs.py` ({doc})"


def test_every_command_is_documented_in_the_readme():
    from plancli.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = list(COMMANDS)
    missing = [
        name for name in commands if f"plancli {name}" not in readme and f"`{name}`" not in readme
    ]
    assert missing == []
