#!/usr/bin/env python3
"""gate_facts.py KIND FILE...: prints the facts a test checks with FileCheck
from crace-gate's and the runtime's machine-readable outputs, one per line.
  sarif FILE VALIDATION  the SARIF file, and the Multitool's findings on it
  junit FILE             the JUnit XML, parsed back with xml.etree
  jsonl FILE             a runtime log of JSON reports, one object per line
Fails (exit 1) on anything that does not parse."""
import json
import sys
import xml.etree.ElementTree as ET


def frame(f):
    return '%s@%s:%s%s' % (f.get('function'), f.get('file'), f.get('line'),
                           ' inlined' if f.get('inlined') else '')


def sarif(path, validation):
    v = json.load(open(validation))
    problems = [r for run in v.get('runs', []) for r in run.get('results', [])]
    for p in problems:
        print('validation: %s %s %s' % (p.get('level'), p.get('ruleId'),
                                        p.get('message')))
    print('validation problems: %d' % len(problems))
    log = json.load(open(path))
    print('version %s' % log['version'])
    run = log['runs'][0]
    print('rules: %s' % ' '.join(r['id'] for r in run['tool']['driver']['rules']))
    for r in run['results']:
        loc = r['locations'][0]['physicalLocation']
        rel = r['relatedLocations'][0]['physicalLocation']
        print('result %s %s %s fp=%s' % (r['ruleId'], r['level'],
                                         r['baselineState'],
                                         r['partialFingerprints']['craceRace/v1']))
        print('  location %s:%d' % (loc['artifactLocation']['uri'],
                                    loc['region']['startLine']))
        print('  related %s:%d' % (rel['artifactLocation']['uri'],
                                   rel['region']['startLine']))
        for tf in r['codeFlows'][0]['threadFlows']:
            lines = [l['location'].get('physicalLocation', {})
                     .get('region', {}).get('startLine')
                     for l in tf['locations']]
            print('  threadflow %s: %s' % (tf['message']['text'],
                                           ' '.join(map(str, lines))))


def junit(path):
    root = ET.parse(path).getroot()
    suite = root.find('testsuite')
    print('testsuite tests=%s failures=%s skipped=%s' % (
        suite.get('tests'), suite.get('failures'), suite.get('skipped')))
    for tc in suite.findall('testcase'):
        state = ('failure' if tc.find('failure') is not None else
                 'skipped' if tc.find('skipped') is not None else 'passed')
        print('testcase %s %s: %s' % (tc.get('classname'), state,
                                      tc.get('name')))


def jsonl(path):
    for line in open(path):
        r = json.loads(line)
        if r['kind'] == 'summary':
            print('summary %s' % json.dumps(r['counts'], sort_keys=True))
            continue
        print('report %s pid=%s' % (r['kind'], r['pid'] > 0))
        for m in r['mops']:
            print('  mop %s%s%s size=%d thread=%s %s' % (
                'previous ' if m['previous'] else '',
                'atomic ' if m['atomic'] else '', m['access'], m['size'],
                m['thread'], ' '.join(frame(f) for f in m['stack'])))
        for l in r['locations']:
            print('  location %s %s' % (l['kind'], l.get('name')))
        for t in r['threads']:
            print('  thread %d %s' % (t['id'], ' '.join(
                frame(f) for f in t['created_at'])))


if __name__ == '__main__':
    {'sarif': sarif, 'junit': junit, 'jsonl': jsonl}[sys.argv[1]](*sys.argv[2:])
