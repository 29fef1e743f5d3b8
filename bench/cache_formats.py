"""What it costs to rebuild a validated plan from a cache entry, four ways (bench/README.md).

    python bench/cache_formats.py [--targets N] [--repeat R]

On the shipped plan (or a generated one of N targets): reading plancli's entry (JSON, records
rebuilt from the models' annotations without validation: what plancli does), the same JSON
rebuilt with pydantic's `model_construct` recursively, JSON of `model_dump` validated again with
`model_validate` (in a new process: the first validation also builds pydantic's validators, which
plancli defers until a file is validated), and, for comparison only, `pickle.loads` of the
plan (what plancli did before; unsafe with a file others can write). Best of R, GC off as in
plancli's process; each way is checked to give the same records.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import subprocess
import sys
import tempfile
import time
import typing
from pathlib import Path

from plancli.loading import cacheformat, loader
from plancli.loading.files import default_data_dir
from plancli.model import models

HERE = Path(__file__).resolve().parent
# The plan's fields that hold pydantic records (user_actuals is empty here, warnings are none).
RECORD_FIELDS = (
    "meta",
    "chapters_file",
    "indicators",
    "actuals",
    "exclusions",
    "glossary",
    "english",
)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def construct_decoder(tp):
    """A rebuild with model_construct, recursing by the same annotations."""
    if isinstance(tp, type) and issubclass(tp, models.Record):
        nested = {name: construct_decoder(f.annotation) for name, f in tp.model_fields.items()}

        def record(value: dict):
            return tp.model_construct(
                **{k: (nested[k](v) if nested[k] else v) for k, v in value.items()}
            )

        return record
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, cacheformat.Enum):
        return tp
    if origin is list:
        item = construct_decoder(args[0])
        return (lambda v: [item(x) for x in v]) if item else None
    if origin is dict:
        item = construct_decoder(args[1])
        return (lambda v: {k: item(x) for k, x in v.items()}) if item else None
    if origin in (typing.Union, cacheformat.types.UnionType):
        inner = next((construct_decoder(a) for a in args if a is not type(None)), None)
        return (lambda v: None if v is None else inner(v)) if inner else None
    return None


VALIDATE = """
import json, sys, time, gc
gc.disable()
from plancli.model import models, translation
doc = json.loads(open(sys.argv[1], "rb").read())
files = {"meta": models.PlanFile, "chapters_file": models.ChaptersFile}
lists = {"indicators": (models.TargetsFile, "indicators"),
         "actuals": (models.ActualsFile, "actuals"),
         "exclusions": (models.ExclusionsFile, "exclusions"),
         "glossary": (translation.GlossaryFile, "terms"),
         "english": (translation.EnglishFile, "paragraphs")}
def run():
    for name, cls in files.items():
        cls.model_validate(doc[name])
    for name, (cls, key) in lists.items():
        if name in doc:
            cls.model_validate({key: doc[name]})
start = time.perf_counter(); run(); first = time.perf_counter() - start
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter(); run(); times.append(time.perf_counter() - start)
print(first * 1000, min(times) * 1000)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--targets", type=int, default=0, help="a generated plan (default: shipped)")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    gc.disable()
    with tempfile.TemporaryDirectory() as tmp:
        data = default_data_dir()
        if args.targets:
            sys.path.insert(0, str(HERE))
            from gen_plan import generate

            data = Path(tmp, "plan")
            generate(args.targets, data)
        plan = loader.load_plan(data)
        key = "0" * 64
        entry = cacheformat.encode(key, plan)
        text = plan.outline.text
        dumped = {
            name: (
                [r.model_dump(mode="json", exclude_unset=True) for r in getattr(plan, name)]
                if isinstance(getattr(plan, name), list)
                else getattr(plan, name).model_dump(mode="json", exclude_unset=True)
            )
            for name in RECORD_FIELDS
            if getattr(plan, name) is not None
        }
        plain = json.dumps(dumped, ensure_ascii=False).encode()
        pickled = pickle.dumps(plan, protocol=pickle.HIGHEST_PROTOCOL)
        decoders = {n: construct_decoder(cacheformat.RECORDS[n]) for n in dumped}

        def construct():
            doc = json.loads(plain)
            return {n: decoders[n](doc[n]) for n in decoders}

        ours = cacheformat.decode(key, entry, data, text)
        built = construct()
        assert ours.indicators == plan.indicators == built["indicators"]
        assert ours.chapters_file == plan.chapters_file == built["chapters_file"]
        repeat = args.repeat if not args.targets or args.targets < 50_000 else 3
        rows = [
            (
                "plancli's entry (JSON, rebuilt)",
                len(entry),
                best(lambda: cacheformat.decode(key, entry, data, text), repeat),
            ),
            ("JSON + model_construct", len(plain), best(construct, repeat)),
        ]
        path = Path(tmp, "plain.json")
        path.write_bytes(plain)
        out = subprocess.run(
            [sys.executable, "-c", VALIDATE, str(path), str(repeat)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        first, again = float(out[0]), float(out[1])
        rows.append(("JSON + model_validate, first in a run", len(plain), first))
        rows.append(("JSON + model_validate, validators built", len(plain), again))
        rows.append(
            (
                "pickle.loads (unsafe: for comparison)",
                len(pickled),
                best(lambda: pickle.loads(pickled), repeat),
            )
        )
    n_targets = len(plan.target_by_id)
    print(f"{n_targets:,} targets; best of {repeat}, GC off")
    print(f"   {'way':<42} {'bytes':>12} {'ms':>9}")
    for name, size, ms in rows:
        print(f"   {name:<42} {size:>12,} {ms:9.2f}")


if __name__ == "__main__":
    main()
