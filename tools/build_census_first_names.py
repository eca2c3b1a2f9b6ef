#!/usr/bin/env python3
"""Derives crates/lexicon/data/entities/first_names_census.tsv from the US Census 1990 first-name
frequency files (public domain), as shipped in the `names` package on PyPI (names-0.3.0):

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    python3 tools/build_census_first_names.py names-0.3.0/names/dist.male.first names-0.3.0/names/dist.female.first \
        names-0.3.0/names/dist.all.last

Each line of a census file is NAME, frequency in percent, cumulative percent, rank. A name is kept
when it is borne by at least MIN_PERCENT of men or of women, and it is not a word that CoNLL-2003
train writes in lower case (`common_words.txt`: "Will", "Hope", "Rose"), nor a place or
organisation name of the shipped gazetteers or a later word of one ("Dallas", "Carolina"), nor more often a surname
than a first name (`dist.all.last`: "Johnson", "Clinton"). Its gender: `m` or `f` when
one sex bears it at least ten times as often as the other, else `u` (no gender).
"""
import sys
from pathlib import Path

MIN_PERCENT = 0.003
OUT = Path(__file__).resolve().parent.parent / "crates/lexicon/data/entities"


def read(path):
    names = {}
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            names[parts[0].capitalize()] = float(parts[1])
    return names


def lines(name):
    for line in open(OUT / name, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            yield line


def main():
    male, female, last = read(sys.argv[1]), read(sys.argv[2]), read(sys.argv[3])
    common = {w.lower() for w in lines("common_words.txt")}
    places = set()
    for f in ("locations_conll.txt", "organizations_conll.txt"):
        places.update(lines(f))
    for f in ("places.tsv", "countries.tsv", "organizations.tsv"):
        for line in lines(f):
            places.update(n for c in line.split("\t") for n in c.split("|") if n)
    # a later word of a place's or body's name is read as a first name after it ("North
    # Carolina RNC member"): left out too
    places.update(w for name in list(places) for w in name.split()[1:])
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_PERCENT or name.lower() in common or name in places or len(name) < 3:
            continue
        if last.get(name, 0.0) > max(m, f):
            continue  # a surname more often than a first name ("Johnson", "Clinton")
        gender = "m" if m >= 10 * f else "f" if f >= 10 * m else "u"
        rows.append(f"{name}\t{gender}")
    header = [
        "# first name\tgender (m, f, or u: the name gives no gender). Derived from the US Census 1990",
        "# first-name files (public domain) by tools/build_census_first_names.py; see that script and",
        "# ../README.md. Names that are common words or known places and bodies are left out.",
    ]
    (OUT / "first_names_census.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
