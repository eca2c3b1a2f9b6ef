#!/usr/bin/env python3
"""Duplicate detection: gold, edited copies, Parallax vs datasketch MinHashLSH side by side.

Builds a dev stream from a JSONL corpus (default: the BBC corpus): every record, then edited
copies of a random sample (changed headline, dropped paragraph, added dateline, added footer,
or all four). Gold groups: texts identical after normalisation (case, spacing, punctuation:
"exact", as a normalised-content hash sees them), plus connected components of pairs whose
word 5-shingle Jaccard is >= 0.5 ("near"), plus each edited copy with its original.
Runs Parallax's one-pass deduper (crates/story/examples/dedup_bench.rs) and datasketch's
MinHashLSH (128 permutations, threshold 0.5, same shingles, query-then-insert in one pass),
and prints pair precision / recall / F1 (pairs within groups) and articles/s for both.

python3 tools/dedup_eval.py [CORPUS.jsonl] [--edits 300] [--target DIR]
"""
import argparse, collections, itertools, json, os, random, re, subprocess, sys, time

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return [w.lower() for w in WORD.findall(text.replace("_", " "))]


def shingles(text, k=5):
    w = words(text)
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def edit(rec, kind, rng):
    paras = [p for p in rec["text"].split("\n\n") if p.strip()]
    title = rec.get("title") or ""
    if kind in ("drop", "all") and len(paras) > 3:
        paras.pop(rng.randrange(1, len(paras)))
    if kind in ("dateline", "all"):
        paras[0] = "LONDON, March 3 (Wire) - " + paras[0]
    if kind in ("footer", "all"):
        paras.append("Copyright 2005 Wire Services. All rights reserved. Follow us for more business news.")
    if kind in ("headline", "all"):
        title = "UPDATED: " + " ".join(reversed(title.split()))
    return {"id": f"edit/{rec['id']}/{kind}", "title": title, "text": "\n\n".join(paras)}


class Groups:
    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)

    def pairs(self, ids):
        by = collections.defaultdict(list)
        for i in ids:
            by[self.find(i)].append(i)
        return {tuple(sorted(p)) for g in by.values() for p in itertools.combinations(g, 2)}


def score(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (pred {len(pred)}, gold {len(gold)}, tp {tp})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default="/work/shared/data/bbc/bbc_fulltext.jsonl")
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--target", default=os.environ.get("CARGO_TARGET_DIR", "target"))
    ap.add_argument("--out", default="/tmp/dedup_dev.jsonl")
    a = ap.parse_args()
    rng = random.Random(3)
    recs = [json.loads(l) for l in open(a.corpus) if l.strip()]
    kinds = ["headline", "drop", "dateline", "footer", "all"]
    edits = [edit(r, kinds[i % len(kinds)], rng) for i, r in enumerate(rng.sample(recs, min(a.edits, len(recs))))]
    stream = recs + edits
    with open(a.out, "w") as f:
        for r in stream:
            f.write(json.dumps(r) + "\n")
    ids = [r["id"] for r in stream]

    # gold
    exact, near = Groups(), Groups()
    first = {}
    for r in recs:
        t = " ".join(words(r["text"]))  # normalised content: exact after case, spacing and punctuation
        if t in first:
            exact.union(r["id"], first[t])
            near.union(r["id"], first[t])
        else:
            first[t] = r["id"]
    sh = {r["id"]: shingles(r["text"]) for r in recs}
    index = collections.defaultdict(list)
    for i, s in sh.items():
        for g in s:
            index[g].append(i)
    seen = set()
    for docs in index.values():
        if len(docs) > 50:
            continue
        for x, y in itertools.combinations(docs, 2):
            if (x, y) in seen:
                continue
            seen.add((x, y))
            j = len(sh[x] & sh[y]) / len(sh[x] | sh[y])
            if j >= 0.5:
                near.union(x, y)
    for e in edits:
        orig = e["id"].split("/", 1)[1].rsplit("/", 1)[0]
        exact.union(e["id"], orig)
        near.union(e["id"], orig)
    gold_exact, gold_near = exact.pairs(ids), near.pairs(ids)

    # Parallax
    pairs_file = "/tmp/dedup_parallax.tsv"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "-p", "parallax-story", "--example", "dedup_bench", "--", a.out,
         "--out", pairs_file], cwd=root, capture_output=True, text=True, env={**os.environ, "CARGO_TARGET_DIR": a.target})
    print("parallax:", out.stdout.strip(), out.stderr.strip()[-300:])
    mine = Groups()
    for l in open(pairs_file):
        x, y = l.rstrip("\n").split("\t")
        mine.union(x, y)
    mine_pairs = mine.pairs(ids)

    # datasketch
    from datasketch import MinHash, MinHashLSH
    best = None
    for _ in range(2):
        t = time.perf_counter()
        lsh = MinHashLSH(threshold=0.5, num_perm=128)
        theirs = Groups()
        for r in stream:
            s = shingles(r["text"])
            m = MinHash(num_perm=128)
            m.update_batch([g.encode() for g in s])
            hits = lsh.query(m)
            if hits:
                theirs.union(r["id"], theirs.find(min(hits, key=ids.index)))
            else:
                lsh.insert(r["id"], m)
        el = time.perf_counter() - t
        best = el if best is None else min(best, el)
    print(f"datasketch: {len(stream)} articles, {best * 1000:.1f} ms, {len(stream) / best:.0f} articles/s (best of 2)")
    ds_pairs = theirs.pairs(ids)
    print(f"stream: {len(recs)} corpus records + {len(edits)} edited copies")
    for name, gold in (("exact+edited gold", gold_exact), ("near (J>=0.5)+edited gold", gold_near)):
        print(f"{name}:\n  parallax   {score(mine_pairs, gold)}\n  datasketch {score(ds_pairs, gold)}")
    only_edits = {p for p in gold_exact if p[0].startswith("edit/") or p[1].startswith("edit/")}
    print(f"edited-copy pairs found: parallax {len(mine_pairs & only_edits)}/{len(only_edits)}, "
          f"datasketch {len(ds_pairs & only_edits)}/{len(only_edits)}")


if __name__ == "__main__":
    main()
