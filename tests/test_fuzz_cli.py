"""Fuzzing every command's arguments and the --actuals file: random Unicode, random bytes (as the
process would receive them, decoded with surrogateescape), and real option names mixed in so
that some examples get past the parser. Whatever the input: no exception, no traceback, and an
exit code from the conventions (0, 1, 2, 74, 130).

In-process through Typer's CliRunner, to keep the runtime modest (the behaviour that depends on
the process, a closed pipe, a full disk, Ctrl-C, is tested in test_hostile_io.py).
PLANCLI_FUZZ_EXAMPLES raises the number of examples for a longer run (default 40 a test).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancli.cli import COMMANDS

EXAMPLES = int(os.environ.get("PLANCLI_FUZZ_EXAMPLES", "40"))
CODES = {0, 1, 2, 74, 130}
WRITERS = {"chart", "site", "sqlite"}  # commands that write the files they are given
OPTIONS = [
    "--actual",
    "--year",
    "--target-year",
    "--format",
    "json",
    "csv",
    "markdown",
    "--scope",
    "--chapter",
    "--section",
    "--kind",
    "--limit",
    "--lang",
    "en",
    "--aspirational",
    "--bom",
    "--write",
    "gdp",
    "gdp@2025",
    "2.1.1",
    "2",
    "2.1",
    "2023",
    "8000",
    "-5",
    "1e308",
    "1e-320",
    "nan",
    "inf",
    "研发",
    "--",
    "-",
]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as a user may type it (any code point, control characters included), and bytes as the
# process would receive them: argv is decoded with surrogateescape.
unicode_args = st.text(st.characters(exclude_categories=()), max_size=30)
byte_args = st.binary(max_size=30).map(lambda b: b.decode("utf-8", "surrogateescape"))
args = st.lists(st.one_of(unicode_args, byte_args, st.sampled_from(OPTIONS)), max_size=5)


def assert_clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in CODES, (result.exit_code, result.output)
    assert "Traceback" not in result.output


@FUZZ
@given(command=st.sampled_from(sorted(COMMANDS)), rest=args)
def test_any_arguments(run, tmp_path, monkeypatch, command, rest):
    # --write DIR with a random name goes below a temporary folder, never into the project; so
    # does every argument of the commands that write files (site DIR, sqlite FILE, chart
    # --output FILE), absolute or not, and the run happens there.
    rest = [str(tmp_path / a) if i and rest[i - 1] == "--write" else a for i, a in enumerate(rest)]
    if command in WRITERS:
        rest = [a if a.startswith("-") else f"{tmp_path}/{a}" for a in rest]
    monkeypatch.chdir(tmp_path)
    assert_clean(run(command, *rest))


@FUZZ
@given(before=args, command=st.sampled_from(sorted(COMMANDS)))
def test_any_global_options(run, before, command):
    assert_clean(run(*before, command))


HEADER = b"indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
cells = st.one_of(
    st.binary(max_size=12),
    st.sampled_from([b"gdp", b"2022", b"8000", b"\xe4\xba\xbf\xe5\x85\x83", b"-5", b"1e308"]),
    st.sampled_from([b"'=1+1", b"=cmd", b'"', b"\x1b[2J", b"9" * 5000, b"nan", b",,,"]),
)
rows = st.lists(st.lists(cells, min_size=1, max_size=9).map(b",".join), max_size=6)
csv_files = st.builds(
    lambda header, body: (HEADER if header else b"") + b"\n".join(body),
    st.booleans(),
    rows,
)
yaml_files = st.one_of(
    st.binary(max_size=200),
    st.text(st.characters(exclude_categories=()), max_size=200).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    ),
    st.lists(cells, max_size=8).map(
        lambda vs: (
            b"actuals:\n"
            + b"".join(
                b"- {indicator: gdp, year: 2022, value: "
                + v
                + b", unit: \xe4\xba\xbf\xe5\x85\x83, "
                b"source: {title: t}}\n"
                for v in vs
            )
        )
    ),
)


@FUZZ
@given(
    content=st.one_of(csv_files.map(lambda c: ("csv", c)), yaml_files.map(lambda c: ("yaml", c))),
    command=st.sampled_from(
        [["check"], ["gap", "gdp"], ["show", "gdp", "--format", "csv"], ["score"]]
    ),
)
def test_any_actuals_file(run, tmp_path, content, command):
    suffix, data = content
    path = tmp_path / f"mine.{suffix}"
    path.write_bytes(data)
    assert_clean(run("--actuals", str(path), *command))
