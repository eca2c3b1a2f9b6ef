#!/usr/bin/env python3
"""Runs Python trafilatura on the trafilatura-eval pages and prints the same snippet measures as
`cargo run --release -p parallax-ingest --example extraction_eval`, so the two can be compared.

Pages are read and decoded into memory first (same cheap rule as the Rust example: UTF-8 when the
bytes are valid UTF-8, else Windows-1252 when the page declares a Latin-1 family charset, else
UTF-8 with replacement characters); only `trafilatura.extract(html, url=url)` is timed, single thread.

Usage: python3 tools/extraction_compare.py [--data DIR] [--lang en] [--no-comments] [--limit N]
"""

import argparse
import gzip
import json
import os
import re
import time

LATIN1_FAMILY = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"}

# Small stop-word lists for guessing a page's language from its snippets (same lists as the Rust example).
STOPWORDS = {
    "en": "the and of to is that for with was are this have from not but they which their been has were".split(),
    "de": "der die und das ist nicht mit sich den auch ein eine für auf dem des sie wird werden bei".split(),
    "fr": "le la les et des est une pour dans que qui pas sur par avec sont du au".split(),
    "es": "el la los las y de que en por con una para es del se como más pero".split(),
}


def guess_language(item, page):
    """Language by stop words in the page's snippets; `<html lang>` when the snippets say too little."""
    words = re.findall(r"\w+", " ".join(item.get("with", []) + item.get("without", [])).lower())
    counts = {lang: sum(1 for w in words if w in set(sw)) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=counts.get)
    if counts[best] >= 2:
        return best
    m = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", page[:5000])
    return m.group(1).lower() if m else best if counts[best] > 0 else "?"


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        m = re.search(rb"charset=[\"']?([\w-]+)", raw[:5000], re.I)
        if m and m.group(1).decode("ascii", "replace").lower() in LATIN1_FAMILY:
            return raw.decode("cp1252", errors="replace")
        return raw.decode("utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/extraction/trafilatura-eval")
    ap.add_argument("--lang", help="only pages whose guessed language is this (en, de, ...)")
    ap.add_argument("--no-comments", action="store_true", help="include_comments=False (as trafilatura's comparison.py)")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    import trafilatura  # noqa: PLC0415 (imported late so --help works without it)

    with open(os.path.join(args.data, "evaldata.json"), encoding="utf-8") as f:
        evaldata = json.load(f)
    pages = []
    for url, item in evaldata.items():
        path = os.path.join(args.data, "html", item["file"] + ".gz")
        if not item.get("file") or not os.path.isfile(path):
            continue
        with gzip.open(path) as f:
            page = decode(f.read())
        if args.lang and guess_language(item, page) != args.lang:
            continue
        pages.append((url, item, page))
        if args.limit and len(pages) >= args.limit:
            break

    tp = fn = fp = tn = 0
    page_accuracy = []
    elapsed = 0.0
    cpu = 0.0
    for url, item, page in pages:
        start = time.perf_counter()
        cpu_start = time.process_time()
        if args.no_comments:
            text = trafilatura.extract(page, url=url, include_comments=False)
        else:
            text = trafilatura.extract(page, url=url)
        elapsed += time.perf_counter() - start
        cpu += time.process_time() - cpu_start
        text = text or ""
        p_tp = sum(1 for s in item["with"] if s in text)
        p_fp = sum(1 for s in item["without"] if s in text)
        p_fn = len(item["with"]) - p_tp
        p_tn = len(item["without"]) - p_fp
        tp, fn, fp, tn = tp + p_tp, fn + p_fn, fp + p_fp, tn + p_tn
        total = p_tp + p_fn + p_fp + p_tn
        if total:
            page_accuracy.append((p_tp + p_tn) / total)

    n = len(pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    label = "trafilatura %s (%s)" % (trafilatura.__version__, "include_comments=False" if args.no_comments else "defaults")
    print(f"{label}: {n} pages" + (f" (lang {args.lang})" if args.lang else ""))
    print(f"  with snippets found:      {tp}/{tp + fn} = {recall:.3f}")
    print(f"  without snippets absent:  {tn}/{tn + fp} = {tn / (tn + fp) if tn + fp else 0:.3f}")
    print(f"  tp={tp} fn={fn} fp={fp} tn={tn}")
    print(f"  precision={precision:.3f} recall={recall:.3f} accuracy={accuracy:.3f} f1={f1:.3f}")
    if page_accuracy:
        print(f"  mean per-page accuracy:   {sum(page_accuracy) / len(page_accuracy):.3f}")
    print(f"  extraction time {elapsed:.2f} s, {n / elapsed if elapsed else 0:.1f} pages/s (single thread)")
    print(f"  CPU time {cpu:.2f} s, {n / cpu if cpu else 0:.1f} pages per CPU second")


if __name__ == "__main__":
    main()
