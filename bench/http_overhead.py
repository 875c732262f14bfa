#!/usr/bin/env python3
"""Measures searchd's own cost per request beyond the search: the time a keep-alive client
waits for /api/search, less the search's `took_ms` in the answer (writing the JSON, HTTP, the
worker hand-off; and the client's own reading of the answer, which this cannot separate).

Starts searchd on the index on 127.0.0.1 at a free port, runs every query of the set once to
warm up, then ROUNDS times over one keep-alive connection, and prints the p50, p95 and p99 of
the client's time, of took_ms and of their difference, in milliseconds, as JSON.

The client speaks HTTP/1.1 over a plain socket and reads only the status line and
Content-Length: Python's http.client parsed every response's headers with the email package,
which added about 0.1 ms of the client's own to each figure. When searchd ends a kept-alive
connection (it serves 10 requests on one), the next request's time includes connecting again.

    python3 bench/http_overhead.py INDEX [QUERIES.tsv] [--rounds 3] [--searchd build/searchd/searchd]
"""
import argparse
import json
import pathlib
import re
import socket
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


class KeepAliveClient:
    """GET over one connection while the server keeps it, then over a new one."""

    def __init__(self, port):
        self.port = port
        self.sock = None
        self.buffer = b''

    def connect(self):
        self.sock = socket.create_connection(('127.0.0.1', self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b''

    def receive(self):
        data = self.sock.recv(1 << 16)
        if not data:
            raise ConnectionError('searchd closed the connection mid-answer')
        self.buffer += data

    def get(self, target):
        """Returns the status and body of GET target."""
        if self.sock is None:
            self.connect()
        self.sock.sendall(f'GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.encode())
        while b'\r\n\r\n' not in self.buffer:
            self.receive()
        head, _, self.buffer = self.buffer.partition(b'\r\n\r\n')
        status = int(head.split(b' ', 2)[1])
        length = int(re.search(rb'(?i)\r\ncontent-length: *(\d+)', head).group(1))
        while len(self.buffer) < length:
            self.receive()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if re.search(rb'(?i)\r\nconnection: *close', head):
            self.sock.close()
            self.sock = None
        return status, body


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
        client = KeepAliveClient(port)

        def ask(query):
            started = time.perf_counter()
            status, body = client.get('/api/search?' + urllib.parse.urlencode({'q': query}))
            client_ms = (time.perf_counter() - started) * 1000
            if status != 200:
                raise SystemExit(f'searchd answered {status} to {query!r}')
            return client_ms, json.loads(body)['took_ms']

        for query in queries:
            ask(query)
        waited, took, overhead = [], [], []
        for _ in range(args.rounds):
            for query in queries:
                client_ms, took_ms = ask(query)
                waited.append(client_ms)
                took.append(took_ms)
                overhead.append(client_ms - took_ms)
        print(json.dumps({'queries': len(queries), 'rounds': args.rounds, 'client_ms': percentiles(waited, 3),
                          'took_ms': percentiles(took, 3), 'overhead_ms': percentiles(overhead, 3)}))
    finally:
        server.terminate()
        server.wait()


if __name__ == '__main__':
    main()
