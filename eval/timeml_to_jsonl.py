#!/usr/bin/env python3
"""TimeML (TBAQ: TimeBank 1.2 + AQUAINT) and MEANTIME (CAT XML) to JSON Lines of articles plus a gold file.

    python3 eval/timeml_to_jsonl.py tbaq ../shared/data/tbaq OUT_PREFIX
    python3 eval/timeml_to_jsonl.py meantime ../shared/data/meantime/intra_cross-doc_annotation OUT_PREFIX

Writes OUT_PREFIX.jsonl (one article per line: id, text, published = the creation time) and
OUT_PREFIX.gold.json (per article id: its part and its TIMEX3s with byte spans into that text, type,
value). The creation time itself is metadata, not an expression of the text, and is left out.
Article texts come from ../shared and must not be committed: write the output under /tmp.

Split (stated once, used by eval/timebank.py): `part` is "dev" for TimeBank documents whose
position in the sorted TimeBank listing is not a multiple of 4 and for AQUAINT documents at odd
positions in the sorted AQUAINT listing (positions counted from 0: the 2nd, 4th, ... file);
"heldout" for every 4th TimeBank document (positions 0, 4, 8, ...) and the AQUAINT documents at
even positions (0, 2, 4, ...). Rules are tuned on dev only; heldout is measured at the end.
(Until 2026-12-07 every AQUAINT document was heldout, so dev held no AP/NYT/Xinhua news.)
MEANTIME documents are all "meantime" (only the title, dateline and first sentences are
annotated there: `annotated_end` says where annotation stops).
"""
import html
import json
import os
import re
import sys

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def read_tml(path):
    raw = open(path, encoding="utf-8").read()
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        v = re.search(r'value="([^"]*)"', m.group(1))
        dct = v.group(1) if v else None
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = m.group(1) if m else ""
    out = bytearray()
    timexes = []
    open_timex = None
    pos = 0
    for t in TAG.finditer(body):
        out += html.unescape(body[pos:t.start()]).encode("utf-8")
        pos = t.end()
        closing, name, attrs, selfclose = t.group(1), t.group(2), t.group(3), t.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if open_timex is not None:
                a, start = open_timex
                timexes.append({"start": start, "end": len(out), "type": a.get("type", ""),
                                "value": a.get("value", ""), "tid": a.get("tid", "")})
                open_timex = None
        elif not selfclose:
            open_timex = (dict(ATTR.findall(attrs)), len(out))
    out += html.unescape(body[pos:]).encode("utf-8")
    text = out.decode("utf-8")
    # leading blank lines are kept (offsets stay those of the stripped TimeML)
    for tx in timexes:
        s = out[tx["start"]:tx["end"]].decode("utf-8")
        # a span's own leading or trailing white space is not part of it
        lead = len(s.encode()) - len(s.lstrip().encode())
        trail = len(s.encode()) - len(s.rstrip().encode())
        tx["start"] += lead
        tx["end"] -= trail
        tx["text"] = out[tx["start"]:tx["end"]].decode("utf-8")
    return text, dct, timexes


def tbaq(root):
    docs = []
    tb = sorted(os.listdir(os.path.join(root, "TimeBank")))
    for k, f in enumerate(tb):
        if f.endswith(".tml"):
            docs.append(("TimeBank", f, "heldout" if k % 4 == 0 else "dev"))
    aq = sorted(os.listdir(os.path.join(root, "AQUAINT")))
    for k, f in enumerate(aq):
        if f.endswith(".tml"):
            docs.append(("AQUAINT", f, "dev" if k % 2 == 1 else "heldout"))
    for sub, f, part in docs:
        text, dct, timexes = read_tml(os.path.join(root, sub, f))
        yield {"id": f"{sub}/{f}", "text": text, "published": dct}, {"part": part, "timexes": timexes}


def xml_attr(tag, name):
    m = re.search(r' %s="([^"]*)"' % name, tag)
    return m.group(1) if m else None


def meantime(root):
    glue = {",", ".", ":", ";", "%", ")", "'s", "'", "n't", "?", "!"}
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(root) for f in fs if f.endswith(".xml"))
    for path in files:
        xml = open(path, encoding="utf-8").read()
        text, spans, sentence = "", {}, None
        for m in re.finditer(r"<token ([^>]*)>(.*?)</token>", xml, re.S):
            tag, word = m.group(1), html.unescape(m.group(2))
            tid, s = xml_attr(" " + tag, "t_id"), xml_attr(" " + tag, "sentence")
            if tid is None or s is None:
                continue
            if sentence != s:
                if sentence is not None:
                    text += "\n"
                sentence = s
            elif not (word in glue or text.endswith("(") or text.endswith("$")):
                text += " "
            b = len(text.encode())
            spans[int(tid)] = (b, b + len(word.encode()))
            text += word
        dct, timexes = None, []
        for m in re.finditer(r"<TIMEX3 ([^>]*?)(/?)>(.*?)(?=</TIMEX3>|<TIMEX3 |</Markables>)", xml, re.S):
            tag, selfclose, body = " " + m.group(1), m.group(2), m.group(3)
            if selfclose:
                continue
            ids = [int(i) for i in re.findall(r't_id="(\d+)"', body)]
            ss = [spans[i] for i in ids if i in spans]
            value = xml_attr(tag, "value") or ""
            if xml_attr(tag, "functionInDocument") == "CREATION_TIME":
                dct = value
                dct_span = (min(s for s, _ in ss), max(e for _, e in ss)) if ss else None
                continue
            if ss:
                s, e = min(a for a, _ in ss), max(b for _, b in ss)
                timexes.append({"start": s, "end": e, "type": (xml_attr(tag, "type") or "").upper(),
                                "value": value, "text": text.encode()[s:e].decode()})
        # MEANTIME annotates the title, the dateline and the first four sentences only
        nl = [i for i, c in enumerate(text.encode()) if c == 10]
        annotated_end = nl[5] if len(nl) > 5 else len(text.encode())
        ignore = [list(dct_span)] if dct and dct_span else []
        yield ({"id": os.path.relpath(path, root), "text": text, "published": dct},
               {"part": "meantime", "timexes": timexes, "annotated_end": annotated_end, "ignore": ignore})


def main():
    kind, root, prefix = sys.argv[1:4]
    gen = tbaq(root) if kind == "tbaq" else meantime(root)
    gold = {}
    with open(prefix + ".jsonl", "w", encoding="utf-8") as f:
        for art, g in gen:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
            gold[art["id"]] = g
    json.dump(gold, open(prefix + ".gold.json", "w"), indent=0)
    n = sum(len(g["timexes"]) for g in gold.values())
    print(f"{len(gold)} documents, {n} TIMEX3 -> {prefix}.jsonl, {prefix}.gold.json")


if __name__ == "__main__":
    main()
