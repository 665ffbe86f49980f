"""Run every benchmark module and write ``_build/bench/results.json``.

Each module ``benchmarks/bench_*.py`` exposes ``run() -> list[dict]``; a row has
``name``, ``ours_s``, ``baseline_s`` (or None), ``ratio`` (baseline / ours, or None),
``target`` (plain words) and ``met`` (bool). A row measuring something other than seconds
uses ``ours``/``baseline`` with a ``unit`` (for example ``"KB"``). Ratios are measured within one run, because
these machines are shared and absolute times are not comparable from run to run.
Run one module: ``python -m benchmarks load``.
"""

import importlib
import json
import pkgutil
import sys
from pathlib import Path

import benchmarks

OUT = Path("_build/bench/results.json")


def main(selected: list[str]) -> int:
    rows = []
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_")
    )
    for name in names:
        if selected and name.removeprefix("bench_") not in selected:
            continue
        print(f"== {name}", flush=True)
        rows.extend(importlib.import_module(f"benchmarks.{name}").run())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\n{'benchmark':<52} {'ours':>10} {'baseline':>10} {'unit':>4} {'ratio':>8}  target")
    for r in rows:
        unit = r.get("unit", "s")
        ours = r.get("ours_s", r.get("ours"))
        base = r.get("baseline_s", r.get("baseline"))
        base = "" if base is None else f"{base:.4g}"
        ratio = "" if r.get("ratio") is None else f"{r['ratio']:.1f}x"
        flag = "ok  " if r.get("met") else "MISS"
        print(
            f"{r['name']:<52} {ours:>10.4g} {base:>10} {unit:>4} {ratio:>8}  {flag} {r.get('target', '')}"
        )
    print(f"\nwritten {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
