#!/usr/bin/env python3
"""Pathological inputs against `parallax analyze`: time, peak memory and output size of each,
beside ordinary prose of the same size.

    python3 tools/pathological.py [--size-kb 1000] [--binary target/release/parallax]

Every input is generated here (no corpus text): prose from a small word list, the same without
punctuation, capitalised words, quotation marks, nested brackets, many paragraphs, HTML nested
10,000 deep, a table of 100,000 cells. Prints a Markdown table with each row's ratio to the prose
of the same size (the bar: time within 10x, memory within 5x).
"""

import argparse
import os
import random
import subprocess
import tempfile
import time

WORDS = "the council said minister report on tuesday police talks vote people city".split()


def prose(n_bytes, rng):
    out, size = [], 0
    while size < n_bytes:
        s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + "."
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


def inputs(n_bytes):
    rng = random.Random(7)
    caps = [w.capitalize() for w in WORDS]
    yield "prose (baseline)", "txt", prose(n_bytes, rng)
    yield "no punctuation", "txt", " ".join(rng.choice(WORDS) for _ in range(n_bytes // 6))
    yield "capitalised words", "txt", " ".join(rng.choice(caps) for _ in range(n_bytes // 7))
    yield "quotation marks", "txt", '"' * n_bytes
    yield "nested brackets", "txt", "(" * (n_bytes // 2) + "word" + ")" * (n_bytes // 2)
    paras = []
    while sum(len(p) + 2 for p in paras) < n_bytes:
        paras.append(prose(80, rng))
    yield "one sentence per paragraph", "txt", "\n\n".join(paras)
    depth = 10_000
    body = prose(max(n_bytes - depth * 11, 1000), rng)
    yield "HTML nested 10,000 deep", "html", "<html><body>" + "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth + "</body></html>"
    cells = max(n_bytes // 20, 1)
    rows = "".join("<tr>" + "".join(f"<td>cell {r} {c}</td>" for c in range(10)) + "</tr>" for r in range(cells // 10))
    yield f"table of {cells:,} cells", "html", f"<html><body><table>{rows}</table></body></html>"


def run(binary, path, out):
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", binary, "analyze", path, "-o", out],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    secs = time.perf_counter() - start
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return secs, peak_kb, os.path.getsize(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-kb", type=int, default=1000)
    ap.add_argument("--binary", default="target/release/parallax")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, ext, text in inputs(args.size_kb * 1000):
            path = os.path.join(tmp, f"input.{ext}")
            with open(path, "w") as f:
                f.write(text)
            secs, peak, out = run(args.binary, path, os.path.join(tmp, "out.json"))
            rows.append((name, len(text.encode()), secs, peak, out))
        base = rows[0]
        print("| input | size | time | peak memory | output | time / prose | memory / prose |")
        print("|---|---|---|---|---|---|---|")
        for name, size, secs, peak, out in rows:
            print(
                f"| {name} | {size / 1e6:.2f} MB | {secs:.2f} s | {peak / 1024:.0f} MiB | {out / 1e6:.2f} MB "
                f"| {secs / base[2]:.1f}x | {peak / base[3]:.1f}x |"
            )


if __name__ == "__main__":
    main()
