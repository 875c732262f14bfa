#!/usr/bin/env python3
"""Scores Findings and a SQLite FTS5 baseline on the whole-corpus judged queries.

Both systems rank the same paragraphs: the baseline's table is filled from a Findings export
of every paragraph, so the comparison is of ranking, not of paragraph splitting. The baseline
is FTS5 as it is usually tuned for such text: the porter stemmer over unicode61, BM25, the
query's words AND-ed, falling back to OR when fewer than 10 paragraphs have them all.

Metrics per query, then averaged: nDCG@10 (gains 2^g - 1), P@5 (any grade > 0 counts) and
MRR. A judged paragraph is found by its key: a substring that occurs in one paragraph only.

Usage (from the project root, after indexing corpus/ into IDX):
  python3 bench/relevance/evaluate.py --db IDX [--show] [--only findings|fts5]
"""
import argparse
import json
import math
import os
import re
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def normalised(text):
    return " ".join(text.split())


def findings_ranking(findings, db):
    def run(query):
        out = subprocess.run([findings, "--db", db, "--format", "json", "--limit", "10", "--quiet", query],
                             capture_output=True, text=True, timeout=120).stdout
        try:
            return [hit["text"] for hit in json.loads(out)["results"]]
        except (ValueError, KeyError):
            return []
    return run


def fts5_ranking(findings, db):
    """Builds (once per index) an FTS5 table of every paragraph Findings indexed."""
    path = os.path.join(db, "..", os.path.basename(os.path.normpath(db)) + "-fts5.sqlite")
    if not os.path.exists(path):
        export = subprocess.run([findings, "--db", db, "--all", "--format", "ndjson", "--quiet", "--year", "2000.."],
                                capture_output=True, text=True, check=True).stdout
        building = sqlite3.connect(path + ".part")
        building.execute("create virtual table p using fts5(text, tokenize='porter unicode61')")
        building.executemany("insert into p(text) values (?)",
                             ((json.loads(line)["text"],) for line in export.splitlines() if line))
        building.execute("insert into p(p) values ('optimize')")
        building.commit()
        building.close()
        os.replace(path + ".part", path)
    connection = sqlite3.connect(path)

    def run(query):
        words = re.findall(r"[^\W_]+", query.lower())
        if not words:
            return []
        rows = []
        for joiner in (" AND ", " OR "):
            expression = joiner.join('"%s"' % word for word in words)
            rows = connection.execute("select text from p where p match ? order by bm25(p) limit 10",
                                      (expression,)).fetchall()
            if len(rows) >= 10:
                break
        return [row[0] for row in rows]
    return run


def scores(judged, ranked):
    keys = {normalised(key): grade for key, grade in judged.items()}
    gains, found = [], set()
    for text in ranked[:10]:
        text = normalised(text)
        gain = 0
        for key, grade in keys.items():
            if key not in found and key in text:
                found.add(key)
                gain = max(gain, grade)
        gains.append(gain)
    dcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(keys.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    p5 = sum(1 for g in gains[:5] if g > 0) / 5
    mrr = next((1 / (i + 1) for i, g in enumerate(gains) if g > 0), 0)
    return {"ndcg10": dcg / idcg if idcg else 0, "p5": p5, "mrr": mrr}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the Findings index of corpus/")
    parser.add_argument("--findings", default=os.path.join(ROOT, "build", "cli", "findings"))
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.json"))
    parser.add_argument("--only", choices=["findings", "fts5"])
    parser.add_argument("--show", action="store_true", help="print each query's scores")
    args = parser.parse_args()
    queries = json.load(open(args.queries, encoding="utf-8"))["queries"]
    systems = {"findings": findings_ranking, "fts5": fts5_ranking}
    summary = {}
    for name, make in systems.items():
        if args.only and name != args.only:
            continue
        run = make(args.findings, args.db)
        totals = {"ndcg10": 0.0, "p5": 0.0, "mrr": 0.0}
        for query in queries:
            result = scores(query["rel"], run(query["q"]))
            for metric in totals:
                totals[metric] += result[metric]
            if args.show:
                print("%-6s %s ndcg10=%.2f p5=%.1f mrr=%.2f  %s" % (name, query["id"], result["ndcg10"], result["p5"],
                                                                   result["mrr"], query["q"]))
        summary[name] = {metric: round(total / len(queries), 3) for metric, total in totals.items()}
    print(json.dumps(summary))


if __name__ == "__main__":
    sys.exit(main())
