#!/usr/bin/env python3
"""Compare `parallax analyze` output against a saved baseline, so a refactor can show it changed nothing.

    python3 tools/regress.py save  BASE_DIR [--bin target/quick/parallax]   # write the baseline
    python3 tools/regress.py check BASE_DIR [--bin target/quick/parallax] [--ignore KEY ...]

Runs the binary over the seed story (JSON and brief), BBC, PolNeAR dev and train, and ECB+ (from ../shared/data), and
compares each output with the saved one. `--ignore KEY` drops a key wherever it occurs before comparing (for a
field a change adds on purpose). Prints, per input, `same` or the first differing paths (article source and key).
Exit code 1 when anything differs. Build the binary first: `cargo build --profile quick`.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join("..", "shared", "data")
INPUTS = {
    "seeds.json": ["analyze", "--format", "json", os.path.join("examples", "riyadh")],
    "seeds_brief.md": ["brief", os.path.join("examples", "riyadh")],
    "bbc.json": ["analyze", "--format", "json", os.path.join(DATA, "bbc", "bbc_fulltext.jsonl")],
    "polnear_dev.json": ["analyze", "--format", "json", os.path.join(DATA, "polnear", "polnear_dev.jsonl")],
    "polnear_train.json": ["analyze", "--format", "json", os.path.join(DATA, "polnear", "polnear_train.jsonl")],
    "ecb.json": ["analyze", "--format", "json", os.path.join(DATA, "ecbplus", "ecbplus_docs.jsonl")],
}


def run(binary, args):
    out = subprocess.run([os.path.abspath(binary)] + args, capture_output=True, cwd=ROOT)
    return out.stdout


def strip(value, ignore):
    if isinstance(value, dict):
        return {k: strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [strip(v, ignore) for v in value]
    return value


def diff(a, b, path, found, limit):
    if len(found) >= limit:
        return
    if type(a) is not type(b):
        found.append(f"{path}: {str(a)[:80]!r} -> {str(b)[:80]!r}")
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                found.append(f"{path}.{k}: {'added' if k in b else 'removed'}")
            else:
                diff(a[k], b[k], f"{path}.{k}", found, limit)
    elif isinstance(a, list):
        if len(a) != len(b):
            found.append(f"{path}: {len(a)} items -> {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            label = x.get("source") if isinstance(x, dict) and "source" in x else i
            diff(x, y, f"{path}[{label}]", found, limit)
    elif a != b:
        found.append(f"{path}: {str(a)[:80]!r} -> {str(b)[:80]!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("base")
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "quick", "parallax"))
    parser.add_argument("--ignore", nargs="*", default=[])
    parser.add_argument("--only", nargs="*", default=None, help="names of outputs to run (e.g. seeds.json bbc.json)")
    args = parser.parse_args()
    os.makedirs(args.base, exist_ok=True)
    bad = 0
    for name, cmd in INPUTS.items():
        if args.only and name not in args.only:
            continue
        out = run(args.bin, cmd)
        path = os.path.join(args.base, name)
        if args.mode == "save":
            with open(path, "wb") as f:
                f.write(out)
            print(f"{name}: saved ({len(out)} bytes)")
            continue
        with open(path, "rb") as f:
            saved = f.read()
        if saved == out:
            print(f"{name}: same (byte-identical)")
            continue
        if not name.endswith(".json"):
            bad += 1
            print(f"{name}: DIFFERS")
            continue
        old, new = strip(json.loads(saved), set(args.ignore)), strip(json.loads(out), set(args.ignore))
        if old == new:
            print(f"{name}: same once {args.ignore} are ignored")
            continue
        bad += 1
        found = []
        diff(old, new, "", found, 20)
        print(f"{name}: DIFFERS")
        for line in found:
            print(f"  {line}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
