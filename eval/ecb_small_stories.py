#!/usr/bin/env python3
"""Small inputs on ECB+: do a few articles on one event, analysed alone, form one story?

    python3 eval/ecb_small_stories.py [PARALLAX_BINARY] [ECBPLUS_DOCS_JSONL] [--n 5]

For every ECB+ event (`seminal_event`) with at least N articles, its first N articles (file order)
are written to a file of their own and analysed with `parallax analyze --format json`; the figure
is how many of these inputs come out as exactly one story (the journalist's usual case: a handful
of reports on one event). The events that split are listed with their story counts.
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary", nargs="?", default="target/release/parallax")
    ap.add_argument("docs", nargs="?", default="../shared/data/ecbplus/ecbplus_docs.jsonl")
    ap.add_argument("--n", type=int, default=5)
    args = ap.parse_args()
    by_event = collections.defaultdict(list)
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            by_event[json.loads(line)["seminal_event"]].append(line)
    counts, split = collections.Counter(), []
    with tempfile.TemporaryDirectory() as tmp:
        for event, lines in sorted(by_event.items()):
            if len(lines) < args.n:
                continue
            path = os.path.join(tmp, f"{event}.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                out.write("".join(lines[: args.n]))
            run = subprocess.run([args.binary, "analyze", "--format", "json", path], capture_output=True, text=True)
            stories = len(json.loads(run.stdout)["stories"])
            counts[stories] += 1
            if stories != 1:
                split.append(f"{event}:{stories}")
    total = sum(counts.values())
    print(f"events with >= {args.n} articles: {total}; their first {args.n} alone form one story: "
          f"{counts[1]}/{total} = {counts[1] / max(1, total):.3f}; stories per input: {dict(sorted(counts.items()))}")
    print("split:", " ".join(split))


if __name__ == "__main__":
    main()
