#!/usr/bin/env bash
# Throughput of the work stream (issue 19, item 4): embedded ingest vs `ingest --queue` and
# 1, 2, 4 `parallax worker`s draining NATS JetStream into PostgreSQL, on one input.
#
#   tools/queue_bench.sh                                  # the BBC set (2,225 articles), 3 runs
#   tools/queue_bench.sh --first 1000 --runs 1            # its first 1,000 lines, one run
#   tools/queue_bench.sh --input other.jsonl --workers "1 2 4 8" --batch 256
#
# It starts a throwaway PostgreSQL cluster (initdb + pg_ctl, as the `postgres` user when run as
# root; PostgreSQL's defaults, fsync on, unless --fast) and a `nats-server -js`, both on free
# loopback ports with their data under one temporary folder, removed at the end (--keep keeps
# it). Nothing is written into the repository. Each run measures, in this order:
#   analysis only   `parallax bench INPUT --threads 1` (the whole `analyze` path in memory; no store)
#   embedded        `parallax ingest INPUT --db FILE.db` (SQLite; analysis on every core)
#   embedded 1 thr  the same with RAYON_NUM_THREADS=1 (one analysis thread: the per-core cost)
#   postgres 1 thr  `parallax ingest INPUT --db postgres://...` with RAYON_NUM_THREADS=1 (no queue)
#   publish         `parallax ingest INPUT --queue nats://...` (into a fresh NATS store)
#   N workers       N x `parallax worker --until-empty --threads 1` started together on the
#                   stream just published, into a fresh database; wall time until all exit
# and prints the median of the runs (the machine may be shared: one run of anything varies).
# Each worker archive's `parallax export` is compared with the direct PostgreSQL ingest's, and
# the time spent under the archive's writer lock (the serialised part: story assignment, copy
# finding, story rebuilds, the writes; the `runs` table records each batch's seconds) is summed.
#
# Needs: a release build (cargo build --release -p parallax; or --bin PATH), PostgreSQL's
# server programs (Debian: postgresql) and nats-server (Debian: nats-server), python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
input="$root/../shared/data/bbc/bbc_fulltext.jsonl"
first=0
runs=3
workers="1 2 4"
threads=1
batch=64
fast=0
keep=0
bin="${CARGO_TARGET_DIR:-$root/target}/release/parallax"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input=$2; shift 2 ;;
    --first) first=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --fast) fast=1; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "queue_bench: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done

die() { echo "queue_bench: $*" >&2; exit 2; }
[ -x "$bin" ] || die "no parallax binary at $bin (cargo build --release -p parallax, or --bin PATH)"
[ -e "$input" ] || die "no input at $input (--input PATH)"
pgbin=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")")
[ -x "$pgbin/initdb" ] || die "PostgreSQL's initdb is not installed (apt-get install postgresql)"
nats=$(command -v nats-server 2>/dev/null || echo /usr/sbin/nats-server)
[ -x "$nats" ] || die "nats-server is not installed (apt-get install nats-server)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }

tmp=$(mktemp -d /tmp/parallax-qbench.XXXXXX)
chmod 755 "$tmp"
# PostgreSQL never runs as root
as_pg=()
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then pguser=postgres; else pguser=nobody; fi
  as_pg=(runuser -u "$pguser" --)
  mkdir -p "$tmp/pg" && chown "$pguser" "$tmp/pg"
else
  mkdir -p "$tmp/pg"
