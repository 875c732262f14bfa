#!/usr/bin/env bash
# Runs every Findings benchmark at scale and writes bench/RESULTS.md: corpus generation,
# indexing from scratch and incrementally, index size, in-process query latency by component
# (on bench/queries.tsv and the natural-language set), one-off command line searches, --all
# exports, searchd under wrk load (also while the indexer commits), /api/health, searchd's own
# cost per request, searchd memory, and SQLite FTS5
# on the same paragraphs and queries, tuned (bench/fts5_peer.py), timed in the same run as
# Findings on the queries it can express. Prints the date and the load average first: the
# figures mean something on an idle machine only. Usage: bench/run_all.sh [PARAGRAPHS] (default 1000000).
# Needs a build in build/ (scripts/build), wrk, curl and xapian-tools (apt-get install wrk curl xapian-tools).
set -euo pipefail
cd "$(dirname "$0")/.."
paragraphs=${1:-1000000}
work=${BENCH_DIR:-/tmp/findings-bench}
corpus=$work/corpus
index=$work/index
port=${BENCH_PORT:-18181}
results=$work/results
mkdir -p "$work" "$results"
{ date -u; cut -d' ' -f1-3 /proc/loadavg; } | tee "$results/when.txt"

if [ ! -f "$corpus/truth.jsonl" ]; then
  python3 bench/generate_corpus.py --out "$corpus" --paragraphs "$paragraphs" --seed 42
fi

# The reports the incremental steps change are kept here and put back at the end; a run stopped
# before that left them here, and they go back first.
originals=$work/originals
if [ -d "$originals" ]; then
  cp -p "$originals"/*.txt "$corpus/reports/" 2>/dev/null || true
  rm -rf "$originals"
fi

echo "== indexing from scratch"
rm -rf "$index"
/usr/bin/time -v build/indexer/indexer --json --db "$index" "$corpus/reports" "$corpus/seed" \
  > "$results/index.json" 2> "$results/index.time"

echo "== incremental run: 1% of the reports changed"
mapfile -t changed < <(ls "$corpus"/reports/*.txt | awk 'NR % 100 == 0')
mkdir -p "$originals"
for file in "${changed[@]}"; do
  cp -p "$file" "$originals/"
  printf '\nThe local authority reviewed this finding again in the benchmark.\n' >> "$file"
done
/usr/bin/time -v build/indexer/indexer --json --db "$index" "$corpus/reports" "$corpus/seed" \
  > "$results/incremental.json" 2> "$results/incremental.time"

echo "== index size"
du -sb "$index" | cut -f1 > "$results/size.txt"
rm -rf "$work/compact" && /usr/bin/time -f "%e s" xapian-compact "$index" "$work/compact" > /dev/null 2> "$results/compact.time"
du -sb "$work/compact" | cut -f1 > "$results/size-compact.txt"

echo "== queries in process"
build/bench/query_bench "$index" bench/queries.tsv 3 > "$results/queries.json"
build/bench/query_bench "$index" bench/queries-natural.tsv 3 > "$results/queries-natural.json"

echo "== one-off command line searches, and exports"
python3 bench/oneshot_bench.py "$index" > "$results/oneshot.json"
for format in csv ndjson; do
  /usr/bin/time -f "%e" -o "$results/export-$format.time" \
    build/cli/findings --db "$index" --all --format "$format" --quiet care | wc -l > "$results/export-$format.lines"
done

echo "== searchd under load"
build/searchd/searchd --db "$index" --port "$port" --quiet > /dev/null 2>&1 &
searchd=$!
trap 'kill $searchd 2>/dev/null || true' EXIT
sleep 2
grep VmRSS /proc/$searchd/status | awk '{print $2}' > "$results/rss-rest.txt"
for call in $(seq 50); do
  curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/health"
done > "$results/health.txt"
for connections in 1 2 8 32; do
  threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t$threads -c$connections -d15s -s bench/wrk_queries.lua "http://127.0.0.1:$port" -- bench/queries.tsv \
    | grep RESULT > "$results/wrk-$connections.txt"
done
# The second query set after a warm-up of its own (its words' first uses).
wrk -t2 -c8 -d5s -s bench/wrk_queries.lua "http://127.0.0.1:$port" -- bench/queries-natural.tsv > /dev/null
wrk -t2 -c8 -d15s -s bench/wrk_queries.lua "http://127.0.0.1:$port" -- bench/queries-natural.tsv \
  | grep RESULT > "$results/wrk-8-natural.txt"
grep VmHWM /proc/$searchd/status | awk '{print $2}' > "$results/rss-peak.txt"

echo "== searchd under load while the indexer commits"
for file in "${changed[@]}"; do printf '\nAnd once more.\n' >> "$file"; done
build/indexer/indexer --db "$index" "$corpus/reports" "$corpus/seed" > /dev/null 2>&1 &
indexer=$!
wrk -t2 -c8 -d20s -s bench/wrk_queries.lua "http://127.0.0.1:$port" -- bench/queries.tsv | grep RESULT > "$results/wrk-during-index.txt"
wait $indexer
kill $searchd
# The corpus goes back as generated, so that every run starts from the same paragraphs (the
# index keeps the changed reports, which the steps below measure).
cp -p "$originals"/*.txt "$corpus/reports/" && rm -rf "$originals"

echo "== searchd's own cost per request"
python3 bench/http_overhead.py "$index" > "$results/http-overhead.json"

echo "== SQLite FTS5 on the same paragraphs, beside Findings on the same queries"
# The peer indexes exactly the paragraphs and facet values Findings holds.
for type in context judgement strength satisfactory area_for_development priority_action recommendation; do
  build/cli/findings --db "$index" --all --format ndjson --sort date --type "$type" \
    --fields id,text,authority,region,authority_type,year,kind,finding_type,grade,polarity,overall || true
done > "$work/paragraphs.ndjson"
rm -f "$work/fts5.db"
python3 bench/fts5_peer.py --paragraphs "$work/paragraphs.ndjson" --index "$index" --queries bench/queries.tsv \
  --db "$work/fts5.db" --subset "$results/fts5-queries.tsv" > "$results/fts5.json"
build/bench/query_bench "$index" "$results/fts5-queries.tsv" 3 > "$results/queries-fts5-subset.json"

python3 bench/write_results.py "$results" > bench/RESULTS.md
echo "Wrote bench/RESULTS.md"
