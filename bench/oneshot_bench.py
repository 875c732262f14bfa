#!/usr/bin/env python3
"""Times one-shot command line searches, as scripts run them: a new `findings` process per
query, from start to exit, with JSON output.

Takes every tenth query of the query set (30 of bench/queries.tsv's 300, each class in
proportion), runs each once to warm the page cache, then ROUNDS times, and prints the
wall-clock p50, p95, p99 and max in milliseconds as JSON.

    python3 bench/oneshot_bench.py INDEX [QUERIES.tsv] [--rounds 3] [--findings build/cli/findings]
"""
import argparse
import json
import pathlib
import subprocess
import time

from timing import percentiles, read_queries

HERE = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('index')
    parser.add_argument('queries', nargs='?', default=str(HERE / 'queries.tsv'))
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--findings', default=str(HERE.parent / 'build' / 'cli' / 'findings'))
    args = parser.parse_args()
    queries = [query for _, query in read_queries(args.queries)][::10]

    def run(query):
        started = time.perf_counter()
        done = subprocess.run([args.findings, '--db', args.index, '--format', 'json', query],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode not in (0, 1):  # 1: no match
            raise SystemExit(f'findings failed on {query!r} with exit {done.returncode}')
        return 1000 * (time.perf_counter() - started)

    for query in queries:
        run(query)
    times = [run(query) for _ in range(args.rounds) for query in queries]
    print(json.dumps({'queries': len(queries), 'rounds': args.rounds,
                      'ms': {**percentiles(times, 1), 'max': round(max(times), 1)}}))


if __name__ == '__main__':
    main()
