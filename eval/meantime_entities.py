#!/usr/bin/env python3
"""Entities on MEANTIME (English): entity-type F1 and cross-document identity B-cubed.

    python3 eval/meantime_entities.py [PARALLAX_BINARY] [MEANTIME_DIR]

For each of the four topic corpora (airbus, apple, gm, stock) the articles are rebuilt from their
tokens, analysed with `parallax analyze --one-story` (all articles of a topic as one story), and
compared with the gold annotation (intra_cross-doc_annotation):

- entity-type F1: gold NAM (proper-name) mentions of PER / ORG / LOC against the system's name
  mentions of person / organization / location; a mention matches when the spans overlap and the
  types agree.
- cross-document identity: over gold NAM mentions of PER and ORG that the system found (overlap,
  any type), B-cubed precision / recall / F1 of the system's story entity ids against the gold
  instance ids, per topic and pooled; mention recall is reported beside it.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
ALIGN = os.environ.get("ALIGN", "typed")


def rebuild_text(root):
    """The article text from its tokens (a space between tokens, a line break between sentences)
    and each token id's character span in it."""
    text, offsets, last_sentence, pos = [], {}, None, 0
    for tok in root.iter("token"):
        sentence = tok.get("sentence")
        if last_sentence is not None:
            sep = "\n" if sentence != last_sentence else " "
            text.append(sep)
            pos += len(sep)
        word = tok.text or ""
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        text.append(word)
        pos += len(word)
        last_sentence = sentence
    return "".join(text), offsets


