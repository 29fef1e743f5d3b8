"""Reading YAML data files safely: no duplicate keys, no anchors or aliases, bounded size.

PyYAML silently keeps the last of two equal keys and expands aliases on use; plan data needs
neither, so both are problems here. The C loader is used where PyYAML was built with it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from plancli.problems import Problem

# Large enough for a 100,000-target plan (about 30 MB of YAML), small enough to refuse a
# runaway file before reading it.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A cheap pre-filter: only text that could hold an anchor or alias is parsed for events.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_DEEP_INDENT = re.compile(rf"^[ ?:-]{{{MAX_DEPTH},}}", re.MULTILINE)


class YamlProblem(Exception):
    def __init__(self, rule: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.rule, self.message, self.line, self.column = rule, message, line, column


class _StrictConstructor(_BaseLoader):
    """SafeLoader that refuses duplicate keys and nesting deeper than MAX_DEPTH."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Any] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlProblem(
                    "yaml-key", "mapping keys must be plain scalars", *_mark(key_node)
                )
            if key in seen:
                first = seen[key]
                raise YamlProblem(
                    "duplicate-key",
                    f"duplicate key {key!r} (first at line {first.start_mark.line + 1}); "
                    "YAML would silently keep only the last one",
                    *_mark(key_node),
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _may_nest_deeply(text: str) -> bool:
    """A cheap bound: deep nesting needs many open flow brackets or a long indentation prefix.

    libyaml's composer recurses in C and crashes the interpreter on input nested some
    thousands deep, so depth is checked on the event stream before composing, when this trips.
    """
    depth = 0
    for m in _BRACKET.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return _DEEP_INDENT.search(text) is not None


def _check_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    "yaml-depth", f"nested deeper than {MAX_DEPTH} levels", *_mark(event)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _refuse_anchors(text: str) -> None:
    if not _MAYBE_ANCHOR.search(text):
        return
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                "yaml-anchor",
                "anchors and aliases are not allowed in plan data (write each value out)",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem("encoding", "file starts with a UTF-8 byte-order mark; save it without")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            "encoding", f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded", line
        ) from None


def parse_text(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem for anything plan data must not contain."""
    loader = _StrictConstructor(text)
    try:
        _refuse_anchors(text)
        if _may_nest_deeply(text):
            _check_depth(text)
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem("empty-file", "the file is empty", 1, 1)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlProblem("yaml-syntax", f"YAML does not parse: {msg}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("yaml-syntax", f"YAML does not parse: {exc}") from None
    except RecursionError:
        raise YamlProblem("yaml-depth", f"nested deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def read_yaml(path: Path, display: str) -> tuple[Any, Problem | None]:
    """Read a YAML file; return (data, None) or (None, problem)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlProblem(
                "file-size", f"file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes"
            )
        return parse_text(decode(path.read_bytes())), None
    except YamlProblem as exc:
        return None, Problem(display, exc.rule, exc.message, exc.line, exc.column)
    except OSError as exc:
        return None, Problem(display, "file", f"cannot read file: {exc.strerror or exc}")


def compose(text: str):
    """The node tree of a file already read safely by parse_text, for locating problems."""
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None


def node_at(root, path: tuple) -> tuple[int, int]:
    """Line and column of the node at path (keys and list indexes); the nearest existing
    ancestor when the path runs out (a missing field points at its parent mapping)."""
    if root is None:
        return 1, 1
    node = best = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(step)]
            if not match:
                break
            node = best = match[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                break
            node = best = node.value[step]
        else:
            break
    return _mark(best)
