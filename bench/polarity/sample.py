"""Sample 260 judgement paragraphs, 2018-2026, >=150 chars, <=2 per report, <=1 per (report, section).
Input: all.ndjson from
  build/cli/findings --db IDX --all --format ndjson type:judgement year:2018..2026
"""
import json, random
SEED = 20261203
N = 260
rows = [json.loads(l) for l in open('all.ndjson')]
rows = [r for r in rows if r['finding_type'] == 'judgement' and 2018 <= r['year'] <= 2026 and len(r['text']) >= 150]
rows.sort(key=lambda r: (r['report_id'], r['position']))
rng = random.Random(SEED)
rng.shuffle(rows)
per_report, used_sec, out = {}, set(), []
for r in rows:
    rid = r['report_id']; sec = (rid, json.dumps(r['section']))
    if per_report.get(rid, 0) >= 2 or sec in used_sec:
        continue
    per_report[rid] = per_report.get(rid, 0) + 1; used_sec.add(sec); out.append(r)
    if len(out) == N:
        break
with open('sample.ndjson', 'w') as f:
    for i, r in enumerate(out):
        f.write(json.dumps({'n': i, 'id': r['id'], 'year': r['year'], 'grade': r['grade'], 'section': r['section'], 'text': ' '.join(r['text'].split())}) + '\n')
print(len(out), len(per_report))
