"""plancli's benchmarks: latency against the floor of the stack, `check` at scale, and the
largest hostile inputs the limits allow (docs/limits.md).

    python bench/run.py [--repeat N] [--quick] [--skip-jsonschema] [--only latency|hostile|publish]

Prints medians over repeated, interleaved runs (this machine is shared and noisy) and the
ratios the goals are stated in (bench/README.md). Needs the project installed (`plancli` on
PATH); the check-jsonschema comparison installs nothing itself: `pip install check-jsonschema`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_plan import generate  # noqa: E402

QUERIES = {
    "gap": ["plancli", "gap", "gdp", "--actual", "8000", "--year", "2023"],
    "chapter": ["plancli", "chapter", "2"],
    "score": ["plancli", "score"],
    "check": ["plancli", "check"],
}
FLOOR = [sys.executable, str(HERE / "floor.py")]
FLOOR_GC = [sys.executable, str(HERE / "floor_gc.py")]
FLOOR_OPTIONS = [
    sys.executable,
    str(HERE / "floor_options.py"),
    "gdp",
    "--actual",
    "8000",
    "--year",
    "2023",
]
SCALES = (2_000, 20_000, 100_000)


def base_env() -> dict:
    # As installed for a user: bytecode is cached (this machine's shell sets
    # PYTHONDONTWRITEBYTECODE, which would recompile plancli's modules on every run).
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of cmd."""
    env = env or base_env()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def peak_rss(cmd: list[str], env: dict | None = None) -> float:
    """Peak RSS of a single process, read by GNU time where available."""
    env = env or base_env()
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if not Path(gnu_time).exists():
        return float("nan")
    proc = subprocess.run(
        [gnu_time, "-f", "%M", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        return int(proc.stderr.strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")


def interleaved(commands: dict[str, list[str]], repeat: int, env=None) -> dict[str, float]:
    """Median wall time of each command, running them in turn so noise hits all alike."""
    samples: dict[str, list[float]] = {k: [] for k in commands}
    for cmd in commands.values():  # warm caches (file system, plancli's own)
        timed(cmd, env)
    for _ in range(repeat):
        for name, cmd in commands.items():
            samples[name].append(timed(cmd, env)[0])
    return {k: statistics.median(v) for k, v in samples.items()}


def env_with(**extra: str) -> dict:
    env = base_env()
    env.update(extra)
    return env


def latency(repeat: int) -> dict:
    commands = {"floor": FLOOR, "floor+gc": FLOOR_GC, "floor+opts": FLOOR_OPTIONS, **QUERIES}
    medians = interleaved(commands, repeat)
    floor, like = medians["floor"], medians["floor+gc"]
    print(f"\n1. Latency (median of {repeat}, interleaved), goal ≤ 1.1× floor")
    print("   (floor+gc: the floor with plancli's GC policy, for a like-for-like ratio)")
    print(f"   {'command':<10} {'seconds':>8} {'× floor':>8} {'× floor+gc':>11}")
    for name, t in medians.items():
        print(f"   {name:<10} {t:8.3f} {t / floor:8.2f} {t / like:11.2f}")
    return {
        k: {"seconds": v, "ratio": v / floor, "ratio_floor_gc": v / like}
        for k, v in medians.items()
    }


def bare_parse_cmd(data: Path) -> list[str]:
    code = (
        "import sys, yaml\n"
        "for f in sys.argv[1:]:\n"
        "    yaml.load(open(f, encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
    )
    files = [str(p) for p in sorted(data.glob("*.yaml"))]
    return [sys.executable, "-c", code, *files]


def scale(repeat: int, sizes: tuple[int, ...], jsonschema: bool) -> dict:
    results: dict = {}
    tmp = Path(tempfile.mkdtemp(prefix="plancli-bench-"))
    cache = tmp / "cache"
    print(
        "\n2. check at scale (median of",
        repeat,
        "runs; goal ≤ 1.3× bare parse, < 400 MB, 20k/2k ≤ 12)",
    )
    print(f"   {'targets':>8} {'check':>8} {'cached':>8} {'parse':>8} {'× parse':>8} {'MB':>7}")
    try:
        for n in sizes:
            data = tmp / f"plan{n}"
            generate(n, data)
            check = ["plancli", "--data", str(data), "check"]
            no_cache = env_with(PLANCLI_NO_CACHE="1")
            cached = env_with(PLANCLI_CACHE_DIR=str(cache))
            reps = repeat if n < 100_000 else max(1, repeat // 3)
            med = interleaved({"check": check, "parse": bare_parse_cmd(data)}, reps, no_cache)
            med_cached = interleaved({"cached": check}, reps, cached)["cached"]
            mem = peak_rss(check, no_cache)
            results[n] = {
                "check": med["check"],
                "cached": med_cached,
                "parse": med["parse"],
                "ratio": med["check"] / med["parse"],
                "peak_mb": mem,
            }
            print(
                f"   {n:>8} {med['check']:8.2f} {med_cached:8.2f} {med['parse']:8.2f} "
                f"{med['check'] / med['parse']:8.2f} {mem:7.0f}"
            )
        if 2_000 in results and 20_000 in results:
            ratio = results[20_000]["check"] / results[2_000]["check"]
            print(f"   20k/2k time ratio: {ratio:.1f}")
            results["ratio_20k_2k"] = ratio
        if jsonschema and 20_000 in sizes:
            results["jsonschema"] = peer(tmp / "plan20000", repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def peer(data: Path, repeat: int) -> dict | None:
    """check-jsonschema on the same targets file against plancli's exported schema."""
    exe = shutil.which("check-jsonschema")
    if exe is None:
        print("\n3. check-jsonschema is not installed (pip install check-jsonschema): skipped")
        return None
    schema = data / "targets.schema.json"
    schema.write_text(
        subprocess.run(
            ["plancli", "schema", "targets"], capture_output=True, text=True, check=True
        ).stdout,
        encoding="utf-8",
    )
    peer_cmd = [exe, "--schemafile", str(schema), str(data / "targets.yaml")]
    ours = ["plancli", "--data", str(data), "check"]
    med = interleaved(
        {"plancli": ours, "check-jsonschema": peer_cmd},
        max(1, repeat // 2),
        env_with(PLANCLI_NO_CACHE="1"),
    )
    ratio = med["check-jsonschema"] / med["plancli"]
    print("\n3. 20,000 targets: plancli check vs check-jsonschema (goal: ≥ 5× faster)")
    print(
        f"   plancli {med['plancli']:.2f}s, check-jsonschema {med['check-jsonschema']:.2f}s,"
        f" plancli is {ratio:.1f}× faster"
    )
    return {**med, "ratio": ratio}


def hostile() -> dict:
    """Inputs at (and past) the limits of docs/limits.md, each checked in one run with the
    cache off: time and peak memory against the goals of issue 14."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from plancli.model.limits import MAX_ACTUALS, MAX_EXCLUSIONS, MAX_QUERY_CHARS

    tmp = Path(tempfile.mkdtemp(prefix="plancli-hostile-"))
    env = env_with(PLANCLI_NO_CACHE="1")
    header = "indicator,year,value,unit,scope,source_title,source_url,source_quote\n"
    source = ",Statistical bulletin {n},https://example.org/{n},GDP was {v}\n"
    cases: dict[str, list[str]] = {}
    goals: dict[str, tuple[float, float]] = {}
    try:
        # Actual values: valid rows (each its own indicator, year and scope), rows that are all
        # implausible (a negative GDP: one problem each, every one located), and the issue's
        # 1,000,000 rows, over the limit and refused.
        for name, rows, value in (
            ("actuals, valid", MAX_ACTUALS, "{v}"),
            ("actuals, all implausible", MAX_ACTUALS, "-{v}"),
            ("actuals, 1,000,000 rows", 1_000_000, "{v}"),
        ):
            path = tmp / f"{name.split(',')[1].strip().replace(' ', '_')}.csv"
            with path.open("w", encoding="utf-8") as f:
                f.write(header)
                for n in range(rows):
                    v = 7000 + n % 1000
                    f.write(
                        f"gdp,{2020 + n % 16},{value.format(v=v)},亿元,区{n // 16}"
                        + source.format(n=n, v=v)
                    )
            cases[f"{name} ({min(rows, MAX_ACTUALS + 1):,} read)"] = [
                "plancli",
                "--actuals",
                str(path),
                "check",
            ]
            goals[f"{name} ({min(rows, MAX_ACTUALS + 1):,} read)"] = (30, 1024)
        # Exclusions: the list of `1`s at the limit (a schema problem each), as many
        # real-looking contexts (none in the outline: a problem each), and the 5.9
        # million items (12 MB), refused at the first item past the limit.
        data = HERE.parent / "data"
        for name, items in (
            ("exclusions, [1, 1, …] at the limit", ["1"] * MAX_EXCLUSIONS),
            (
                "exclusions, contexts at the limit",
                [
                    f"{{context: 第{n}项目标{n % 7}亿元, reason: not a target}}"
                    for n in range(MAX_EXCLUSIONS)
                ],
            ),
            ("exclusions, 5.9 million items", ["1"] * 5_900_000),
        ):
            plan = tmp / f"plan{len(cases)}"
            shutil.copytree(data, plan)
            (plan / "exclusions.yaml").write_text(
                "exclusions: [" + ", ".join(items) + "]\n", encoding="utf-8"
            )
            cases[name] = ["plancli", "--data", str(plan), "check"]
            goals[name] = (10, 1024)
        # Search: a text at the length limit, one that matches nothing and one that is a
        # paragraph of the outline (cut to the limit).
        outline = (data / "outline.txt").read_text(encoding="utf-8")
        longest = max(outline.split("\n"), key=len)[:MAX_QUERY_CHARS]
        cases["search, 1,000 characters, no match"] = ["plancli", "search", "研" * MAX_QUERY_CHARS]
        cases[f"search, a paragraph ({len(longest)} characters)"] = ["plancli", "search", longest]
        for name in list(cases)[-2:]:
            goals[name] = (1, 1024)
        results = {}
        print("\n4. Hostile input at the limits (one run each, cache off; goal: seconds, MB)")
        print(f"   {'input':<52} {'seconds':>8} {'MB':>7} {'goal':>12}")
        for name, cmd in cases.items():
            seconds = timed(cmd, env)[0]
            mb = peak_rss(cmd, env)
            limit_s, limit_mb = goals[name]
            met = seconds < limit_s and mb < limit_mb
            results[name] = {"seconds": seconds, "peak_mb": mb, "met": met}
            print(
                f"   {name:<52} {seconds:8.2f} {mb:7.0f} "
                f"{'<' + str(limit_s) + ' s, <1 GB':>12} {'met' if met else 'NOT MET'}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


SITE_GOAL = 10.0  # seconds to build the shipped plan's site (issue 18)


def publish(repeat: int) -> dict:
    """5. Publishing the shipped plan: the site (goal under 10 s), the SQLite database and one
    chart as SVG, each the median of `repeat` runs into a new folder (the cache of validated
    plans on, as a user has it)."""
    tmp = Path(tempfile.mkdtemp(prefix="plancli-publish-"))
    try:
        runs = {"site": [], "sqlite": [], "chart svg": []}
        for n in range(repeat + 1):  # the first run warms the caches and is not counted
            cmds = {
                "site": ["plancli", "site", str(tmp / f"site{n}")],
                "sqlite": ["plancli", "sqlite", str(tmp / f"plan{n}.sqlite")],
                "chart svg": ["plancli", "chart", "gdp", "--output", str(tmp / f"gdp{n}.svg")],
            }
            for name, cmd in cmds.items():
                seconds = timed(cmd)[0]
                if n:
                    runs[name].append(seconds)
        peak = peak_rss(["plancli", "site", str(tmp / "site-rss")])
        medians = {k: statistics.median(v) for k, v in runs.items()}
        site_files = sum(1 for p in (tmp / "site1").rglob("*") if p.is_file())
        print(
            f"\n5. Publishing the shipped plan (median of {repeat}), goal: site < {SITE_GOAL:g} s"
        )
        for name, t in medians.items():
            print(f"   {name:<10} {t:7.2f} s")
        verdict = "met" if medians["site"] < SITE_GOAL else "NOT met"
        print(f"   the site: {site_files} files, peak {peak:.0f} MB — {verdict}")
        return {"seconds": medians, "site_files": site_files, "site_peak_mb": peak}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--quick", action="store_true", help="fewer runs, no 100k plan")
    ap.add_argument("--skip-jsonschema", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--only", choices=["latency", "hostile", "publish"], help="run only this part")
    args = ap.parse_args()
    repeat = 3 if args.quick else args.repeat
    sizes = SCALES[:2] if args.quick else SCALES
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    if args.only == "hostile":
        figures = {"hostile": hostile()}
    elif args.only == "latency":
        figures = {"latency": latency(repeat)}
    elif args.only == "publish":
        figures = {"publish": publish(max(3, repeat // 2))}
    else:
        figures = {
            "latency": latency(repeat),
            "scale": scale(max(3, repeat // 2), sizes, not args.skip_jsonschema),
            "hostile": hostile(),
            "publish": publish(max(3, repeat // 2)),
        }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
