#!/usr/bin/env python3
"""The SQLite FTS5 peer of the Findings benchmarks, tuned to give the same answers as fast as
FTS5 can give them.

The same paragraphs, with the same facet values (exported from the Findings index with
`findings --all --format ndjson`: run_all.sh does it), and the same queries. Each query is
answered with the meaning Findings gives it, read from Findings itself once (`findings
--format json`): the words it searched, all of them or, where it fell back, any of them; its
phrases as FTS5 phrases or, where they hold stop words (which Findings leaves out of phrases),
as NEAR groups of their other words as far apart as the stop words between them allow; the
filters its words or field syntax chose (the facet values Findings marks selected) as SQL over
a narrow metadata table; the same nine facets counted. Synonyms Findings adds are not searched: FTS5 has none, and its porter stemmer
is not Findings' Snowball one, so some totals differ (the output says how many agree).

The tuning: text alone in the FTS5 table (porter), facets in an indexed metadata table keyed
by the same rowid; `optimize` and `ANALYZE` after the build; a 1 GB page cache, 2 GB of mmap,
temporary tables in memory; a warm-up pass over every query before the timed rounds. Two
statements a query: the ranked page with snippets, and the total and every facet in one
GROUP BY over the matches joined to their metadata.

Prints JSON: latencies (p50/p95/p99, ms) and how many queries gave Findings' exact total.

    python3 bench/fts5_peer.py --paragraphs EXPORT.ndjson --index FINDINGS_INDEX [--queries bench/queries.tsv]
        [--db /tmp/findings-fts5.db] [--rounds 3] [--subset OUT.tsv]

--subset writes the queries FTS5 could express (tab-separated like the query set), so that
Findings is timed on exactly those (build/bench/query_bench INDEX OUT.tsv 3).
"""
import argparse
import json
import os
import pathlib
import re
import sqlite3
import subprocess
import time

from timing import percentiles, read_queries

HERE = pathlib.Path(__file__).resolve().parent
FACETS = ["authority", "region", "authority_type", "year", "kind", "finding_type", "grade", "polarity", "overall"]
FIELD_SYNTAX = re.compile(r'\b([a-z_]+):(?:"([^"]*)"|(\S+))')
PARAMETERS = {"type": "finding_type"}  # field syntax names that differ from the facet's


def build(db_path, paragraphs_path):
    db = sqlite3.connect(db_path)
    db.execute("create virtual table p using fts5(text, tokenize='porter unicode61')")
    db.execute(f"create table meta(rowid integer primary key, {', '.join(FACETS)})")
    with open(paragraphs_path, encoding="utf-8") as paragraphs:
        for rowid, row in enumerate(map(json.loads, paragraphs), start=1):
            db.execute("insert into p(rowid, text) values (?, ?)", (rowid, row["text"]))
            db.execute(f"insert into meta values (?{', ?' * len(FACETS)})", (rowid, *(row[f] for f in FACETS)))
    for facet in FACETS:
        db.execute(f"create index meta_{facet} on meta({facet})")
    db.execute("insert into p(p) values ('optimize')")
    db.execute("analyze")
    db.commit()
    return db


def tune(db):
    db.execute("pragma cache_size = -1000000")
    db.execute("pragma mmap_size = 2147483648")
    db.execute("pragma temp_store = memory")


