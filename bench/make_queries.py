#!/usr/bin/env python3
"""Writes bench/queries.tsv: the fixed, varied query set of the latency benchmarks.

Each line is `class<TAB>query`. The classes cover what users ask: single rare and common terms,
several terms, phrases, plain-language cues with filters, cue-only queries that match a large
share of the index, and explicit field syntax. Words are drawn (with a fixed seed) from the
real corpus, so the same set is meaningful over the real and the generated corpus.

Usage: python3 bench/make_queries.py [--corpus corpus] [--out bench/queries.tsv] [--seed 7]
"""
import argparse
import collections
import glob
import random
import re

STOP = set("""a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not of off
on once only or other our out over own same she should so some such than that the their them then there
these they this those through to too under until up very was we were what when where which while who whom
why will with would you your""".split())

CUES = ["since 2018", "before 2015", "in 2016", "2019-2022", "between 2014 and 2017", "weaknesses",
        "strengths", "concerns", "good practice", "priority action", "recommendations", "what needs to improve",
        "within six months", "in Croydon", "Birmingham", "Kent", "Lancashire", "graded inadequate", "rated good"]
CUE_ONLY = ["Croydon strengths", "weaknesses since 2018", "recommendations 2016", "strengths in 2024",
            "Kent weaknesses", "priority action 2009", "graded inadequate", "concerns since 2013",
            "Birmingham recommendations", "rated outstanding since 2019", "Essex", "Leeds strengths since 2015",
            "within three months", "weaknesses", "strengths", "recommendations", "2021", "since 2014",
            "Manchester concerns", "Surrey 2019-2023"]
FIELDS = ['authority:"Barking and Dagenham" year:2009..2011', "type:priority_action", "grade:inadequate",
          "region:London type:recommendation", "year:2020..2024 type:strength", "kind:focused_visit",
          'authority:Croydon grade:good', "year:2015", 'region:"North West" grade:outstanding',
          "type:area_for_development"]


def words_of(corpus):
    counts = collections.Counter()
    for path in sorted(glob.glob(f"{corpus}/**/*.txt", recursive=True)):
        text = open(path, encoding="utf-8", errors="replace").read().lower()
        counts.update(w for w in re.findall(r"[a-z][a-z'-]{3,}", text) if w not in STOP)
    return counts


def phrases_of(corpus, rng, count):
    sentences = []
    for path in sorted(glob.glob(f"{corpus}/reports/*.txt"))[::7]:
        sentences += re.findall(r"[A-Z][a-z]+(?: [a-z]+){3,8}", open(path, encoding="utf-8", errors="replace").read())
    picks = rng.sample(sentences, count)
    return ['"' + " ".join(s.split()[1:4]) + '"' for s in picks]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--out", default="bench/queries.tsv")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = words_of(args.corpus)
    ranked = [w for w, _ in counts.most_common()]
    common = ranked[:300]
    rare = sorted(w for w, c in counts.items() if 2 <= c <= 5 and "'" not in w)
    middle = ranked[300:3000]
    lines = []
    lines += [("rare_term", w) for w in rng.sample(rare, 60)]
    lines += [("common_term", w) for w in rng.sample(common, 40)]
    lines += [("several_terms", " ".join(rng.sample(middle, rng.randint(2, 4)))) for _ in range(60)]
    lines += [("phrase", p) for p in phrases_of(args.corpus, rng, 40)]
    lines += [("cue_filter", " ".join(rng.sample(middle, rng.randint(1, 3))) + " " + rng.choice(CUES)) for _ in range(60)]
    lines += [("cue_only", q) for q in CUE_ONLY]
    lines += [("field_syntax", (rng.choice(middle) + " " if i % 2 else "") + f) for i, f in enumerate(FIELDS * 2)]
    with open(args.out, "w", encoding="utf-8") as out:
        for query_class, query in lines:
            out.write(f"{query_class}\t{query}\n")
    print(f"{len(lines)} queries written to {args.out}")


if __name__ == "__main__":
    main()
