#!/usr/bin/env python3
"""Who's who of a few ECB+ topics, for reading: every person entity of each story with its roles.

Usage: python3 eval/whos_who.py [--topics 1,3,5] [--parallax BIN] [--docs ECB_JSONL] [--type person]

Analyses the articles of the chosen topics together (`parallax analyze --format json`), as a user
would, and prints each story's entities of one type (people by default) with their aliases, roles
and how many articles name them. Nothing is scored: a reader checks that every "person" is a
person (no abbreviations such as "W. Va.", no weekday or month fragments, no headline fragments,
no outlets or organisations), that one person is one entity across spellings, and that the roles
are right. The closing notes say which topics were read and what remained.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", default="1,3,5,9,11")
    ap.add_argument("--type", default="person")
    ap.add_argument("--parallax", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--docs", default=os.path.join(ROOT, "..", "shared", "data", "ecbplus", "ecbplus_docs.jsonl"))
    args = ap.parse_args()
    topics = {int(t) for t in args.topics.split(",") if t.strip()}

    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "topics.jsonl")
        out = os.path.join(tmp, "out.json")
        n = 0
        with open(args.docs, encoding="utf-8") as src, open(inp, "w", encoding="utf-8") as dst:
            for line in src:
                d = json.loads(line)
                if d.get("topic") in topics:
                    rec = {"id": d["id"], "title": d.get("title"), "text": d["text"]}
                    if d.get("url"):
                        rec["url"] = d["url"]
                    dst.write(json.dumps(rec) + "\n")
                    n += 1
        subprocess.run([args.parallax, "analyze", "--format", "json", inp, "-o", out], check=True)
        with open(out, encoding="utf-8") as f:
            result = json.load(f)

    print(f"{n} articles of topics {sorted(topics)}, {len(result['stories'])} stories\n")
    total = 0
    for story in result["stories"]:
        people = [e for e in story.get("entities", []) if e.get("type") == args.type]
        if not people:
            continue
        print(f"## {story.get('headline', '')[:90]}  ({len(story.get('articles', []))} articles)")
        for e in sorted(people, key=lambda e: -len(e.get("articles", []))):
            aliases = [a for a in e.get("aliases", []) if a != e["name"]]
            roles = "; ".join(e.get("roles", []))
            extra = f"  aka {', '.join(aliases)}" if aliases else ""
            print(f"- {e['name']} [{e['id']}] in {len(e.get('articles', []))}{extra}" + (f"  — {roles}" if roles else ""))
            total += 1
        print()
    print(f"{total} {args.type} entities listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
