"""The floor run as plancli runs itself (src/plancli/__main__.py): the cyclic garbage collector
off, and the heap frozen at exit so the interpreter skips its final pass.

Not a goal of its own: measured beside bench/floor.py to show how much of plancli's lead over
the floor is that policy, and what plancli costs like for like.
"""

import gc

gc.disable()

from floor import app  # noqa: E402  (after gc.disable, as plancli does)

if __name__ == "__main__":
    try:
        app()
    finally:
        gc.freeze()
