#!/usr/bin/env python3
"""TempEval-3-style scores of Parallax's `times` output against TimeML gold (TBAQ or MEANTIME).

    python3 eval/timeml_to_jsonl.py tbaq ../shared/data/tbaq /tmp/t-tbaq
    target/release/parallax analyze --format json /tmp/t-tbaq.jsonl -o /tmp/t-tbaq.out.json
    python3 eval/timebank.py /tmp/t-tbaq.gold.json /tmp/t-tbaq.out.json --part dev   # tune here
    python3 eval/timebank.py /tmp/t-tbaq.gold.json /tmp/t-tbaq.out.json --part heldout
    (--show miss,extra,value,type,span lists the differences; --json prints the scores)

The whole pipeline's output is scored (what users get): each article's `times` (byte spans into
the cleaned `text`, mapped back onto the converter's text by locating the cleaned text in it).

Measures, as TempEval-3 (UzZaman et al. 2013) scores them:
* strict span P/R/F1: same start and end; relaxed span P/R/F1: spans overlap. Matching is one to
  one (each gold expression pairs with at most one system expression, best overlap first).
* type accuracy and value accuracy: over relaxed matches, the share with the gold type / value.
* value F1 (TempEval-3's "value" attribute F1): a relaxed match with the same value counts;
  P over all system expressions, R over all gold expressions.
* per type (DATE, TIME, DURATION, SET): recall over gold of that type, precision over system
  expressions of that type, value accuracy on the gold type's matches.

MEANTIME: only its annotated part counts (title, dateline and first sentences: `annotated_end`)
and a system expression over the dateline (the creation time, `ignore`) is neither counted nor
penalised, as `crates/analyze/examples/times_meantime.rs` does.

The output follows TimeBank's conventions where TimeBank and MEANTIME differ (README.md,
Measuring, lists them); scores are not adjusted for either corpus.
"""
import argparse
import difflib
import json
import sys
from collections import Counter, defaultdict

TYPES = ["DATE", "TIME", "DURATION", "SET"]


def offset_map(src, out):
    """A function from byte offsets in the output text to byte offsets in the source text."""
    sb, ob = src.encode(), out.encode()
    at = sb.find(ob)
    if at >= 0:
        return lambda x: x + at
    sm = difflib.SequenceMatcher(None, sb, ob, autojunk=False)
    blocks = sm.get_matching_blocks()

    def f(x):
        for a, b, n in blocks:
            if b <= x <= b + n:
                return a + (x - b)
        return None

    return f


