#!/usr/bin/env python3
"""Event mentions and cross-document event coreference on ECB+ (odd topics), through `parallax analyze`.

    python3 eval/ecb_events.py [--bin target/release/parallax] [--data ../shared/data/ecbplus] [--json]

Gold (`DATA/xml/`, see its README): every event mention (`ACTION_*` and `NEG_*` markables) in the
sentences the annotators covered (`ECBplus_coreference_sentences.csv`), and the real-world event
it belongs to: the instance of its `CROSS_DOC_COREF` relation, else of its `INTRA_DOC_COREF`
chain, else itself.

System: the articles of the odd topics (`DATA/ecbplus_docs.jsonl`) analysed together, as a user
would; every article event is a mention at its trigger, and two mentions are one event when the
story timeline reports both sentences under one event.

- Mention detection: a trigger matches a gold mention when their character spans overlap.
  Precision counts the triggers inside covered sentences; recall counts every gold mention, and
  again only those of the seminal events (instances mentioned in two or more articles), the
  events a timeline is for.
- Cross-document coreference: B-cubed precision, recall and F1 over the matched mentions (gold
  clusters: instances; system clusters: timeline events, a mention outside every listed event
  being a singleton). MUC and CEAF (for a CoNLL F1) are not computed.

Parallax finds a closed set of event kinds (meetings, calls, visits, speeches, elections,
attacks, agreements, votes); ECB+ annotates every action, so recall is low by design and the
seminal-event recall is the figure to watch.
"""
import argparse
import csv
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_gold(xml_dir):
    """Per document: tokens [(t_id, sentence, text)], event mentions {m_id: [t_id]}, instance per m_id."""
    covered = set()
    with open(os.path.join(xml_dir, "ECBplus_coreference_sentences.csv")) as f:
        for row in csv.DictReader(f):
            covered.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    docs = {}
    for topic in sorted(os.listdir(xml_dir)):
        tdir = os.path.join(xml_dir, topic)
        if not os.path.isdir(tdir):
            continue
        for name in sorted(os.listdir(tdir)):
            if not name.endswith(".xml"):
                continue
            doc_id = name[:-4]
            root = ET.parse(os.path.join(tdir, name)).getroot()
            tokens = [(int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
            events = {}
            markables = root.find("Markables")
            for m in markables if markables is not None else []:
                anchors = [int(a.get("t_id")) for a in m.findall("token_anchor")]
                if anchors and (m.tag.startswith("ACTION_") or m.tag.startswith("NEG_")):
                    events[m.get("m_id")] = anchors
            instance = {}
            relations = root.find("Relations")
            for r in relations if relations is not None else []:
                target = r.find("target")
                key = r.get("note") if r.tag == "CROSS_DOC_COREF" else f"{doc_id}:{target.get('m_id') if target is not None else r.get('r_id')}"
                for s in r.findall("source"):
                    if r.tag == "CROSS_DOC_COREF" or s.get("m_id") not in instance:
                        instance[s.get("m_id")] = key
            sentence_of = {t: s for t, s, _ in tokens}
            mentions = []
            for m_id, anchors in events.items():
                sentence = sentence_of.get(anchors[0])
                if (doc_id, sentence) in covered:
                    mentions.append((m_id, anchors, instance.get(m_id, f"{doc_id}:{m_id}")))
            docs[doc_id] = {"tokens": tokens, "mentions": mentions,
                            "covered": {s for (d, s) in covered if d == doc_id}}
    return docs


def align(tokens, text):
    """Character span of each word token id in `text`: the word sequences of the annotation and
    of the (cleaned) text are aligned as sequences (difflib), so words the text lacks (a leading
    URL, a dropped line) are skipped without derailing the rest."""
    pieces = []  # (t_id, first word of the token)
    for t_id, _, form in tokens:
        words = re.findall(r"\w+", form)
        if words:
            pieces.append((t_id, words[0]))
    text_words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    matcher = difflib.SequenceMatcher(None, [w for _, w in pieces], [w for w, _, _ in text_words], autojunk=False)
    spans = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            t_id = pieces[a + k][0]
            _, start, end = text_words[b + k]
            spans[t_id] = (start, end)
    return spans


def char_offsets(text):
    """Byte offset -> character offset for `text` (UTF-8)."""
    out = {}
    b = 0
    for i, ch in enumerate(text):
        out[b] = i
        b += len(ch.encode("utf-8"))
    out[b] = len(text)
    return out


def b3(pairs):
    """B-cubed P, R, F1 over items given as (gold cluster, system cluster)."""
    gold, system = defaultdict(set), defaultdict(set)
    for i, (g, s) in enumerate(pairs):
        gold[g].add(i)
        system[s].add(i)
    if not pairs:
        return None, None, None
    p = sum(len(gold[g] & system[s]) / len(system[s]) for g, s in pairs) / len(pairs)
    r = sum(len(gold[g] & system[s]) / len(gold[g]) for g, s in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "ecbplus"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--topics", help="only these topics, e.g. 1,5,9 (the articles of the others are left out)")
    ap.add_argument("--dump", action="store_true", help="list every system event cluster holding several gold events")
    args = ap.parse_args()
    gold = read_gold(os.path.join(args.data, "xml"))
    if args.topics:
        keep = {t.strip() for t in args.topics.split(",")}
        gold = {d: g for d, g in gold.items() if d.split("_")[0] in keep}
    with tempfile.TemporaryDirectory() as tmp:
        subset = os.path.join(tmp, "odd_topics.jsonl")
        with open(os.path.join(args.data, "ecbplus_docs.jsonl")) as src, open(subset, "w") as out:
            for line in src:
                if json.loads(line)["id"] in gold:
                    out.write(line)
        run = subprocess.run([args.bin, "analyze", "--format", "json", subset], capture_output=True)
        if run.returncode not in (0, 3):
            sys.exit(f"ecb_events: parallax failed: {run.stderr.decode()[:500]}")
        analysis = json.loads(run.stdout)
    # story event of each (article, sentence text)
    story_event = {}
    for st in analysis["stories"]:
        for k, ev in enumerate(st.get("events") or []):
            for s in ev.get("sources") or []:
                story_event.setdefault((s["article"], ev["kind"], s["sentence"]), f"{st['id']}:{k}")
    sys_in_covered = sys_matched = 0
    gold_total = gold_found = 0
    seminal_total = seminal_found = 0
    articles_of = defaultdict(set)
    for doc_id, g in gold.items():
        for _, _, inst in g["mentions"]:
            articles_of[inst].add(doc_id)
    pairs = []
    labels = []
    by_kind = defaultdict(lambda: [0, 0])
    for art in analysis["articles"]:
        doc_id = art["source"]
        g = gold.get(doc_id)
        if g is None:
            continue
        text = art["text"]
        spans = align(g["tokens"], text)
        to_char = char_offsets(text)
        sentence_of_char = []
        for t_id, sentence, _ in g["tokens"]:
            if t_id in spans:
                sentence_of_char.append((spans[t_id][0], sentence))
        gold_spans = []
        for m_id, anchors, inst in g["mentions"]:
            cs = [spans[t] for t in anchors if t in spans]
            gold_spans.append((min(a for a, _ in cs), max(b for _, b in cs), inst) if cs else None)
        found = [False] * len(gold_spans)
        for ev in art.get("events") or []:
            start, end = to_char.get(ev["trigger"]["start"]), to_char.get(ev["trigger"]["end"])
            if start is None or end is None:
                continue
            sentence = max((s for c, s in sentence_of_char if c <= start), default=None)
            hits = [i for i, gs in enumerate(gold_spans) if gs and gs[0] < end and start < gs[1]]
            if sentence in g["covered"]:
                sys_in_covered += 1
                sys_matched += bool(hits)
                by_kind[ev["kind"]][0] += 1
                by_kind[ev["kind"]][1] += bool(hits)
            cluster = story_event.get((doc_id, ev["kind"], ev["sentence"]), f"single:{doc_id}:{start}")
            for i in hits:
                if not found[i]:
                    found[i] = True
                    pairs.append((gold_spans[i][2], cluster))
                    labels.append(f"{doc_id}: {ev['kind']} «{text[start:end]}» in: {ev['sentence'][:120]}")
        for i, (_, _, inst) in enumerate(g["mentions"]):
            gold_total += 1
            gold_found += found[i]
            if len(articles_of[inst]) >= 2:
                seminal_total += 1
                seminal_found += found[i]
    # gold mentions of articles parallax did not output count as missed (none expected)
    p = sys_matched / sys_in_covered if sys_in_covered else None
    r = gold_found / gold_total if gold_total else None
    bp, br, bf = b3(pairs)
    figures = {
        "articles": sum(1 for a in analysis["articles"] if a["source"] in gold),
        "gold_mentions": gold_total,
        "system_triggers_in_covered_sentences": sys_in_covered,
        "mention_precision": p,
        "mention_recall": r,
        "seminal_mentions": seminal_total,
        "seminal_mention_recall": seminal_found / seminal_total if seminal_total else None,
        "coref_mentions": len(pairs),
        "coref_b3_precision": bp,
        "coref_b3_recall": br,
        "coref_b3_f1": bf,
        "precision_by_kind": {k: round(m / n, 3) for k, (n, m) in sorted(by_kind.items()) if n},
    }
    if args.dump:
        members = defaultdict(list)
        for (inst, cluster), label in zip(pairs, labels):
            members[cluster].append((inst, label))
        for cluster, ms in sorted(members.items()):
            if len({inst for inst, _ in ms}) > 1:
                print(f"cluster {cluster}:")
                for inst, label in ms:
                    print(f"  [{inst}] {label}")
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for k, v in figures.items():
        print(f"{k:40s} {round(v, 4) if isinstance(v, float) else v}")


if __name__ == "__main__":
    main()
