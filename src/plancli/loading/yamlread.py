"""Parsing YAML data files safely: plain YAML only, every key once, within limits.

Plan data is plain YAML: mappings, lists, text and numbers. PyYAML silently keeps the last of two
equal keys, expands aliases on use and builds dates, sets and binary from tags; plan data needs
none of these, so each is a problem here, found before anything is expanded.

The data is built straight from libyaml's event stream, in one pass that never recurses: the
C composer (which recurses in C and kills the interpreter on input nested some thousands deep)
and PyYAML's node objects are skipped, so that pass is both the safety check (anchors, aliases,
tags, depth, node count, duplicate keys) and the load, several times faster than yaml.load.
Plain scalars are resolved by PyYAML's own resolver and constructors (YAML 1.1, as before).
Only a file with problems is composed again, to find the line of each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from plancli.model.limits import MAX_DEPTH, MAX_NODES
from plancli.model.msg import Msg, msg
from plancli.model.problems import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINES = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # libyaml's line breaks
_TAG = "tag:yaml.org,2002:"


class YamlProblem(Exception):
    def __init__(self, rule: str, message: Msg, line: int | None = None, column: int | None = None):
        super().__init__(rule, message)
        self.rule, self.msg, self.line, self.column = rule, message, line, column
        self.more: list[YamlProblem] = []  # further problems of the same pass (duplicate keys)


def mark(node_or_event: Any) -> tuple[int, int]:
    m = node_or_event.start_mark
    return m.line + 1, m.column + 1


class _Scalars(yaml.SafeLoader):
    """PyYAML's resolver and scalar constructors, used one plain scalar at a time."""

    def __init__(self):
        super().__init__("")


_SCALARS = _Scalars()
_RESOLVE = _SCALARS.resolve
# Tags plan data keeps as text: dates, and `<<` or `=` written as values.
_AS_TEXT = {f"{_TAG}str", f"{_TAG}timestamp", f"{_TAG}merge", f"{_TAG}value"}


def _plain(value: str, event) -> Any:
    tag = _RESOLVE(yaml.ScalarNode, value, (True, False))
    if tag in _AS_TEXT:
        return value
    if tag == f"{_TAG}null":
        return None
    if tag == f"{_TAG}bool":
        return _SCALARS.bool_values[value.lower()]
    node = yaml.ScalarNode(tag, value)
    try:
        if tag == f"{_TAG}int":
            return _SCALARS.construct_yaml_int(node)
        return _SCALARS.construct_yaml_float(node)
    except ValueError:
        raise YamlProblem(
            "yaml-number", msg("number_too_long", digits=len(value)), *mark(event)
        ) from None


_SKIP = object()  # the value of a duplicate key: read, not kept


def _build(text: str, max_items: int | None = None) -> tuple[Any, list[YamlProblem]]:
    """The document's data, from the event stream (see the module's docstring), and its
    duplicate keys: each reported, the first value kept (as a strict reader would), so that
    the rest of the file is still read and checked. max_items bounds every list."""
    root: Any = None
    stack: list[list] = []  # [container, key waiting for its value, {key: line}]
    duplicates: list[YamlProblem] = []
    nodes = documents = 0
    empty = True  # only comments, `---` or an empty value
    plain: dict[str, Any] = {}  # plain scalars repeat (years, kinds, units): resolve each once
    events: Iterator[Any] = yaml.parse(text, Loader=_BaseLoader)  # typed loosely by its stubs
    for ev in events:
        cls = ev.__class__
        if (
            cls is yaml.ScalarEvent
            or cls is yaml.MappingStartEvent
            or cls is yaml.SequenceStartEvent
        ):
            nodes += 1
            if ev.anchor is not None:
                raise _anchor(ev)
            if ev.tag is not None:
                tag = ev.tag.replace(_TAG, "!!")
                raise YamlProblem("yaml-tag", msg("yaml_tag", tag=tag), *mark(ev))
            if nodes > MAX_NODES:
                raise YamlProblem("file-size", msg("too_many_values", limit=MAX_NODES), *mark(ev))
            if cls is yaml.ScalarEvent:
                value = ev.value
                if ev.implicit[0]:
                    if value in plain:
                        value = plain[value]
                    else:
                        value = plain[value] = _plain(value, ev)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem("yaml-depth", msg("too_deep", limit=MAX_DEPTH), *mark(ev))
                value = {} if cls is yaml.MappingStartEvent else []
        elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
            stack.pop()
            continue
        elif cls is yaml.AliasEvent:
            raise _anchor(ev)
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem("yaml-syntax", msg("second_document"), *mark(ev))
            continue
        else:
            continue
        # Place the value: the root, a list item, a mapping key or a mapping value.
        if not stack:
            root = value
            empty = cls is yaml.ScalarEvent and ev.implicit[0] and ev.value == ""
        else:
            frame = stack[-1]
            container = frame[0]
            if container.__class__ is list:
                container.append(value)
                if max_items is not None and len(container) > max_items:
                    raise YamlProblem("file-size", msg("list_too_long", limit=max_items), *mark(ev))
            elif frame[1] is None:
                if cls is not yaml.ScalarEvent:
                    raise YamlProblem("yaml-key", msg("key_not_text"), *mark(ev))
                # A key is a field name as written: `1:` and `yes:` are not numbers or booleans.
                key = ev.value
                if key in frame[2]:
                    duplicates.append(
                        YamlProblem(
                            "duplicate-key",
                            msg("duplicate_key", key=key, first_line=frame[2][key]),
                            *mark(ev),
                        )
                    )
                    frame[1] = _SKIP
                else:
                    frame[2][key] = ev.start_mark.line + 1
                    frame[1] = key
            else:
                if frame[1] is not _SKIP:
                    container[frame[1]] = value
                frame[1] = None
        if cls is not yaml.ScalarEvent:
            stack.append([value, None, {}])
    if empty:
        raise YamlProblem("empty-file", msg("empty_file"), 1, 1)
    return root, duplicates