def load(path):
    root = ET.parse(path).getroot()
    body, offsets = rebuild_text(root)
    markables = root.find("Markables")
    mentions = {}
    instances = {}
    for el in markables:
        if el.tag == "ENTITY_MENTION":
            anchors = [offsets[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in offsets]
            if anchors:
                mentions[el.get("m_id")] = (min(a[0] for a in anchors), max(a[1] for a in anchors), el.get("syntactic_type"))
        elif el.tag == "ENTITY":
            instances[el.get("m_id")] = (el.get("instance_id"), el.get("ent_type"))
    # MEANTIME annotates only the opening sentences: the extent is where its last markable ends
    extent = 0
    for el in markables:
        for a in el.findall("token_anchor"):
            if a.get("t_id") in offsets:
                extent = max(extent, offsets[a.get("t_id")][1])
    gold = []
    for rel in root.find("Relations") or []:
        if rel.tag != "REFERS_TO":
            continue
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        instance, etype = instances[target.get("m_id")]
        for src in rel.findall("source"):
            m = mentions.get(src.get("m_id"))
            if m and m[2] == "NAM":
                gold.append((m[0], m[1], instance, etype))
    return root.get("doc_id"), body, gold, extent


def char_to_byte(text):
    out, b = [], 0
    for ch in text:
        out.append(b)
        b += len(ch.encode("utf-8"))
    out.append(b)
    return out


def pick(hits, etype, start, end):
    """The system mention a gold mention is aligned with: among those overlapping it, one of the
    gold's type if any (a gold "Airbus chief executive Noel Forgeard" is the person, not the
    company named inside it), then the largest overlap, then the first. Before 2026-12-06 the
    first overlapping mention was taken; `ALIGN=first` restores that."""
    if ALIGN == "first":
        return hits[0]
    overlap = lambda h: min(h[1], end) - max(h[0], start)
    return max(hits, key=lambda h: (h[2] == etype, overlap(h), -h[0]))


def dump(corpus, items):
    """With DUMP=1: each gold instance split over several system ids, and each system id
    holding several gold instances (with mention counts), for reading the identity errors."""
    by_gold, by_sys = defaultdict(lambda: defaultdict(int)), defaultdict(lambda: defaultdict(int))
    for g, s in items:
        by_gold[g][s] += 1
        by_sys[s][g] += 1
    for g, ss in sorted(by_gold.items(), key=lambda x: str(x[0])):
        if len(ss) > 1:
            print(f"  {corpus} SPLIT {g}: " + ", ".join(f"{s} x{n}" for s, n in sorted(ss.items(), key=lambda x: -x[1])))
    for s, gs in sorted(by_sys.items(), key=lambda x: str(x[0])):
        if len(gs) > 1:
            print(f"  {corpus} MERGED {s}: " + ", ".join(f"{g} x{n}" for g, n in sorted(gs.items(), key=lambda x: -x[1])))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/parallax"
    root = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data/meantime") / "intra_cross-doc_annotation"
    type_tp = type_sys = type_gold = type_found = 0
    pooled_p = pooled_r = 0.0
    pooled_n = found_total = gold_total = 0
    for corpus in sorted(root.iterdir()):
        docs = [load(p) for p in sorted(corpus.glob("*.xml"))]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for doc_id, body, _, _ in docs:
                f.write(json.dumps({"id": doc_id, "text": body}) + "\n")
            jsonl = f.name
        out = subprocess.run([binary, "analyze", "--one-story", jsonl], capture_output=True, text=True, check=True)
        analysis = json.loads(out.stdout)
        by_id = {a["source"]: a for a in analysis["articles"]}
        items = []  # (gold instance, system id)
        for doc_id, body, gold, extent in docs:
            art = by_id.get(doc_id)
            if art is None:
                continue
            b = char_to_byte(body)
            sys_mentions = []
            for e in art["entities"]:
                for m in e["mentions"]:
                    if m.get("kind") == "name":
                        sys_mentions.append((m["start"], m["end"], e["type"], e.get("id") or f"{doc_id}:{e['name']}"))
            for s in sys_mentions:
                if s[2] in ("person", "organization", "location") and s[0] < b[extent]:
                    type_sys += 1
            for start, end, instance, etype in gold:
                bs, be = b[start], b[end]
                hits = [s for s in sys_mentions if s[0] < be and bs < s[1]]
                if etype in TYPES:
                    type_gold += 1
                    type_tp += any(h[2] == TYPES[etype] for h in hits)
                    type_found += bool(hits)
                if etype in ("PER", "ORG"):
                    gold_total += 1
                    if hits:
                        items.append((instance, pick(hits, TYPES[etype], bs, be)[3]))
        found_total += len(items)
        if os.environ.get("DUMP"):
            dump(corpus.name, items)
        gold_clusters, sys_clusters = defaultdict(set), defaultdict(set)
        for i, (g, s) in enumerate(items):
            gold_clusters[g].add(i)
            sys_clusters[s].add(i)
        p = r = 0.0
        for i, (g, s) in enumerate(items):
            both = len(gold_clusters[g] & sys_clusters[s])
            p += both / len(sys_clusters[s])
            r += both / len(gold_clusters[g])
        n = max(1, len(items))
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{corpus.name:15} docs {len(docs):3}  PER/ORG name mentions found {len(items)}  B3 P {p/n:.3f} R {r/n:.3f} F1 {f/n:.3f}")
        pooled_p += p
        pooled_r += r
        pooled_n += len(items)
    P, R = pooled_p / max(1, pooled_n), pooled_r / max(1, pooled_n)
    print(f"cross-document identity (PER+ORG name mentions, pooled): B3 P {P:.3f} R {R:.3f} F1 {2*P*R/(P+R) if P+R else 0:.3f}; mention recall {found_total}/{gold_total} = {found_total/max(1,gold_total):.3f}")
    tp_p = type_tp / max(1, type_sys)
    tp_r = type_tp / max(1, type_gold)
    print(f"entity type (PER/ORG/LOC name mentions): P {tp_p:.3f} R {tp_r:.3f} F1 {2*tp_p*tp_r/(tp_p+tp_r) if tp_p+tp_r else 0:.3f}"
          " (P is a lower bound: MEANTIME marks only entities taking part in annotated events)")
    print(f"type accuracy on found gold name mentions: {type_tp}/{type_found} = {type_tp/max(1,type_found):.3f}")


if __name__ == "__main__":
    main()
