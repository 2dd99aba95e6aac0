#!/usr/bin/env python3
"""whole-reports.py < OUTPUT: checks that every race report in OUTPUT is
whole and not interleaved with another: a report is the rule line,
"WARNING: DATA RACE", the current access and its stack, a blank line, the
previous access and its stack, then only location/thread sections, up to
the closing rule. Prints "N whole reports" or the first bad line and exits
1."""
import re
import sys

RULE = '=================='
lines = sys.stdin.read().split('\n') + [None]  # None: end of input
i, n = 0, 0


def fail(why):
    print('bad report at line %d: %s: %r' % (i + 1, why,
          lines[i] if i < len(lines) else None))
    sys.exit(1)


def frames():
    """A stack: pairs of '  func()' and '      location' lines."""
    global i
    count = 0
    while lines[i] is not None and lines[i].startswith('  ') and \
            not lines[i].startswith('      ') and \
            (lines[i + 1] or '').startswith('      '):
        i += 2
        count += 1
    if not count:
        fail('expected a stack')


while lines[i] is not None:
    if lines[i] != RULE:
        i += 1
        continue
    i += 1
    if lines[i] != 'WARNING: DATA RACE':
        fail('expected WARNING')
    i += 1
    if not re.match(r'(Atomic )?(Read|Write|read|write) at 0x[0-9a-f]+ by ',
                    lines[i] or ''):
        fail('expected the current access')
    i += 1
    frames()
    if lines[i] != '':
        fail('expected a blank line')
    i += 1
    if not re.match(r'Previous (atomic )?(read|write) at 0x[0-9a-f]+ by ',
                    lines[i] or ''):
        fail('expected the previous access')
    i += 1
    if lines[i] == '  [failed to restore the stack]':
        i += 1
    else:
        frames()
    while lines[i] != RULE:
        if lines[i] is None:
            fail('report not closed')
        elif lines[i] == '':
            i += 1
        elif lines[i].startswith('Location is '):
            i += 1
            if (lines[i] or '').startswith('  '):
                frames()
        elif re.match(r'Thread T\d+ \((running|finished)\) created at:$',
                      lines[i]):
            i += 1
            frames()
        else:
            fail('unexpected line inside a report')
    i += 1
    n += 1
print('%d whole reports' % n)
