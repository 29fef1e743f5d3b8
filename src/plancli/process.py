"""How a plancli process ends: the conventions' exit codes for what happens outside the data
(docs/limits.md, "Exit codes"). Used by the entry point alone (plancli.__main__).

- A reader that closes the pipe early (`plancli targets | head`) is not an error: plancli stops
  quietly with exit 0, or with the verdict a command had already reached (`check`: 1).
- Output that cannot be written (a full disk, an I/O error, a closed descriptor, an output
  encoding that cannot show the text): one line on stderr when stderr still works, exit 74
  (EX_IOERR).
- Ctrl-C: exit 130 and no traceback, from the moment plancli's code runs, imports included.

stdout and stderr are rebuilt over a file object whose failed writes raise OutputError. It is
not an Exception, like KeyboardInterrupt: nothing between the write and this module (Click,
which exits 1 on a closed pipe; Rich, which does too; an `except Exception`) can take it for
something else. A Ctrl-C swallowed on its way (Python reports an exception raised in a
finaliser or weakref callback, as "Exception ignored", and goes on) still ends the run with
130, and without that report. Imports only what the interpreter has already loaded; `signal`,
which is not, inside the part of the run that Ctrl-C is handled in.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable

EXIT_OK = 0
EXIT_IOERR = 74
EXIT_INTERRUPTED = 130
STREAMS = ("stdout", "stderr")


class OutputError(BaseException):
    """A write to stdout or stderr failed; it ends the run (see the module's docstring)."""

    def __init__(self, stream: str, error: OSError):
        super().__init__(stream, error)
        self.stream, self.error = stream, error

    @property
    def closed_pipe(self) -> bool:
        return self.error.errno in (errno.EPIPE, errno.ECONNRESET)


class _Guarded(io.FileIO):
    """A standard stream's file descriptor whose failed writes raise OutputError; once
    silenced (after a failure), writes go nowhere."""

    silenced = False

    def __init__(self, fd: int, stream: str):
        super().__init__(fd, "w", closefd=False)
        self.stream = stream

    def write(self, data) -> int | None:
        if self.silenced:
            return len(data)
        try:
            return super().write(data)
        except OSError as exc:
            raise OutputError(self.stream, exc) from None


class _Closed(io.RawIOBase):
    """A standard stream the process was started without (`plancli targets >&-`)."""

    silenced = False

    def __init__(self, stream: str):
        self.stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.silenced:
            return len(data)
        raise OutputError(self.stream, OSError(errno.EBADF, os.strerror(errno.EBADF)))


_verdict = EXIT_OK
_interrupted = False  # a Ctrl-C came
_ending = False  # everything is written: a Ctrl-C now ends the process at once


def set_verdict(code: int) -> None:
    """The exit code a command has reached before it prints its report (`check`: 1 when it
    found problems), so that a reader closing the pipe early does not turn it into success."""
    global _verdict
    _verdict = code


def guard_streams() -> None:
    """Replace sys.stdout and sys.stderr by the same streams over _Guarded descriptors."""
    for name in STREAMS:
        old = getattr(sys, name)
        fd = 1 if name == "stdout" else 2
        if old is not None:
            try:
                fd = old.fileno()
                old.flush()
            except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
                continue
        raw = _Guarded(fd, name) if old is not None else _Closed(name)
        setattr(
            sys,
            name,
            io.TextIOWrapper(
                io.BufferedWriter(raw),
                encoding=getattr(old, "encoding", None) or "utf-8",
                errors=getattr(old, "errors", None) or "strict",
                newline="\n",
                line_buffering=getattr(old, "line_buffering", False),
                write_through=getattr(old, "write_through", False),
            ),
        )


def run(body: Callable[[], object]) -> int:
    """Run body (the CLI) and return the process's exit code: body's own (its SystemExit),
    or 0 / 74 / 130 for a closed pipe, a failed write or Ctrl-C."""
    global _ending
    try:
        try:
            _catch_interrupts()
            guard_streams()
            try:
                body()
                code = EXIT_OK
            except SystemExit as exc:
                code = _exit_code(exc.code)
            _flush()  # now, not at the interpreter's exit, where a failure cannot be handled
        except OutputError as exc:
            code = _output_failed(exc)
        except UnicodeEncodeError as exc:  # stdout in an encoding that cannot show the text
            code = _cannot_encode(exc)
        _ending = True
    except KeyboardInterrupt:
        _ending = True
        code = EXIT_INTERRUPTED
    return EXIT_INTERRUPTED if _interrupted else code


def _catch_interrupts() -> None:
    """Ctrl-C raises KeyboardInterrupt, as by default, and is remembered; one that Python would
    report as "Exception ignored" is not reported. A Ctrl-C the parent process told us to
    ignore (a background job) stays ignored."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_interrupt)
    sys.unraisablehook = _unraisable


def _on_interrupt(signum, frame) -> None:
    global _interrupted
    if _interrupted or _ending:  # a second Ctrl-C, or one after the run: stop now
        os._exit(EXIT_INTERRUPTED)
    _interrupted = True
    raise KeyboardInterrupt


def _unraisable(unraisable) -> None:
    if _interrupted and isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def _exit_code(code) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)  # sys.exit("message"), as Python itself would
    return 1


def _flush() -> None:
    for name in STREAMS:
        stream = getattr(sys, name)
        if stream is not None:
            stream.flush()


def _output_failed(exc: OutputError) -> int:
    """Silence the failed stream, say why on stderr (if it works) and choose the exit code."""
    _silence(exc.stream)
    if exc.closed_pipe:
        return _verdict
    if exc.stream == "stdout":
        try:
            sys.stderr.write(f"plancli: error: cannot write output: {_reason(exc.error)}\n")
            sys.stderr.flush()
        except OutputError:
            _silence("stderr")
    return EXIT_IOERR


def _cannot_encode(exc: UnicodeEncodeError) -> int:
    """Output in a legacy encoding (PYTHONIOENCODING=ascii) that cannot show the plan's text:
    one line (which stderr's backslashreplace can always write), and 74."""
    _silence("stdout")
    shown = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else "?"
    try:
        sys.stderr.write(
            f"plancli: error: cannot write output: its encoding ({exc.encoding}) cannot show "
            f"{shown!r}; use a UTF-8 locale or PYTHONIOENCODING=utf-8\n"
        )
        sys.stderr.flush()
    except (OutputError, UnicodeEncodeError):
        _silence("stderr")
    return EXIT_IOERR


def _silence(name: str) -> None:
    """Make a failed stream discard what is still buffered in it (the interpreter flushes it at
    exit) instead of failing again."""
    raw = getattr(getattr(getattr(sys, name), "buffer", None), "raw", None)
    if isinstance(raw, (_Guarded, _Closed)):
        raw.silenced = True


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
