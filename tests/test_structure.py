"""The shape of the code: rooms layered one way, no import cycle, no module over 400 lines, and a
command registry that lists exactly the commands there are."""

from __future__ import annotations

import ast
from importlib import import_module
from pathlib import Path

import pytest

import plancli

PACKAGE = Path(plancli.__file__).parent
# The rooms, lowest first: a module may import from its own room and the rooms below it.
ROOMS = ("model", "loading", "maths", "query", "results", "report", "cli")
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        found[".".join(parts)] = path
    return found


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The plancli modules a module imports (function-level imports too, unless asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("plancli")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plancli"):
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    known = modules()
    return {name for name in found if name in known}


def room(module: str) -> int | None:
    """The room's rank, or None for the package itself and its process entry point."""
    parts = module.split(".")
    return ROOMS.index(parts[1]) if len(parts) > 1 and parts[1] in ROOMS else None


def test_every_module_lives_in_a_room():
    loose = [m for m in modules() if room(m) is None]
    # The package, and the process around the CLI (exit codes, the standard streams).
    assert sorted(loose) == ["plancli", "plancli.__main__", "plancli.process"]


@pytest.mark.parametrize("module", sorted(m for m in modules() if room(m) is not None))
def test_nothing_imports_a_room_above_its_own(module):
    mine = room(module)
    above = sorted(
        other
        for other in imports(modules()[module])
        if (rank := room(other)) is not None and mine is not None and rank > mine
    )
    assert above == [], f"{module} ({ROOMS[mine]}) imports from a room above it"


def test_no_import_cycle():
    graph = {m: imports(p, top_level_only=True) - {m} for m, p in modules().items()}
    # A package's __init__ importing its own modules is not a cycle with them.
    for m in graph:
        graph[m] = {d for d in graph[m] if not m.startswith(f"{d}.")}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                cycle = path[path.index(dep) :] + [dep]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_no_module_is_over_400_lines():
    long = {
        m: n
        for m, p in modules().items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_registry_lists_exactly_the_commands_there_are():
    from plancli.cli import COMMANDS, app
    from plancli.cli.registry import registered

    for module in set(COMMANDS.values()):
        import_module(module)
    assert sorted(registered(app)) == sorted(COMMANDS)
    # Each command lives in the module the registry names.
    for info in app.registered_commands:
        name = info.name or info.callback.__name__
        assert info.callback.__module__ == COMMANDS[name], name
    # Every command module of plancli.cli is in the registry.
    command_modules = {
        m
        for m, p in modules().items()
        if m.startswith("plancli.cli.") and "@app.command" in p.read_text()
    }
    assert command_modules == set(COMMANDS.values())