fi
nats_pid=
cleanup() {
  set +e
  if [ -n "$nats_pid" ]; then kill "$nats_pid" 2>/dev/null; wait "$nats_pid" 2>/dev/null; fi
  if [ -f "$tmp/pg/data/postmaster.pid" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/pg/data" -m immediate -w stop >/dev/null 2>&1
  fi
  if [ "$keep" = 1 ]; then echo "queue_bench: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the input: all of it, or its first N lines (JSON Lines)
if [ "$first" -gt 0 ]; then
  head -n "$first" "$input" > "$tmp/input.jsonl"
  data="$tmp/input.jsonl"
else
  data="$input"
fi

pgport=$(free_port)
pgopts="-p $pgport -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=100"
[ "$fast" = 1 ] && pgopts="$pgopts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"${as_pg[@]}" "$pgbin/initdb" -D "$tmp/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/log" -o "$pgopts" -w start >/dev/null
pg="postgres://postgres@127.0.0.1:$pgport"
createdb() { "$pgbin/psql" -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "CREATE DATABASE $1" >/dev/null; echo "$pg/$1"; }
sql() { "$pgbin/psql" -qAt -h 127.0.0.1 -p "$pgport" -U postgres -d "$1" -c "$2"; }

# a fresh NATS server (empty store) for each publish, so every worker run drains the same stream
nats_url=
fresh_nats() {
  if [ -n "$nats_pid" ]; then kill "$nats_pid" 2>/dev/null; wait "$nats_pid" 2>/dev/null || true; fi
  rm -rf "$tmp/nats"
  local port
  port=$(free_port)
  "$nats" -js -a 127.0.0.1 -p "$port" -sd "$tmp/nats" >>"$tmp/nats.log" 2>&1 &
  nats_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  nats_url="nats://127.0.0.1:$port"
}

# the field after WORD in a line like `read 2225, new 2209, ...`
field() { sed -n "s/.*$1 *\([0-9][0-9.]*\).*/\1/p" | head -1; }
export_sum() { "$bin" export --format jsonl --db "$1" 2>/dev/null | sha256sum | cut -c1-16; }

declare -A times   # "mode|workers" -> space-separated seconds, one per run
declare -A lock    # the same for seconds under the writer lock (worker runs)
declare -A batches # the same for the number of transactions (one per stored batch)
declare -A same    # "mode|workers" -> yes/no (export equal to the direct PostgreSQL ingest's)
add() { times[$1]="${times[$1]:-} $2"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$runs"); do
  echo "queue_bench: run $run of $runs" >&2
  out=$("$bin" bench "$data" --threads 1)
  articles=$(echo "$out" | sed -n 's/^input: *\([0-9]*\) articles.*/\1/p')
  words=$(echo "$out" | sed -n 's/.* articles ([0-9]* failed), \([0-9]*\) words.*/\1/p')
  add "analysis only|1 thread" "$(echo "$out" | sed -n 's/^end to end: *\([0-9.]*\) s.*/\1/p')"

  start=$(now)
  log=$("$bin" ingest "$data" --db "$tmp/embedded-$run.db" 2>&1)
  add "embedded (SQLite)|all cores" "$(since "$start")"
  stored=$(echo "$log" | field 'new')

  start=$(now)
  RAYON_NUM_THREADS=1 "$bin" ingest "$data" --db "$tmp/embedded1-$run.db" 2>/dev/null
  add "embedded (SQLite)|1 thread" "$(since "$start")"

  direct=$(createdb "direct_$run")
  start=$(now)
  RAYON_NUM_THREADS=1 "$bin" ingest "$data" --db "$direct" 2>/dev/null
  add "PostgreSQL, no queue|1 thread" "$(since "$start")"
  reference=$(export_sum "$direct")

  for n in $workers; do
    fresh_nats
    start=$(now)
    "$bin" ingest "$data" --queue "$nats_url" 2>/dev/null
    add "publish (ingest --queue)|-" "$(since "$start")"
    db=$(createdb "workers_${n}_$run")
    start=$(now)
    pids=()
    for _ in $(seq "$n"); do
      "$bin" worker --queue "$nats_url" --db "$db" --until-empty --threads "$threads" --batch "$batch" 2>>"$tmp/workers.log" &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || die "a worker failed: $(tail -5 "$tmp/workers.log")"; done
    add "queue + workers|$n" "$(since "$start")"
    lock["queue + workers|$n"]="${lock["queue + workers|$n"]:-} $(sql "workers_${n}_$run" 'SELECT round(sum(seconds)::numeric, 3) FROM runs')"
    batches["queue + workers|$n"]="${batches["queue + workers|$n"]:-} $(sql "workers_${n}_$run" 'SELECT count(*) FROM runs')"
    if [ "$(export_sum "$db")" = "$reference" ]; then s=yes; else s=NO; fi
    same["queue + workers|$n"]="${same["queue + workers|$n"]:-}$s "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }
med() { echo "${times[$1]}" | median; }

embedded=$(med "embedded (SQLite)|all cores")
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average before $load_before, after $load_after"
echo "input: $data: $articles articles ($stored stored, the rest copies), $words words, $((words / articles)) words/article"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}')$([ "$fast" = 1 ] && echo ' (fsync off)'), $("$nats" --version); worker --threads $threads --batch $batch"
echo "median of $runs run(s); seconds of each run in brackets"
echo
echo "| mode | workers | wall s | articles/s | vs embedded | under the writer lock, s | batches stored | export = no-queue PostgreSQL |"
echo "|---|---|---|---|---|---|---|---|"
keys=("analysis only|1 thread" "embedded (SQLite)|all cores" "embedded (SQLite)|1 thread"
  "PostgreSQL, no queue|1 thread" "publish (ingest --queue)|-")
for n in $workers; do keys+=("queue + workers|$n"); done
for key in "${keys[@]}"; do
  m=$(med "$key")
  rate=$(python3 -c "print(f'{$articles / $m:.0f}')")
  ratio=$(python3 -c "print(f'{$embedded / $m:.2f}')")
  l=$([ -n "${lock[$key]:-}" ] && echo "${lock[$key]}" | median || echo "")
  b=$([ -n "${batches[$key]:-}" ] && echo "${batches[$key]}" | median || echo "")
  echo "| ${key%%|*} | ${key##*|} | $m [$(echo ${times[$key]} | tr ' ' ',' | sed 's/,/, /g')] | $rate | $ratio | $l | $b | ${same[$key]:-} |"
done
echo
publish=$(med "publish (ingest --queue)|-")
direct=$(med "PostgreSQL, no queue|1 thread")
one=$(med "queue + workers|1" 2>/dev/null || echo "")
python3 - "$articles" "$publish" "$direct" "${one:-0}" "$(med 'analysis only|1 thread')" "$(med 'embedded (SQLite)|1 thread')" "${lock["queue + workers|1"]:-}" <<'EOF'
import sys
n, publish, direct, one, analysis, emb1 = (float(x) if x else 0.0 for x in sys.argv[1:7])
locked = sorted(float(x) for x in sys.argv[7].split()) if sys.argv[7].strip() else []
ms = lambda s: 1000 * s / n
print(f"per article: analysis {ms(analysis):.2f} ms/core; embedded ingest on 1 thread {ms(emb1):.2f} ms; "
      f"PostgreSQL ingest on 1 thread, no queue {ms(direct):.2f} ms")
print(f"queue overhead: publish {ms(publish):.2f} ms/article; "
      + (f"1 worker {ms(one):.2f} ms/article, {ms(one - direct):+.2f} ms over the direct PostgreSQL ingest" if one else ""))
if locked:
    m = locked[len(locked) // 2]
    print(f"1 worker: {ms(m):.2f} ms/article under the writer lock (the serialised part), "
          f"{ms(one - m):.2f} ms/article outside it (pull, decode, analysis, ack)")
EOF