def prf(hit_p, n_sys, hit_r, n_gold):
    p = hit_p / n_sys if n_sys else 0.0
    r = hit_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("analysis")
    ap.add_argument("--source", help="the converter's JSONL (default: GOLD with .gold.json -> .jsonl)")
    ap.add_argument("--part", help="score only documents of this part (dev, heldout, meantime)")
    ap.add_argument("--prefix", help="score only documents whose id starts with this (TimeBank/, AQUAINT/)")
    ap.add_argument("--show", default="", help="comma list of miss,extra,value,type,span,hit to print")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    gold = json.load(open(args.gold))
    source = args.source or args.gold.replace(".gold.json", ".jsonl")
    texts = {}
    for line in open(source, encoding="utf-8"):
        a = json.loads(line)
        texts[a["id"]] = a["text"]
    analysis = json.load(open(args.analysis))
    show = set(filter(None, args.show.split(",")))
    c = Counter()
    per = defaultdict(Counter)
    for art in analysis["articles"]:
        aid = art.get("id") or art.get("source")
        g = gold.get(aid)
        if g is None or (args.part and g["part"] != args.part):
            continue
        if args.prefix and not aid.startswith(args.prefix):
            continue
        src = texts[aid]
        sb = src.encode()
        f = offset_map(src, art.get("text") or "")
        limit = g.get("annotated_end", len(sb))
        ignore = g.get("ignore", [])
        sys_t = []
        for t in art.get("times") or []:
            s, e = f(t["start"]), f(t["end"])
            if s is None or e is None:
                continue
            if s >= limit or any(s < b and a < e for a, b in ignore):
                continue
            sys_t.append({"start": s, "end": e, "type": (t.get("type") or "").upper(), "value": t.get("value") or "",
                          "text": sb[s:e].decode("utf-8", "replace")})
        gold_t = [x for x in g["timexes"] if x["start"] < limit]
        c["docs"] += 1
        c["gold"] += len(gold_t)
        c["sys"] += len(sys_t)
        for x in gold_t:
            per[x["type"]]["gold"] += 1
        for x in sys_t:
            per[x["type"]]["sys"] += 1
        # one-to-one relaxed matching, largest overlap first
        pairs = []
        for gi, x in enumerate(gold_t):
            for si, y in enumerate(sys_t):
                ov = min(x["end"], y["end"]) - max(x["start"], y["start"])
                if ov > 0:
                    pairs.append((-ov, gi, si))
        pairs.sort()
        gm, sm = {}, {}
        for _, gi, si in pairs:
            if gi not in gm and si not in sm:
                gm[gi], sm[si] = si, gi
        line = lambda at: src[max(0, src.rfind("\n", 0, at) + 1):][:160].replace("\n", " ")
        for gi, x in enumerate(gold_t):
            si = gm.get(gi)
            if si is None:
                if "miss" in show:
                    print(f"MISS  {x['type']:8} {x['text']!r:32} gold {x['value']:14} | {aid} {g.get('dct','')}")
                continue
            y = sys_t[si]
            c["relaxed"] += 1
            per[x["type"]]["relaxed"] += 1
            per[y["type"]]["relaxed_sys"] += 1
            strict = x["start"] == y["start"] and x["end"] == y["end"]
            c["strict"] += strict
            if not strict and "span" in show:
                print(f"SPAN  {x['text']!r:32} got {y['text']!r:32} | {aid}")
            if x["type"] == y["type"]:
                c["type"] += 1
            elif "type" in show:
                print(f"TYPE  {x['text']!r:32} gold {x['type']:8} got {y['type']:8} {y['value']} | {aid}")
            if x["value"] == y["value"]:
                c["value"] += 1
                if "hit" in show:
                    print(f"HIT   {y['type']:8} {y['text']!r:32} got {y['value']:14} | {aid}")
                per[x["type"]]["value"] += 1
                per[y["type"]]["value_sys"] += 1
            elif "value" in show:
                print(f"VALUE {x['type']:8} {x['text']!r:32} gold {x['value']:14} got {y['value']:14} | {aid}")
        for si, y in enumerate(sys_t):
            if si not in sm and "extra" in show:
                print(f"EXTRA {y['type']:8} {y['text']!r:32} got {y['value']:14} | {aid}")
    sp, sr, sf = prf(c["strict"], c["sys"], c["strict"], c["gold"])
    rp, rr, rf = prf(c["relaxed"], c["sys"], c["relaxed"], c["gold"])
    vp, vr, vf = prf(c["value"], c["sys"], c["value"], c["gold"])
    m = max(c["relaxed"], 1)
    scores = {
        "part": args.part or "all", "docs": c["docs"], "gold": c["gold"], "system": c["sys"],
        "strict": {"p": sp, "r": sr, "f1": sf}, "relaxed": {"p": rp, "r": rr, "f1": rf},
        "type_accuracy": c["type"] / m, "value_accuracy": c["value"] / m,
        "value": {"p": vp, "r": vr, "f1": vf}, "per_type": {},
    }
    for ty in TYPES:
        q = per[ty]
        p, r, f1 = prf(q["relaxed_sys"], q["sys"], q["relaxed"], q["gold"])
        vp_, vr_, vf_ = prf(q["value_sys"], q["sys"], q["value"], q["gold"])
        scores["per_type"][ty] = {"gold": q["gold"], "system": q["sys"], "relaxed": {"p": p, "r": r, "f1": f1},
                                  "value_accuracy": q["value"] / max(q["relaxed"], 1), "value_f1": vf_}
    if args.json:
        json.dump(scores, sys.stdout, indent=1)
        print()
        return
    print(f"{scores['part']}: {c['docs']} docs, {c['gold']} gold, {c['sys']} system")
    print(f"strict  span P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    print(f"relaxed span P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    print(f"type accuracy {scores['type_accuracy']:.3f}  value accuracy {scores['value_accuracy']:.3f}  "
          f"value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}")
    for ty, q in scores["per_type"].items():
        print(f"  {ty:8} gold {q['gold']:4} sys {q['system']:4}  relaxed P {q['relaxed']['p']:.3f} "
              f"R {q['relaxed']['r']:.3f} F1 {q['relaxed']['f1']:.3f}  value acc {q['value_accuracy']:.3f} "
              f"value F1 {q['value_f1']:.3f}")


if __name__ == "__main__":
    main()