def _anchor(ev) -> YamlProblem:
    return YamlProblem("yaml-anchor", msg("yaml_anchor"), *mark(ev))


def decode(raw: bytes) -> str:
    """UTF-8 without a byte-order mark, or a problem saying where it is not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem("encoding", msg("utf8_bom"), 1, 1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem("encoding", msg("utf16"), 1, 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise YamlProblem(
            "encoding",
            msg("not_utf8", byte=f"0x{raw[exc.start]:02x}"),
            raw.count(b"\n", 0, exc.start) + 1,
            column,
        ) from None


def parse_text(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem for anything plan data must not contain (for
    duplicate keys: the first, with the others in .more)."""
    data, duplicates = parse_document(text)
    if duplicates:
        first, *rest = duplicates
        first.more = rest
        raise first
    return data


def parse_document(text: str, max_items: int | None = None) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document: its data and its duplicate keys (see _build); raise
    YamlProblem for anything else plan data must not contain."""
    try:
        return _build(text, max_items)
    except yaml.MarkedYAMLError as exc:
        at, ctx = exc.problem_mark or exc.context_mark, exc.context_mark
        line, col = _within(text, at.line + 1, at.column + 1) if at else (None, None)
        if "maximum nesting depth" in str(exc.problem):
            # Newer libyaml (PyYAML >= 6.0.4) stops deep flow nesting itself, scanning ahead
            # of the events that would have reached MAX_DEPTH: the same problem, found later.
            raise YamlProblem("yaml-depth", msg("too_deep", limit=MAX_DEPTH), line, col) from None
        # libyaml's own words (English), quoted in the message.
        detail = str(exc.problem or exc.context)
        if exc.problem and exc.context:
            detail += f" ({exc.context}"
            if (
                ctx is not None
                and at is not None
                and (ctx.line, ctx.column) != (at.line, at.column)
            ):
                detail += f" that starts at line {ctx.line + 1}, column {ctx.column + 1}"
            detail += ")"
        raise YamlProblem("yaml-syntax", msg("yaml_syntax", detail=detail), line, col) from None
    except yaml.YAMLError as exc:
        # A reader error (a control character) has a position but no mark.
        line, col = _position(text, getattr(exc, "position", None))
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        char = getattr(exc, "character", None)
        if char is not None:
            reason += f" (U+{char if isinstance(char, int) else ord(char):04X})"
        raise YamlProblem("yaml-syntax", msg("yaml_syntax", detail=reason), line, col) from None


def _within(text: str, line: int, col: int) -> tuple[int, int]:
    """A mark at the end of the stream can fall a line past the text (libyaml ends the last
    line for it); point at the text's real end instead."""
    lines = _LINES.split(text)
    if line <= len(lines):
        return line, col
    return len(lines), len(lines[-1]) + 1


def _position(text: str, where: int | None) -> tuple[int | None, int | None]:
    """Line and column of an offset: in UTF-8 bytes from libyaml, in characters otherwise."""
    if where is None:
        return None, None
    if _BaseLoader is yaml.SafeLoader:
        start = text.rfind("\n", 0, where) + 1
        return text.count("\n", 0, where) + 1, where - start + 1
    data = text.encode()
    start = data.rfind(b"\n", 0, where) + 1
    width = len(data[start:where].decode("utf-8", "replace"))
    return data.count(b"\n", 0, where) + 1, width + 1


def parse_yaml(
    raw: bytes, display: str, max_items: int | None = None
) -> tuple[Any, str | None, list[Problem]]:
    """A YAML file's bytes as read (loading.sources): (data, text, problems). data is None when
    the file does not parse; with duplicate keys it is there, with the first value of each,
    beside their problems."""
    text = None
    try:
        text = decode(raw)
        data, duplicates = parse_document(text, max_items)
        found = [Problem(display, e.rule, e.msg, e.line, e.column) for e in duplicates]
        return data, text, found
    except YamlProblem as exc:
        return (
            None,
            text,
            [Problem(display, e.rule, e.msg, e.line, e.column) for e in (exc, *exc.more)],
        )


def compose(text: str):
    """The node tree of a text parse_text has accepted: nested no deeper than MAX_DEPTH, so
    composing it in C is safe."""
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None


def node_at(root, path: tuple, *, key: bool = False) -> tuple[int, int]:
    """Line and column of the node at path (keys and list indexes); with key=True, of the key
    of its last step. The nearest existing ancestor when the path runs out (a missing field
    points at the mapping that lacks it)."""
    if root is None:
        return 1, 1
    node = best = root
    for n, step in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == str(step)]
            if not match:
                break
            k, node = match[0]
            best = k if key and n == len(path) - 1 else node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = best = node.value[step]
        else:
            break
    return mark(best)
