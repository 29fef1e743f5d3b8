"""The `plancli` command and `python -m plancli`: the CLI, run as a short-lived process."""

import gc
import os

# The one place where what happens outside the data becomes an exit code: a closed pipe (0), a
# failed write (74), Ctrl-C (130). Imported here, before anything else of plancli, so that it
# covers the imports of the CLI too.
from plancli import process


def main() -> None:
    # A run lasts a fraction of a second and leaves no reference cycles worth finding: peak
    # memory is the same with the collector off, even checking 100,000 targets (bench/README).
    # Its passes over the heap of imported modules cost ~10 ms a run and a third of a large
    # check; at exit, freezing the heap spares the interpreter's final full pass (~20 ms).
    # Set here, not on import, so that a program using plancli as a library keeps its own GC.
    gc.disable()
    # plancli has no use for pydantic plugins, and looking for them reads the metadata of every
    # installed package when Typer builds its first option parser (a user's setting is kept).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        code = process.run(_cli)
    finally:
        gc.freeze()
    raise SystemExit(code)


def _cli() -> None:
    from plancli.cli import app

    app()


if __name__ == "__main__":
    main()