def findings_readings(findings, index, queries):
    """Findings' reading of each query: its words, whether any word sufficed, the facet values
    its filters chose, its total; and each region's and authority type's authorities."""
    readings = {}
    for query in queries:
        run = subprocess.run([findings, "--db", index, "--format", "json", "-n", "1", query],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            continue
        answer = json.loads(run.stdout)
        readings[query] = {
            "text": answer["interpreted"]["text"],
            "any_words": answer["interpreted"]["any_words"],
            "selected": {facet: [v["value"] for v in values if v.get("selected")]
                         for facet, values in answer["facets"].items()},
            "total": answer["total"],
        }
    return readings


class NotExpressible(Exception):
    """A query whose meaning the peer does not translate."""


def match_expression(text, any_words, stop_words):
    """The FTS5 expression of Findings' text: field syntax left to the filters, stop words out,
    phrases as phrases or NEAR groups. None when no word is left (a query of filters)."""
    text = FIELD_SYNTAX.sub(" ", text)
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        if phrase:
            words = re.findall(r"[A-Za-z0-9]+", phrase)
            kept = [w for w in words if w.lower() not in stop_words]
            if len(kept) == len(words) or len(kept) == 1:
                parts.append('"' + " ".join(kept) + '"')  # an FTS5 phrase: its words in order, adjacent
            elif kept:
                # NEAR allows as many tokens between the first kept word and the last as the
                # phrase has there (stop words and kept words alike).
                at = [i for i, w in enumerate(words) if w.lower() not in stop_words]
                quoted = " ".join(f'"{w}"' for w in kept)
                parts.append(f"NEAR({quoted}, {at[-1] - at[0] - 1})")
        elif word.upper() == "NOT" or word.startswith("-"):
            raise NotExpressible("an exclusion")  # no query of the sets has one
        elif word.upper() not in ("AND", "OR"):
            for piece in re.findall(r"[A-Za-z0-9]+", word):
                if piece.lower() not in stop_words:
                    parts.append(f'"{piece}"')
    if not parts:
        return None
    return (" OR " if any_words else " AND ").join(parts)


def with_field_syntax(text, selected):
    """The facet values the filters chose, with those the query's field syntax names (Findings
    applies those in its text query, so its facets do not mark them selected)."""
    chosen = {facet: list(values) for facet, values in selected.items()}
    for name, quoted, bare in FIELD_SYNTAX.findall(text):
        value = quoted or bare
        facet = PARAMETERS.get(name, name)
        if facet == "year" and ".." in value:
            first, last = value.split("..")
            chosen["year"] = [str(year) for year in range(int(first), int(last) + 1)]
        else:
            chosen[facet] = [value]
    return chosen


def filter_sql(selected):
    """SQL over meta for the facet values Findings' filters chose; None if one cannot be said."""
    clauses, params = [], []
    for facet, values in selected.items():
        if not values:
            continue
        if facet not in FACETS:
            return None  # timescale: not a facet
        clauses.append(f"{facet} in ({','.join('?' * len(values))})")
        params += [int(v) if facet == "year" else v for v in values]
    return " and ".join(clauses), params


def run(db, expression, where, params):
    """Answers one query: the page of ten with snippets, then the total and the facet counts."""
    by = f"group by {', '.join(FACETS)}"
    if expression:
        # The full-text match first, once, then each match's metadata by its key (CROSS JOIN
        # keeps that order: probing the FTS5 index once per filtered row is far slower).
        matches = "from p cross join meta on meta.rowid = p.rowid where p match ?" + (f" and {where}" if where else "")
        page = db.execute(f"select p.rowid, snippet(p, 0, '<mark>', '</mark>', '...', 24) {matches}"
                          " order by p.rank limit 10", (expression, *params)).fetchall()
        counts = db.execute(f"select {', '.join('meta.' + f for f in FACETS)}, count(*) {matches} {by}",
                            (expression, *params)).fetchall()
    else:  # filters alone: the first ten in rowid order (Findings lists them in report order)
        page = db.execute("select rowid, substr(text, 1, 200) from p where rowid in"
                          f" (select rowid from meta where {where} order by rowid limit 10)", params).fetchall()
        counts = db.execute(f"select {', '.join(FACETS)}, count(*) from meta where {where} {by}", params).fetchall()
    return page, sum(row[-1] for row in counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", required=True, help="every paragraph of the Findings index, as NDJSON")
    parser.add_argument("--index", required=True, help="the Findings index of the same corpus")
    parser.add_argument("--queries", default=str(HERE / "queries.tsv"))
    parser.add_argument("--db", default="/tmp/findings-fts5.db")
    parser.add_argument("--findings", default=str(HERE.parent / "build" / "cli" / "findings"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--subset", help="write the queries FTS5 could express here")
    args = parser.parse_args()
    started = time.time()
    db = sqlite3.connect(args.db) if os.path.exists(args.db) else build(args.db, args.paragraphs)
    build_seconds = time.time() - started
    tune(db)
    stop_words = {line.strip() for line in (HERE.parent / "stopwords" / "english.txt").read_text().splitlines()
                  if line.strip() and not line.startswith("#")}
    lines = read_queries(args.queries)
    readings = findings_readings(args.findings, args.index, [query for _, query in lines])
    plans = []
    for query_class, query in lines:
        reading = readings.get(query)
        if not reading:
            continue
        filters = filter_sql(with_field_syntax(reading["text"], reading["selected"]))
        try:
            expression = match_expression(reading["text"], reading["any_words"], stop_words)
        except NotExpressible:
            continue
        if filters is None or (expression is None and not filters[0]):
            continue  # a filter FTS5 cannot say, or nothing to search
        plans.append((query_class, query, expression, filters[0], filters[1], reading["total"]))
    if args.subset:
        pathlib.Path(args.subset).write_text("".join(f"{c}\t{q}\n" for c, q, *_ in plans))
    same_total = sum(run(db, e, w, p)[1] == total for _, _, e, w, p, total in plans)  # and the warm-up
    timings = []
    for _ in range(args.rounds):
        for _, _, expression, where, params, _ in plans:
            begin = time.perf_counter()
            run(db, expression, where, params)
            timings.append((time.perf_counter() - begin) * 1000)
    print(json.dumps({"queries": len(plans), "of": len(lines), "same_total_as_findings": same_total,
                      "rounds": args.rounds, "build_seconds": round(build_seconds, 1),
                      **percentiles(timings, 2)}, indent=2))


if __name__ == "__main__":
    main()
