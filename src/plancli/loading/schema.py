"""JSON Schema of each plan file, from the pydantic models, for editors and other validators.

The schemas travel with the data as data/schema/<name>.schema.json (a test keeps them in sync)
and each data file names its schema on its first line, so an editor with the YAML language
server validates as you type. The schema carries the structure, types, patterns and closed
vocabularies; `plancli check` adds what a schema cannot say (cross-references, quotes, units).
"""

from __future__ import annotations

import json
from pathlib import Path

from plancli.report.safewrite import MARK

# Draft 7: what the YAML language server (and so most editors) supports. Pydantic's schemas use
# nothing newer; only their definitions move from `$defs` to draft 7's `definitions`.
DIALECT = "http://json-schema.org/draft-07/schema#"
# Schema name -> the file it describes.
FILES = {
    "plan": "plan.yaml",
    "chapters": "chapters.yaml",
    "targets": "targets.yaml",
    "actuals": "actuals.yaml",
    "exclusions": "exclusions.yaml",
    "glossary": "glossary.yaml",
    "outline.en": "outline.en.yaml",
}


def schema_file(name: str) -> str:
    return f"{name}.schema.json"


def modeline(name: str) -> str:
    """The first line of a data file that points the YAML language server at its schema."""
    return f"# yaml-language-server: $schema=schema/{schema_file(name)}"


def json_schema(name: str) -> dict:
    from plancli.model.models import FILE_MODELS
    from plancli.model.translation import ENGLISH_FILE_MODELS

    file = FILES[name]
    model = {**FILE_MODELS, **ENGLISH_FILE_MODELS}[file]
    body = model.model_json_schema(ref_template="#/definitions/{model}")
    body.pop("title", None)
    if "$defs" in body:
        body["definitions"] = body.pop("$defs")
    return {
        "$schema": DIALECT,
        # Says who wrote the file, so that `schema --write` may replace it (safewrite.MARK).
        "$comment": f"{MARK} (plancli schema {name}) from its data model: regenerate, do not edit.",
        "title": f"plancli {file}",
        "description": f"One plan's {file}, as `plancli check` reads it (plancli schema {name}).",
        **body,
    }


def schema_text(name: str) -> str:
    return json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"


def write_schemas(dest: Path, *, force: bool = False) -> list[Path]:
    """Write every schema as dest/<name>.schema.json, through the safe writer: only over files
    plancli wrote (unless force), atomically, nothing left behind on failure."""
    from plancli.report.safewrite import write_into

    return write_into(dest, {schema_file(n): schema_text(n) for n in FILES}, force=force)
