#!/usr/bin/env python3
"""Derives the entity lexicons in crates/lexicon/data/entities/ from CoNLL-2003 (train).

    python3 tools/build_entity_lexicons.py ../shared/data/conll2003/train.txt

Writes common_words.txt (words seen in lower case at least three times), first_names.txt (first tokens of multi-word PER names seen at least twice),
locations_conll.txt and organizations_conll.txt (LOC / ORG names seen at least three times and
never tagged with another type more often). Only names and counts are kept, never article text.
"""
import collections
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates/lexicon/data/entities"


def entities(path):
    words, tags = [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            yield from spans(words, tags)
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    yield from spans(words, tags)


def spans(words, tags):
    cur, typ = [], None
    for w, t in zip(words + ["."], tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != typ):
            if cur:
                yield typ, cur
            cur, typ = ([w], t[2:]) if t != "O" else ([], None)
        else:
            cur.append(w)


def main():
    first = collections.Counter()
    lower = collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        parts = line.split()
        if parts and parts[0].isalpha() and parts[0].islower():
            lower[parts[0]] += 1
    by_name = collections.defaultdict(collections.Counter)
    for typ, toks in entities(sys.argv[1]):
        name = " ".join(toks)
        by_name[name][typ] += 1
        if typ == "PER" and len(toks) >= 2:
            f = toks[0]
            if f.isalpha() and f[0].isupper() and not f.isupper() and len(f) > 1:
                first[f] += 1
    OUT.mkdir(parents=True, exist_ok=True)
    names = sorted(n for n, c in first.items() if c >= 2)
    (OUT / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    for typ, fname in (("LOC", "locations_conll.txt"), ("ORG", "organizations_conll.txt")):
        keep = sorted(
            n for n, c in by_name.items()
            if c[typ] >= 3 and c[typ] == max(c.values()) and not n.isupper() or (c[typ] >= 3 and n.isupper() and len(n) <= 5 and c[typ] == max(c.values()))
        )
        (OUT / fname).write_text("\n".join(keep) + "\n", encoding="utf-8")
    common = sorted(w for w, c in lower.items() if c >= 3)
    (OUT / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(names)} first names; wrote {OUT}")


if __name__ == "__main__":
    main()
