#!/usr/bin/env python3
"""Count hand-written word literals inline in Rust source (issue 11's measure of word lists without a home).

    python3 tools/count_word_literals.py [crates]            # totals
    python3 tools/count_word_literals.py [crates] --files    # per file

Counts, outside `#[cfg(test)]` modules and test/example files: string literals of up to 40 characters made of
letters, spaces, apostrophes, hyphens and dots (words and short phrases) that stand inside a `const`/`static`
array of `&str`, or as alternatives of a `|` pattern (`"a" | "b"`), or as the items of a `.contains(&...)` /
`matches!` list. Also counts the `const`/`static` `&[&str]` lists themselves and the `|` alternatives.
"""
import os
import re
import sys

WORD = r'"[A-Za-z][A-Za-z \'’.\-]{0,39}"'
LIST = re.compile(r'(?:const|static)\s+\w+\s*:\s*&(?:\'static\s+)?\[&(?:\'static\s+)?str\]\s*=\s*&?\[(.*?)\];', re.S)
ALT = re.compile(WORD + r'(?:\s*\|\s*' + WORD + r')+')
ARRAY = re.compile(r'\[\s*(' + WORD + r'(?:\s*,\s*' + WORD + r')+)\s*,?\s*\]')


def strip_tests(src):
    # drop #[cfg(test)] mod blocks (to the end of file when the module is inline and last, the common shape)
    m = re.search(r'#\[cfg\(test\)\]\s*mod\s+\w+\s*\{', src)
    return src[: m.start()] if m else src


def count(src):
    src = strip_tests(src)
    words = 0
    lists = 0
    seen = set()
    for m in LIST.finditer(src):
        lists += 1
        n = len(re.findall(WORD, m.group(1)))
        words += n
        seen.add((m.start(), m.end()))
    alts = 0
    for m in ALT.finditer(src):
        if any(a <= m.start() < b for a, b in seen):
            continue
        n = len(re.findall(WORD, m.group(0)))
        alts += n
        words += n
    for m in ARRAY.finditer(src):
        if any(a <= m.start() < b for a, b in seen):
            continue
        words += len(re.findall(WORD, m.group(1)))
    return words, lists, alts


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "crates"
    per_file = "--files" in sys.argv
    total = [0, 0, 0]
    for dirpath, _, files in os.walk(root):
        if "/tests" in dirpath or "/examples" in dirpath or "/benches" in dirpath:
            continue
        for name in sorted(files):
            if not name.endswith(".rs") or name == "tests.rs":
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                w, l, a = count(f.read())
            total = [total[0] + w, total[1] + l, total[2] + a]
            if per_file and w:
                print(f"{w:6} words {l:4} lists {a:5} alternatives  {path}")
    print(f"inline word literals: {total[0]} (in {total[1]} const/static lists; {total[2]} as `|` alternatives)")


if __name__ == "__main__":
    main()
