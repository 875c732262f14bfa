#!/usr/bin/env python3
"""Scores the parser's extraction against a generated corpus's answer key.

This script owns the extraction score of the benchmark corpus: it reads DIR/truth.jsonl
(written by bench/generate_corpus.py) and every paragraph of an index of that corpus
(streamed by `findings --all --format ndjson`), matches each true paragraph to an indexed
one by its normalised text (whitespace collapsed, typographic quotes and dashes as ASCII,
leading paragraph numbers and bullets removed), and prints the share of true paragraphs
found and the accuracy of each facet over the found ones, with the commonest confusions.
Paragraphs not found are sorted into merged (inside a longer indexed paragraph), split
(an indexed paragraph is a piece of it) and lost.
"""

import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

FACETS = ["authority", "year", "date", "kind", "finding_type", "grade", "timescale"]
TRANSLATION = {0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-", 0x2212: "-", 0xA0: " "}
LEADING_MARK = re.compile(r"^(?:[\u2022\u25aa\u25fc\uf000-\uf8ff-]\s*)?(?:\d{1,3}\.\s+)?")


def normalise(text):
    text = " ".join(text.translate(TRANSLATION).split())
    return LEADING_MARK.sub("", text, count=1)


def indexed_paragraphs(findings, db):
    """Streams every paragraph in the index (a year range matches them all)."""
    command = [findings, "--all", "--format", "ndjson", "--db", db, "year:1900..2100"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, encoding="utf-8")
    for line in process.stdout:
        yield json.loads(line)
    if process.wait() not in (0, 1):
        sys.exit(f"score_extraction: {' '.join(command)} failed")


def report_key(file_name):
    """The report id the parser should give a reports/ file (its stem), or None for seed files."""
    return Path(file_name).stem if file_name.startswith("reports/") else None


def pick(candidates, truth):
    """The best unused indexed paragraph for a true one: same report, then same date; a text
    repeated across reports (a formula) is only matched inside its own report or date."""
    free = [c for c in candidates if not c.get("_used")]
    if not free:
        return None
    key = report_key(truth["file"])
    tests = [lambda c: c["report_id"] == key, lambda c: c["date"] == truth["date"]]
    if len(candidates) == 1:
        tests.append(lambda c: True)  # a text found once: its facets may be wrong, not its identity
    for test in tests:
        for candidate in free:
            if test(candidate):
                candidate["_used"] = True
                return candidate
    return None


def classify_missing(text, haystack, indexed_texts):
    if text in haystack:
        return "merged into a longer paragraph"
    head = text[:60]
    if any(t and head.startswith(t[:60]) and len(t) < len(text) for t in indexed_texts.get(head[:30], ())):
        return "split into pieces"
    return "lost or altered"


def score(args):
    by_text = collections.defaultdict(list)
    by_head = collections.defaultdict(list)
    for hit in indexed_paragraphs(args.findings, args.db):
        text = normalise(hit["text"])
        hit["grade"] = hit["grade"] or "ungraded"
        hit["timescale"] = hit["timescale"] or "none"
        by_text[text].append(hit)
        by_head[text[:30]].append(text)
    indexed = sum(len(v) for v in by_text.values())
    haystack = "\n".join(by_text)

    total, found = 0, 0
    correct = collections.Counter()
    confusions = {facet: collections.Counter() for facet in FACETS}
    examples = {facet: [] for facet in FACETS}
    missing = collections.Counter()
    missing_examples = collections.defaultdict(list)
    with open(args.truth, encoding="utf-8") as truth_file:
        for line in truth_file:
            truth = json.loads(line)
            total += 1
            text = normalise(truth["text"])
            hit = pick(by_text.get(text, ()), truth)
            if hit is None:
                reason = classify_missing(text, haystack, by_head) if len(missing_examples) < 10_000 else "not checked"
                missing[(reason, truth["kind"])] += 1
                if len(missing_examples[reason]) < args.examples:
                    missing_examples[reason].append(f"{truth['file']} #{truth['position']}: {text[:110]}")
                continue
            found += 1
            for facet in FACETS:
                expected, got = str(truth[facet]), str(hit[facet])
                if expected == got:
                    correct[facet] += 1
                else:
                    confusions[facet][(expected, got)] += 1
                    if len(examples[facet]) < args.examples:
                        examples[facet].append(f"{truth['file']} #{truth['position']} ({hit.get('section')}): {text[:90]}")
    report(total, found, indexed, correct, confusions, examples, missing, missing_examples)


def report(total, found, indexed, correct, confusions, examples, missing, missing_examples):
    print(f"true paragraphs {total}, indexed paragraphs {indexed}, found {found} ({100 * found / max(total, 1):.2f}%)")
    for facet in FACETS:
        print(f"  {facet:13} {100 * correct[facet] / max(found, 1):6.2f}%")
    for facet in FACETS:
        if confusions[facet]:
            top = ", ".join(f"{e} -> {g}: {n}" for (e, g), n in confusions[facet].most_common(6))
            print(f"{facet} confusions (truth -> parsed): {top}")
            for example in examples[facet]:
                print(f"    {example}")
    if missing:
        print("not found:")
        for (reason, kind), count in missing.most_common():
            print(f"  {reason:32} {kind:18} {count}")
        for reason, lines in missing_examples.items():
            print(f"  e.g. {reason}:")
            for example in lines:
                print(f"    {example}")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Compare the facets the parser extracted (read back from an index) with the truth "
                    "written by bench/generate_corpus.py; print the share found and per-facet accuracy.",
        epilog="Example: python3 bench/score_extraction.py --truth /tmp/gen/truth.jsonl --db /tmp/gen-index "
               "--findings /tmp/build-gen/cli/findings")
    parser.add_argument("--truth", type=Path, required=True, help="truth.jsonl from generate_corpus.py")
    parser.add_argument("--db", required=True, help="the index built from that corpus by the indexer")
    parser.add_argument("--findings", default="findings", help="the findings command line program (default: on PATH)")
    parser.add_argument("--examples", type=int, default=3, help="examples to print for each kind of error (default 3)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    score(parse_arguments(sys.argv[1:]))
