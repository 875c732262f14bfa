#!/usr/bin/env python3
"""Measures searchd's own cost per request beyond the search: the time a keep-alive client
waits for /api/search, less the search's `took_ms` in the answer (writing the JSON, HTTP, the
worker hand-off; and the client's own reading of the answer, which this cannot separate).

Starts searchd on the index on 127.0.0.1 at a free port, runs every query of the set once to
warm up, then ROUNDS times over one keep-alive connection, and prints the p50, p95 and p99 of
the client's time, of took_ms and of their difference, in milliseconds, as JSON.

    python3 bench/http_overhead.py INDEX [QUERIES.tsv] [--rounds 3] [--searchd build/searchd/searchd]
"""
import argparse
import http.client
import json
import pathlib
import re
import subprocess
import threading
import time
import urllib.parse

from timing import percentiles, read_queries

HERE = pathlib.Path(__file__).resolve().parent


def start_searchd(binary, index):
    server = subprocess.Popen([binary, '--db', index, '--port', '0'], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    for line in server.stdout:  # it prints the port it picked
        found = re.search(r'127\.0\.0\.1:(\d+)', line)
        if found:  # the rest of its output is drained, so that it never waits on the pipe
            threading.Thread(target=server.stdout.read, daemon=True).start()
            return server, int(found.group(1))
    raise SystemExit('searchd did not say which port it listens on')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('index')
    parser.add_argument('queries', nargs='?', default=str(HERE / 'queries.tsv'))
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('--searchd', default=str(HERE.parent / 'build' / 'searchd' / 'searchd'))
    args = parser.parse_args()
    queries = [query for _, query in read_queries(args.queries)]
    server, port = start_searchd(args.searchd, args.index)
    try:
        connection = http.client.HTTPConnection('127.0.0.1', port)

        def ask(query):
            started = time.perf_counter()
            connection.request('GET', '/api/search?' + urllib.parse.urlencode({'q': query}))
            response = connection.getresponse()
            body = response.read()
            client_ms = (time.perf_counter() - started) * 1000
            if response.status != 200:
                raise SystemExit(f'searchd answered {response.status} to {query!r}')
            return client_ms, json.loads(body)['took_ms']

        for query in queries:
            ask(query)
        client, took, overhead = [], [], []
        for _ in range(args.rounds):
            for query in queries:
                client_ms, took_ms = ask(query)
                client.append(client_ms)
                took.append(took_ms)
                overhead.append(client_ms - took_ms)
        print(json.dumps({'queries': len(queries), 'rounds': args.rounds, 'client_ms': percentiles(client, 3),
                          'took_ms': percentiles(took, 3), 'overhead_ms': percentiles(overhead, 3)}))
    finally:
        server.terminate()
        server.wait()


if __name__ == '__main__':
    main()
