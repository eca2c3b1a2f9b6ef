#!/usr/bin/env python3
"""Events on MEANTIME (English): event mention detection and cross-document event coreference.

    python3 eval/meantime_events.py [PARALLAX_BINARY] [MEANTIME_DIR]

For each of the four topic corpora (airbus, apple, gm, stock) the articles are rebuilt from their
tokens (as `meantime_entities.py` does), given their document creation time as publication date,
analysed with `parallax analyze --one-story` (a topic's articles as one story, so the story
timeline is what merges events across articles), and compared with the gold annotation
(intra_cross-doc_annotation):

- mention precision: system event triggers inside the annotated extent (MEANTIME annotates the
  opening sentences; the extent ends where its last markable ends) that overlap a gold
  EVENT_MENTION;
- mention recall: gold EVENT_MENTIONs (all classes: speech, grammatical, other) overlapped by a
  system trigger; and recall over the gold mentions of events that more than one article
  reports (the ones a cross-source timeline is for);
- coreference: over the gold mentions the system found, B-cubed precision / recall / F1 of the
  system's story event (the timeline entry citing the trigger's sentence) against the gold
  cross-document event instance.
"""
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from meantime_entities import char_to_byte, rebuild_text  # noqa: E402


def load(path):
    root = ET.parse(path).getroot()
    body, offsets = rebuild_text(root)
    markables = root.find("Markables")
    mentions, instances, dct, extent = {}, {}, None, 0
    for el in markables:
        anchors = [offsets[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in offsets]
        for a in anchors:
            extent = max(extent, a[1])
        if el.tag == "EVENT_MENTION" and anchors:
            mentions[el.get("m_id")] = (min(a[0] for a in anchors), max(a[1] for a in anchors))
        elif el.tag == "EVENT":
            instances[el.get("m_id")] = el.get("instance_id")
        elif el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            dct = el.get("value")
    gold = {}  # m_id -> (start, end, instance)
    for rel in root.find("Relations") or []:
        if rel.tag != "REFERS_TO":
            continue
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        for src in rel.findall("source"):
            if src.get("m_id") in mentions:
                start, end = mentions[src.get("m_id")]
                gold[src.get("m_id")] = (start, end, instances[target.get("m_id")])
    for m_id, (start, end) in mentions.items():
        gold.setdefault(m_id, (start, end, f"{root.get('doc_id')}:{m_id}"))
    return root.get("doc_id"), body, list(gold.values()), extent, dct


def b3(items):
    gold, system = defaultdict(set), defaultdict(set)
    for i, (g, s) in enumerate(items):
        gold[g].add(i)
        system[s].add(i)
    if not items:
        return 0.0, 0.0, 0.0
    p = sum(len(gold[g] & system[s]) / len(system[s]) for g, s in items) / len(items)
    r = sum(len(gold[g] & system[s]) / len(gold[g]) for g, s in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/parallax"
    root = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data/meantime") / "intra_cross-doc_annotation"
    sys_in = sys_hit = gold_total = gold_found = multi_total = multi_found = 0
    items = []
    for corpus in sorted(root.iterdir()):
        docs = [load(p) for p in sorted(corpus.glob("*.xml"))]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for doc_id, body, _, _, dct in docs:
                record = {"id": doc_id, "text": body}
                if dct:
                    record["published"] = dct
                f.write(json.dumps(record) + "\n")
            jsonl = f.name
        out = subprocess.run([binary, "analyze", "--one-story", jsonl], capture_output=True, text=True)
        if out.returncode not in (0, 3):
            sys.exit(f"meantime_events: parallax failed on {corpus.name}: {out.stderr[:300]}")
        analysis = json.loads(out.stdout)
        story_event = {}
        for st in analysis["stories"]:
            for k, ev in enumerate(st.get("events") or []):
                for s in ev.get("sources") or []:
                    story_event.setdefault((s["article"], ev["kind"], s["sentence"]), f"{corpus.name}:{st['id']}:{k}")
        articles_of = defaultdict(set)
        for doc_id, _, gold, _, _ in docs:
            for _, _, inst in gold:
                articles_of[inst].add(doc_id)
        by_id = {a["source"]: a for a in analysis["articles"]}
        for doc_id, body, gold, extent, _ in docs:
            art = by_id.get(doc_id)
            b = char_to_byte(body)
            events = (art or {}).get("events") or []
            found = [False] * len(gold)
            for ev in events:
                start, end = ev["trigger"]["start"], ev["trigger"]["end"]
                hits = [i for i, (gs, ge, _) in enumerate(gold) if b[gs] < end and start < b[ge]]
                if start < b[extent]:
                    sys_in += 1
                    sys_hit += bool(hits)
                cluster = story_event.get((doc_id, ev["kind"], ev.get("sentence")), f"single:{doc_id}:{start}")
                for i in hits:
                    if not found[i]:
                        found[i] = True
                        items.append((gold[i][2], cluster))
            for i, (_, _, inst) in enumerate(gold):
                gold_total += 1
                gold_found += found[i]
                if len(articles_of[inst]) >= 2:
                    multi_total += 1
                    multi_found += found[i]
    p, r, f = b3(items)
    print(f"event mentions: precision {sys_hit}/{sys_in} = {sys_hit / max(1, sys_in):.3f}  "
          f"recall {gold_found}/{gold_total} = {gold_found / max(1, gold_total):.3f}  "
          f"recall of events reported by 2+ articles {multi_found}/{multi_total} = {multi_found / max(1, multi_total):.3f}")
    print(f"cross-document event coreference over found mentions ({len(items)}): B3 P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
