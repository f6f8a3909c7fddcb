#!/usr/bin/env python3
"""Merge precision of the entity catalog, from hand judgements (see README.md).

Usage: score.py DUMPS_DIR
DUMPS_DIR holds {before,after}-SET.tsv as Merges.java prints them (type, name, labels joined
with " | "). judgements.tsv (beside this script) says of each merged entity, keyed by its
labels, whether the merge is right; namesakes.tsv lists pairs of different people who share a
surname. Prints, per set and overall, the merges (entities of more than one label), how many are
judged right, wrong or unclear, the precision right / (right + wrong), and whether every
namesake pair found in the set is kept apart.
"""
import csv, os, sys

here = os.path.dirname(os.path.abspath(__file__))
dumps = sys.argv[1]

def rows(path):
    with open(path, encoding='utf-8') as f:
        return [r for r in csv.reader(f, delimiter='\t') if r and not r[0].startswith('#')]

judged = {}
for r in rows(os.path.join(here, 'judgements.tsv')):
    judged[r[0]] = r[1]
namesakes = [(r[0], r[1]) for r in rows(os.path.join(here, 'namesakes.tsv'))]

sets = sorted({f.split('-', 1)[1][:-4] for f in os.listdir(dumps) if f.endswith('.tsv') and '-' in f})
unjudged = []
print('| code | set | merges | right | wrong | unclear | precision | namesake pairs | kept apart |')
print('|---|---|---|---|---|---|---|---|---|')
for side in ('before', 'after'):
    total = {'merges': 0, 'right': 0, 'wrong': 0, 'unclear': 0, 'pairs': 0, 'apart': 0}
    for s in sets:
        path = os.path.join(dumps, f'{side}-{s}.tsv')
        if not os.path.exists(path):
            continue
        entities = rows(path)
        c = {'merges': 0, 'right': 0, 'wrong': 0, 'unclear': 0, 'pairs': 0, 'apart': 0}
        names_of = []
        for t, name, labels in entities:
            ls = labels.split(' | ')
            names_of.append({l.split('|', 1)[1] for l in ls})
            if len(ls) < 2:
                continue
            c['merges'] += 1
            v = judged.get(labels)
            if v is None:
                unjudged.append((side, s, labels))
            else:
                c[v] += 1
        present = set().union(*names_of) if names_of else set()
        for a, b in namesakes:
            if a in present and b in present:
                c['pairs'] += 1
                if not any(a in n and b in n for n in names_of):
                    c['apart'] += 1
        for k in total:
            total[k] += c[k]
        p = c['right'] / (c['right'] + c['wrong']) if c['right'] + c['wrong'] else float('nan')
        print(f"| {side} | {s} | {c['merges']} | {c['right']} | {c['wrong']} | {c['unclear']} | {p:.3f} | {c['pairs']} | {c['apart']} |")
    p = total['right'] / (total['right'] + total['wrong']) if total['right'] + total['wrong'] else float('nan')
    print(f"| {side} | all | {total['merges']} | {total['right']} | {total['wrong']} | {total['unclear']} | {p:.3f} | {total['pairs']} | {total['apart']} |")
for side, s, labels in unjudged:
    print(f'not judged ({side}, {s}): {labels}', file=sys.stderr)
sys.exit(1 if unjudged else 0)
