"""`check`'s reporters: text (`FILE:LINE:COL: [error] message (rule)` and a summary line), json
(the conventions' document, messages in English and Chinese) and github (workflow commands).
Chosen by name from CHECK_REPORTER_BY_NAME, each given the language and its streams."""

from __future__ import annotations

from typing import TextIO

from plancli.model.sanitise import for_terminal, json_text
from plancli.report.catalogue import render, text
from plancli.report.records import to_json
from plancli.results.check import CheckResult, ProblemRow


def summary_line(result: CheckResult, lang: str) -> str:
    counts = result.summary._asdict()
    errors, w = result.errors, result.warnings
    warned = text("check_warnings", lang, n=w) if w else ""
    if not errors:
        return text("check_ok", lang, **counts) + warned
    files = len({p.file for p in errors})
    return text("check_failed", lang, problems=len(errors), files=files, **counts) + warned


def github_escape(shown: str) -> str:
    """A workflow command's message: %, CR and LF escaped (as @actions/core does)."""
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(shown: str) -> str:
    """A workflow command's property value: also `:` and `,`, which end a property."""
    return github_escape(shown).replace(":", "%3A").replace(",", "%2C")


class CheckReporter:
    def __init__(self, stream: TextIO, lang: str, err: TextIO):
        self.stream, self.lang, self.err = stream, lang, err

    def report(self, result: CheckResult) -> None:
        raise NotImplementedError


class TextReporter(CheckReporter):
    def report(self, result: CheckResult) -> None:
        for p in result.problems:
            self.stream.write(for_terminal(render(p.line_msg(), self.lang), prose=False) + "\n")
        self.stream.write(summary_line(result, self.lang) + "\n")


class JsonReporter(CheckReporter):
    def report(self, result: CheckResult) -> None:
        self.stream.write(json_text(to_json(result.document()), indent=2) + "\n")


class GithubReporter(CheckReporter):
    def line(self, p: ProblemRow) -> str:
        said = render(p.message, self.lang)
        said = f"{p.id}: {said}" if p.id else said
        line = (
            f"::{p.level} file={github_property(p.file)},line={p.line},col={p.column},"
            f"title={github_property(p.rule)}::{github_escape(said)}"
        )
        return for_terminal(line, prose=False)

    def report(self, result: CheckResult) -> None:
        for p in result.problems:
            self.stream.write(self.line(p) + "\n")
        # Annotations alone on stdout; the summary is for the log.
        self.err.write(summary_line(result, self.lang) + "\n")


CHECK_REPORTER_BY_NAME: dict[str, type[CheckReporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
}
