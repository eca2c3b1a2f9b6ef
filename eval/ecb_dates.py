#!/usr/bin/env python3
"""Publication dates and outlets of ECB+ articles: does Parallax find every one the article states?

Usage: python3 eval/ecb_dates.py [--parallax BIN] [--docs ECB_JSONL] [--list]

Runs `parallax analyze --format json` on the ECB+ articles that carry a URL (the ECB+ half of the
corpus; ECB's own articles have neither URL nor date), then checks each article independently of
Parallax's rules:

- a date is *stated* when the URL holds one (`/2011/11/10/`, `2011-11-10`, `/2009/apr/28/`,
  `20110415`), or when a short line near the top or the bottom of the text (a date line, at most
  100 characters, within the first 8 or last 4 lines) holds a full date with its year in a common
  English form ("March 4, 2009", "4 March 2009", "Tue, 10 Nov 2011", "2009-03-04", "03/04/2009");
- a stated date is *found* when Parallax gives the article a `published` date that is not
  inferred (`published_from` other than `inferred` or `unknown`);
- an outlet is *named* when `outlet` is set; every article with a URL should have one.

Prints the counts and, with `--list`, every article whose stated date was not found (with the
line or URL that states it), so that each can be read and explained.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
YEAR = r"(?:19[89]\d|20[0-3]\d)"
TEXT_DATE = re.compile(
    rf"\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}\b"  # March 4, 2009
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS},?\s+{YEAR}\b"  # 4 March 2009
    rf"|\b{YEAR}-\d\d-\d\d\b"  # 2009-03-04
    rf"|\b\d{{1,2}}/\d{{1,2}}/{YEAR}\b",  # 03/04/2009
    re.IGNORECASE,
)
URL_DATE = re.compile(
    rf"/{YEAR}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/|$)"
    rf"|{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|/{YEAR}/{MONTHS}/\d{{1,2}}/"
    rf"|(?<!\d){YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)",
    re.IGNORECASE,
)


def stated(doc):
    """The URL or line that states a date, or None."""
    url = doc.get("url") or ""
    if URL_DATE.search(url):
        return "url: " + url
    lines = [l.strip() for l in doc.get("text", "").splitlines() if l.strip()]
    for line in lines[:8] + lines[-4:]:
        if len(line) <= 100 and TEXT_DATE.search(line):
            return "line: " + line
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parallax", default=os.path.join(ROOT, "target", "release", "parallax"))
    ap.add_argument("--docs", default=os.path.join(ROOT, "..", "shared", "data", "ecbplus", "ecbplus_docs.jsonl"))
    ap.add_argument("--list", action="store_true", help="list every stated date not found")
    args = ap.parse_args()

    docs = []
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("url"):
                docs.append({"id": d["id"], "url": d["url"], "title": d.get("title"), "text": d["text"]})
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "ecbplus_urls.jsonl")
        out = os.path.join(tmp, "out.json")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        subprocess.run([args.parallax, "analyze", "--format", "json", inp, "-o", out], check=True)
        with open(out, encoding="utf-8") as f:
            result = json.load(f)
    by_id = {a.get("id") or a["source"]: a for a in result["articles"]}

    n_stated = n_found = n_outlet = n_dated = 0
    missed = []
    sources = {}
    for d in docs:
        a = by_id.get(d["id"], {})
        if a.get("outlet"):
            n_outlet += 1
        frm = a.get("published_from", "unknown")
        found = a.get("published") and frm not in ("inferred", "unknown")
        n_dated += bool(found)
        if found:
            sources[frm] = sources.get(frm, 0) + 1
        why = stated(d)
        if why:
            n_stated += 1
            if found:
                n_found += 1
            else:
                missed.append((d["id"], why))
    print(f"articles with a URL        {len(docs)}")
    print(f"outlet named               {n_outlet} / {len(docs)}")
    print(f"dated (not inferred)       {n_dated} / {len(docs)}  by source: {sources}")
    print(f"date stated (URL or line)  {n_stated}")
    print(f"stated date found          {n_found} / {n_stated}")
    if args.list:
        for i, why in missed:
            print(f"MISSED\t{i}\t{why[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
