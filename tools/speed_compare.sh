#!/usr/bin/env bash
# Parallax side by side with what users would otherwise run, in one run, on this machine, one core
# each (issue 20's item 6): HTML main-text extraction against trafilatura, duplicate detection
# against datasketch's MinHashLSH, and the whole path of `parallax analyze` on BBC.
#
#   pip install trafilatura lxml_html_clean datasketch   # PyPI; the pages and corpora are in ../shared/data
#   tools/speed_compare.sh [CORE]             # CORE: the core to pin to (default 0)
#
# spaCy's `en_core_web_sm` is not on PyPI (it ships from GitHub releases, which this machine cannot
# reach), so the spaCy row needs the model installed by hand: with it, set SPACY=1.
set -euo pipefail
cd "$(dirname "$0")/.."
core="${1:-0}"
bbc=../shared/data/bbc/bbc_fulltext.jsonl
pin=(taskset -c "$core")
cargo build --release -q -p parallax -p parallax-ingest --example extraction_eval
cargo build --release -q -p parallax-story --example dedup_bench

echo "== HTML main-text extraction, trafilatura-eval pages, one core each"
ours=$("${pin[@]}" target/release/examples/extraction_eval | grep -m1 -o '[0-9.]* pages/s' | cut -d' ' -f1)
theirs=$("${pin[@]}" python3 tools/extraction_compare.py | grep -m1 -o '[0-9.]* pages/s' | cut -d' ' -f1)
python3 -c "print(f'parallax {float(\"$ours\"):.1f} pages/s, trafilatura {float(\"$theirs\"):.1f} pages/s: {float(\"$ours\") / float(\"$theirs\"):.1f}x')"

echo "== Duplicate detection, BBC with edited copies, one core each"
"${pin[@]}" python3 tools/dedup_eval.py "$bbc" | grep -E "^(parallax|datasketch):" | tee /tmp/parallax-speed-dedup.txt
python3 - <<'EOF'
import re
text = open("/tmp/parallax-speed-dedup.txt").read()
ours = float(re.search(r"parallax:.*?([0-9.]+) articles/s", text).group(1))
theirs = float(re.search(r"datasketch:.*?([0-9.]+) articles/s", text).group(1))
print(f"parallax {ours:.0f} articles/s, datasketch {theirs:.0f} articles/s: {ours / theirs:.1f}x")
EOF

echo "== The whole path of parallax analyze on BBC, one core (median of 3)"
"${pin[@]}" target/release/parallax bench "$bbc" --runs 3 | grep -E "^(input|end to end|  analysis)"

if [ "${SPACY:-0}" = 1 ]; then
  echo "== spaCy en_core_web_sm (NER pipeline) on BBC, one core"
  "${pin[@]}" python3 - "$bbc" <<'EOF'
import json, sys, time
import spacy
nlp = spacy.load("en_core_web_sm", exclude=["lemmatizer"])
texts = [json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
words = sum(len(t.split()) for t in texts)
start = time.process_time()
for _ in nlp.pipe(texts, batch_size=64):
    pass
secs = time.process_time() - start
print(f"spacy: {len(texts)} articles, {words / secs:.0f} words/s (CPU time)")
EOF
fi
