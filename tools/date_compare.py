#!/usr/bin/env python3
"""Publication-date accuracy of htmldate on the pages date_eval reads, for comparison.

Usage: python3 tools/date_compare.py [--half 0|1] [DIR]   (needs `pip install htmldate`)

DIR (default ../shared/data/extraction/htmldate-eval) holds eval_default.json and
eval_mediacloud_2020.json (url -> {file, date}) with the pages in html/<file>.gz. Runs
htmldate's find_date(html, url=url) in two modes, original_date=True and the default, and prints
per file and overall: accuracy (right / pages), precision (right / predicted), F1 as htmldate's
own evaluation counts it (recall = right / (right + missing)), coverage
(predicted / pages) and pages per second. Pages are decoded as date_eval does (UTF-8, else
Latin-1); pages without a gold date are left out. `--half 0` or `--half 1` keeps the same half of
the pages as date_eval's flag (the low bit of the 64-bit FNV-1a hash of the page's URL).
"""

import gzip
import json
import logging
import os
import sys
import time

from htmldate import find_date


def read_page(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def half_of(url):
    """The half (0 or 1) a page falls in, as date_eval splits them."""
    h = 0xCBF29CE484222325
    for b in url.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h & 1


def run(directory, name, original, half=None):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        gold = json.load(f)
    tally = {"pages": 0, "right": 0, "wrong": 0, "missing": 0, "seconds": 0.0}
    for url, entry in gold.items():
        date = entry.get("date")
        if not isinstance(date, str):
            continue
        if half is not None and half_of(url) != half:
            continue
        page = read_page(os.path.join(directory, "html", entry["file"] + ".gz"))
        start = time.perf_counter()
        try:
            predicted = find_date(page, url=url, original_date=original)
        except Exception:  # htmldate may raise on odd input; count it as no date
            predicted = None
        tally["seconds"] += time.perf_counter() - start
        tally["pages"] += 1
        if predicted is None:
            tally["missing"] += 1
        elif predicted[:10] == date:
            tally["right"] += 1
        else:
            tally["wrong"] += 1
    return tally


def show(label, t):
    predicted = t["right"] + t["wrong"]
    ratio = lambda a, b: a / b if b else 0.0
    p, r = ratio(t["right"], predicted), ratio(t["right"], t["right"] + t["missing"])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"{label:<40} pages {t['pages']:>4}  right {t['right']:>4}  wrong {t['wrong']:>3}  "
        f"missing {t['missing']:>3}  accuracy {ratio(t['right'], t['pages']):.3f}  "
        f"precision {ratio(t['right'], predicted):.3f}  coverage {ratio(predicted, t['pages']):.3f}  F1 {f1:.3f}  "
        f"{ratio(t['pages'], t['seconds']):.0f} pages/s"
    )


def main():
    logging.disable(logging.CRITICAL)
    args = sys.argv[1:]
    half = None
    if "--half" in args:
        i = args.index("--half")
        half = int(args[i + 1])
        del args[i : i + 2]
    directory = args[0] if args else "../shared/data/extraction/htmldate-eval"
    for original in (True, False):
        mode = "original_date=True" if original else "default"
        total = {"pages": 0, "right": 0, "wrong": 0, "missing": 0, "seconds": 0.0}
        for name in ("eval_default.json", "eval_mediacloud_2020.json"):
            t = run(directory, name, original, half)
            show(f"{mode} {name}", t)
            for k in total:
                total[k] += t[k]
        show(f"{mode} overall", total)


if __name__ == "__main__":
    main()
