"""The message catalogue: every word plancli writes, in Chinese and in English, by code.

The core says things as codes with parameters (plancli.model.msg.Msg); a reporter turns them
into text here, in the language it was given. The entries live in the modules of this package,
one per kind of text (notes on figures, errors, problems in data files, labels of tables and
pages, the words of the closed vocabularies); each entry is `code: (English, Chinese)`, a
template for str.format with the same named parameters in both languages (a test holds every
code to that). docs/output.md says why a Python table rather than gettext catalogues.

Parameters are worded as they come: None is left out, a Msg is worded in the same language, a
list is joined ("a, b" / "a、b"), a float loses a trailing ".0", and a format spec of the form
`{n:item|items}` picks the English singular or plural by n. A text of the data in both
languages is two parameters, `name_zh` and `name_en`: each language says its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plancli.model.msg import Msg
from plancli.report.catalogue.errors import ERRORS
from plancli.report.catalogue.labels import LABELS
from plancli.report.catalogue.notes import NOTES
from plancli.report.catalogue.problems import PROBLEMS
from plancli.report.catalogue.publish import PUBLISH
from plancli.report.catalogue.words import WORDS

LANGS = ("zh", "en")
PARTS: dict[str, Mapping[str, tuple[str, str]]] = {
    "notes": NOTES,
    "errors": ERRORS,
    "problems": PROBLEMS,
    "labels": LABELS,
    "words": WORDS,
    "publish": PUBLISH,
}
CATALOGUE: dict[str, tuple[str, str]] = {}
for _part in PARTS.values():
    CATALOGUE.update(_part)
LIST_SEPARATOR = {"zh": "、", "en": ", "}


class _Param:
    """A parameter as a template formats it (see the module's docstring): str.format_map calls
    __format__ with the spec written after the colon."""

    __slots__ = ("value", "lang")

    def __init__(self, value: Any, lang: str):
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        value = self.value
        if value is None:
            return ""
        if isinstance(value, Msg):
            return render(value, self.lang)
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if value == 1 else many
        if isinstance(value, (list, tuple)):
            return LIST_SEPARATOR[self.lang].join(format(_Param(v, self.lang), spec) for v in value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and not spec:
            return f"{value:.10g}"
        return format(value, spec)


def text(code: str, lang: str, /, **params: Any) -> str:
    """The text of a code in lang, with its parameters filled in."""
    en, zh = CATALOGUE[code]
    template = zh if lang == "zh" else en
    if not params and "{" not in template:
        return template
    return template.format_map({k: _Param(v, lang) for k, v in params.items()})


def render(message: Msg, lang: str) -> str:
    return text(message.code, lang, **message.params)


def note_json(message: Msg) -> dict[str, Any]:
    """A note as JSON carries it (the conventions): its code, parameters and both texts."""
    return {
        "code": message.code,
        "params": {k: _json_param(v) for k, v in message.params.items()},
        "text_zh": render(message, "zh"),
        "text_en": render(message, "en"),
    }


def _json_param(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"code": value.code, "params": {k: _json_param(v) for k, v in value.params.items()}}
    if isinstance(value, (list, tuple)):
        return [_json_param(v) for v in value]
    return value
