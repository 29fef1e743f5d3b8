"""`plancli schema`, the schema files shipped with the data, editor modelines, pre-commit hook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from plancli.loading.datadir import default_data_dir
from plancli.loading.schema import FILES, json_schema, modeline, schema_file, schema_text

DATA = default_data_dir()
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", list(FILES))
def test_schema_command_prints_the_json_schema(run, name):
    result = run("schema", name)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert doc["title"] == f"plancli {FILES[name]}"
    assert doc["type"] == "object" and doc["additionalProperties"] is False
    jsonschema.Draft7Validator.check_schema(doc)
    # Draft 7 ignores keywords beside a $ref: there must be none.
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            assert "$ref" not in node or list(node) == ["$ref"], node
            assert "$defs" not in node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def test_schema_command_lists_the_schemas(run):
    result = run("schema")
    assert result.exit_code == 0
    for name, file in FILES.items():
        assert re.search(
            rf"^{name}\s+{re.escape(file)}\s+{name}\.schema\.json$", result.stdout, re.M
        )


def test_schema_command_writes_every_file(run, tmp_path):
    result = run("schema", "--write", str(tmp_path / "out"))
    assert result.exit_code == 0
    for name in FILES:
        assert (tmp_path / "out" / schema_file(name)).read_text(encoding="utf-8") == schema_text(
            name
        )


def test_schema_command_usage_errors(run, tmp_path):
    assert run("schema", "bogus").exit_code == 2
    result = run("schema", "plan", "--write", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == "plancli: error: give a schema name or --write DIR, not both\n"


@pytest.mark.parametrize("name", list(FILES))
def test_shipped_schema_files_are_in_sync(name):
    shipped = DATA / "schema" / schema_file(name)
    assert shipped.is_file(), f"missing {shipped}: run `plancli schema --write data/schema`"
    assert shipped.read_text(encoding="utf-8") == schema_text(name), (
        f"{shipped} is stale: run `plancli schema --write data/schema` (with --force where "
        "the file predates the `$comment` that marks it as plancli's)"
    )


@pytest.mark.parametrize("name", list(FILES))
def test_data_files_name_their_schema_first(name):
    first = (DATA / FILES[name]).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == modeline(name) == f"# yaml-language-server: $schema=schema/{name}.schema.json"
    assert (DATA / "schema" / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("name", list(FILES))
def test_shipped_data_validates_against_the_exported_schema(name):
    data = yaml.safe_load((DATA / FILES[name]).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(json_schema(name))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("plan", {"base_year": "2020"}),
        ("plan", {"vaule": 1}),
        (
            "targets",
            {"indicators": [{"id": "GDP", "name": {"zh": "a", "en": "b"}, "unit": "亿元"}]},
        ),
        ("actuals", {"actuals": [{"indicator": "gdp"}]}),
        ("chapters", {"chapters": [{"id": 1, "title": {"zh": "a", "en": "b"}, "quote": "q"}]}),
    ],
)
def test_the_schema_rejects_what_check_rejects(name, bad):
    shipped = yaml.safe_load((DATA / FILES[name]).read_text(encoding="utf-8"))
    doc = {**shipped, **bad}
    assert not jsonschema.Draft7Validator(json_schema(name)).is_valid(doc)


# -- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "plancli-check"
    assert hook["entry"] == "plancli check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in (
        "data/targets.yaml",
        "plans/wz/chapters.yaml",
        "plan.yaml",
        "x/outline.txt",
        "data/glossary.yaml",
        "data/outline.en.yaml",
    ):
        assert files.search(path), path
    for path in ("data/schema/targets.schema.json", "mytargets.yaml", "README.md", "plan.yml"):
        assert not files.search(path), path


def test_pre_commit_hook_entry_runs_with_appended_args(run, data_copy):
    """pre-commit runs `entry` followed by the hook's args: `plancli check --data DIR`."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *args = hook["entry"].split()
    assert program == "plancli"
    assert run(*args, "--data", str(data_copy)).exit_code == 0
    (data_copy / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    assert run(*args, "--data", str(data_copy)).exit_code == 1
