#!/usr/bin/env python3
"""Scores similar findings against paragraphs judged by reading (bench/similar/judged.json).

For each judged source paragraph, runs `findings --similar ID --format json` over the shipped
corpus and grades its first five results: 2 same topic and a comparable finding, 1 related,
0 not about the topic. Prints the mean grade, the share at least related, the share of close
matches, and the results nobody has judged yet (judge those before trusting a change).

    python3 bench/similar/score.py --db /tmp/fidx [--findings build/cli/findings] [--show]
"""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--db', required=True, help='an index of corpus/')
    parser.add_argument('--findings', default=str(HERE.parent.parent / 'build' / 'cli' / 'findings'))
    parser.add_argument('--judged', default=str(HERE / 'judged.json'))
    parser.add_argument('--show', action='store_true', help='print each source and its grades')
    args = parser.parse_args()
    judged = json.loads(pathlib.Path(args.judged).read_text())
    grades, unjudged = [], []
    for source, graded in sorted(judged.items()):
        run = subprocess.run([args.findings, '--db', args.db, '--format', 'json', '--similar', source],
                             capture_output=True, text=True, check=True)
        found = [hit['id'] for hit in json.loads(run.stdout)['results'][:5]]
        these = [graded[hit] for hit in found if hit in graded]
        unjudged += [(source, hit) for hit in found if hit not in graded]
        grades += these
        if args.show:
            print(f'{source}: {these}' + (f' ({len(found) - len(these)} unjudged)' if len(these) < len(found) else ''))
    if not grades:
        sys.exit('no judged result was found')
    print(f'{len(judged)} sources, {len(grades)} judged results: mean grade {sum(grades) / len(grades):.2f} of 2, '
          f'{sum(g >= 1 for g in grades) / len(grades):.0%} at least related, {sum(g == 2 for g in grades) / len(grades):.0%} close')
    for source, hit in unjudged:
        print(f'unjudged: {source} -> {hit}')


if __name__ == '__main__':
    main()
