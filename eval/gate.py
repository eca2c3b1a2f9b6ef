#!/usr/bin/env python3
"""Checks seed scores against eval/floors.json.

    python3 eval/gate.py SCORES.json FLOORS.json

SCORES.json is the output of `score.py GOLD ANALYSIS --json`. Prints one line per measure and
exits 1 when any score is below its floor (or above its ceiling).
"""
import json
import sys


def main():
    scores = json.load(open(sys.argv[1], encoding="utf-8"))["scores"]
    floors = json.load(open(sys.argv[2], encoding="utf-8"))
    failed = 0
    for name, floor in floors.get("min", {}).items():
        got = scores.get(name)
        ok = got is not None and got >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:24} {got!s:>8} >= {floor}")
    for name, ceiling in floors.get("max", {}).items():
        got = scores.get(name)
        ok = got is not None and got <= ceiling
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:24} {got!s:>8} <= {ceiling}")
    print(f"seed gate: {'passed' if not failed else f'{failed} measure(s) below the floor'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
