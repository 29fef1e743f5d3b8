"""The `plancli` command and `python -m plancli`: the CLI, run as a short-lived process."""

import gc
import os


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
    from plancli.cli import app

    try:
        app()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
