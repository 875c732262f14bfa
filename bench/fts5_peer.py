#!/usr/bin/env python3
"""The SQLite FTS5 peer of the Findings benchmarks: the same paragraphs (from the generator's
truth.jsonl) and the same queries, answered the way FTS5 would be used for this product:
porter tokenizer, bm25 ranking, top 10 with snippet(), the exact total and facet counts by
GROUP BY over the whole match. Prints JSON with p50/p95/p99 latencies in milliseconds.

Usage: python3 bench/fts5_peer.py --truth DIR/truth.jsonl --queries bench/queries.tsv [--db /tmp/fts5.db]
(the database is built once and reused when it exists)
"""
import argparse
import json
import os
import re
import sqlite3
import time

FACETS = ["authority", "year", "grade", "finding_type"]
CUE_WORDS = {"since", "before", "after", "until", "between", "in", "weaknesses", "strengths", "concerns",
             "recommendations", "graded", "rated", "within", "months", "priority", "action", "good", "practice"}


def build(db_path, truth_path):
    db = sqlite3.connect(db_path)
    db.execute("create virtual table p using fts5(text, authority unindexed, year unindexed, grade unindexed,"
               " finding_type unindexed, tokenize='porter')")
    with open(truth_path, encoding="utf-8") as truth:
        rows = ((r["text"], r["authority"], r["year"], r["grade"], r["finding_type"])
                for r in map(json.loads, truth))
        db.executemany("insert into p values (?, ?, ?, ?, ?)", rows)
    db.commit()
    return db


def match_expression(query):
    """FTS5 has no query understanding: the query's words, OR-ed, as the eval baseline does."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", query) if w.lower() not in CUE_WORDS and not w.isdigit()]
    return " OR ".join(f'"{w}"' for w in words)


def run(db, expression):
    top = db.execute("select snippet(p, 0, '<mark>', '</mark>', '...', 24), authority from p where p match ?"
                     " order by bm25(p) limit 10", (expression,)).fetchall()
    total = db.execute("select count(*) from p where p match ?", (expression,)).fetchone()[0]
    facets = {f: db.execute(f"select {f}, count(*) from p where p match ? group by {f}", (expression,)).fetchall()
              for f in FACETS}
    return top, total, facets


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(fraction * len(values)))] if values else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truth", required=True)
    parser.add_argument("--queries", default="bench/queries.tsv")
    parser.add_argument("--db", default="/tmp/findings-fts5.db")
    args = parser.parse_args()
    started = time.time()
    db = sqlite3.connect(args.db) if os.path.exists(args.db) else build(args.db, args.truth)
    build_seconds = time.time() - started
    timings = []
    with open(args.queries, encoding="utf-8") as lines:
        queries = [line.rstrip("\n").split("\t", 1)[1] for line in lines if "\t" in line]
    for query in queries:
        expression = match_expression(query)
        if not expression:
            continue  # a cue-only query: FTS5 would need hand-written SQL filters
        begin = time.perf_counter()
        run(db, expression)
        timings.append((time.perf_counter() - begin) * 1000)
    print(json.dumps({"queries": len(timings), "build_seconds": round(build_seconds, 1),
                      "p50": percentile(timings, 0.5), "p95": percentile(timings, 0.95),
                      "p99": percentile(timings, 0.99)}, indent=2))


if __name__ == "__main__":
    main()
