#!/usr/bin/env python3
"""Generate a large JSON Lines or WARC input from the BBC articles, to measure throughput and memory.

The BBC set (../shared/data/bbc/bbc_fulltext.jsonl) is repeated until the output reaches the
requested size. Each copy gets a new id (and URL) and small edits, so copies are not byte-identical:
one number in the text is changed, two paragraphs may swap, and a short sentence naming the copy is
added. Nothing is written into the repository: give an output path outside it (e.g. /tmp).

    python3 tools/make_big_input.py jsonl /tmp/big.jsonl --size-mb 1024
    python3 tools/make_big_input.py warc /tmp/big.warc --size-mb 1024
    python3 tools/make_big_input.py warc /tmp/big.warc.gz --size-mb 1024   # one gzip member per record
    python3 tools/make_big_input.py jsonl /tmp/mixed.jsonl --size-mb 1024 --pathological-every 500

With `--pathological-every N` (JSON Lines only), one of `tools/pathological.py`'s inputs (no
punctuation, capitalised words, quotation marks, nested brackets, many paragraphs, HTML nested
10,000 deep, a table of cells; `--pathological-kb` each, 256 by default) follows every N articles,
in turn, as `text` or `html`.

The WARC holds, per article, a `request` record (skipped by the reader) and a `response` record
with an HTTP header and an HTML page built from the article (title, paragraphs, a navigation bar
and a footer); every tenth page is served as windows-1252 (declared in the HTTP header).
Output is deterministic for a given seed.
"""

import argparse
import gzip
import html
import json
import random
import re
import sys
import uuid
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parent.parent.parent / "shared/data/bbc/bbc_fulltext.jsonl"


def load_articles(path):
    """The BBC records: id, category, title, text."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def edited(article, copy, rng):
    """A copy of the article's text with small edits; `copy` numbers the repetition."""
    paragraphs = [p for p in article["text"].split("\n\n") if p.strip()]
    if len(paragraphs) > 3 and rng.random() < 0.5:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    text = "\n\n".join(paragraphs)
    numbers = list(re.finditer(r"\b\d+\b", text))
    if numbers:
        m = rng.choice(numbers)
        text = text[: m.start()] + str(int(m.group()) + copy % 7 + 1) + text[m.end():]
    return text + f"\n\nThis report was updated for edition {copy}."


def page(title, text, charset):
    """An HTML page for one article."""
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n"))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{html.escape(title)} - News</title></head>\n<body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
        f"<article><h1>{html.escape(title)}</h1>\n{paras}</article>\n"
        "<footer><p>Share this page</p><p>Copyright notice and privacy policy.</p></footer>"
        "</body></html>\n"
    )


def warc_record(kind, uri, date, block, content_type):
    header = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=random.getrandbits(128))}>\r\n"
        f"WARC-Date: {date}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode("ascii")
    return header + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["jsonl", "warc"])
    ap.add_argument("output", type=Path)
    ap.add_argument("--size-mb", type=float, default=1024.0, help="stop once the output reaches this size")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the BBC JSON Lines file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pathological-every", type=int, default=0, metavar="N")
    ap.add_argument("--pathological-kb", type=int, default=256)
    args = ap.parse_args()
    odd = []
    if args.pathological_every:
        if args.kind != "jsonl":
            ap.error("--pathological-every needs jsonl")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import pathological

        odd = [(name, kind, text) for name, kind, text in pathological.inputs(args.pathological_kb * 1024)
               if not name.startswith("prose")]
    n_odd = 0

    articles = load_articles(args.source)
    rng = random.Random(args.seed)
    random.seed(args.seed)
    limit = int(args.size_mb * (1 << 20))
    gz = args.output.suffix == ".gz"
    written = 0
    count = 0
    with open(args.output, "wb") as out:
        copy = 0
        while written < limit:
            copy += 1
            for a in articles:
                if written >= limit:
                    break
                text = edited(a, copy, rng)
                ident = f"{a['id']}#{copy}"
                url = f"https://news.example.com/{a['id']}/{copy}"
                day = f"2005-{(copy % 12) + 1:02d}-{(count % 28) + 1:02d}"
                if args.kind == "jsonl":
                    rec = {"id": ident, "url": url, "title": a["title"], "text": text, "published": day,
                           "outlet": "BBC News"}
                    data = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
                else:
                    charset = "windows-1252" if count % 10 == 9 else "utf-8"
                    body = page(a["title"], text, charset).encode(charset, errors="replace")
                    http = (
                        "HTTP/1.1 200 OK\r\n"
                        f"Content-Type: text/html; charset={charset}\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n"
                    ).encode("ascii") + body
                    date = f"{day}T12:00:00Z"
                    get = f"GET /{a['id']}/{copy} HTTP/1.1\r\nHost: news.example.com\r\n\r\n".encode("ascii")
                    records = [
                        warc_record("request", url, date, get, "application/http; msgtype=request"),
                        warc_record("response", url, date, http, "application/http; msgtype=response"),
                    ]
                    data = b"".join(gzip.compress(r, compresslevel=6) if gz else r for r in records)
                out.write(data)
                written += len(data)
                count += 1
                if odd and count % args.pathological_every == 0:
                    name, kind, body = odd[n_odd % len(odd)]
                    n_odd += 1
                    rec = {"id": f"pathological-{n_odd}", "title": name, ("html" if kind == "html" else "text"): body}
                    data = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
                    out.write(data)
                    written += len(data)
    print(f"{args.output}: {count} articles and {n_odd} pathological ones, {written / (1 << 20):.1f} MiB",
          file=sys.stderr)


if __name__ == "__main__":
    main()
