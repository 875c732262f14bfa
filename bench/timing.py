"""What the Python benchmarks share: reading a query set and summarising timings.

Query sets (bench/queries.tsv and the like) have a line per query: its class, a tab, the query.
"""
import pathlib


def read_queries(path):
    """Returns the (class, query) pairs of a query set, in order."""
    pairs = []
    for line in pathlib.Path(path).read_text(encoding='utf-8').splitlines():
        if '\t' in line:
            query_class, query = line.split('\t', 1)
            pairs.append((query_class, query.strip()))
    return pairs


def percentile(values, share):
    """Returns the value at share (0.5 for the median) of values, by nearest rank; 0 for none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0


def percentiles(values, digits):
    """Returns p50, p95 and p99 of values, rounded to digits."""
    return {name: round(percentile(values, share), digits)
            for name, share in (('p50', 0.50), ('p95', 0.95), ('p99', 0.99))}
