#!/usr/bin/env bash
# check.sh [UNIT_TEST_BINARY...]: runs the unit test binaries (pass = exit 0)
# and the lit suite in tests/lit, shows what failed, and ends with the line
# "N passed, M failed". Exit status 1 if anything failed. Called by make check.
set -uo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
LIT=${LIT:-/usr/lib/llvm-14/build/utils/lit/lit.py}
JOBS=${CRACE_CHECK_JOBS:-2}
passed=0
failed=0
failures=()

# Unit tests.
for bin in "$@"; do
	out=$(mktemp)
	if timeout 300 "$bin" >"$out" 2>&1; then
		passed=$((passed + 1))
	else
		rc=$?
		failed=$((failed + 1))
		failures+=("unit: $bin")
		echo "---- FAIL (exit $rc): $bin"
		tail -n 50 "$out"
		echo "----"
	fi
	rm -f "$out"
done
[ $# -gt 0 ] && echo "unit tests: $passed of $# passed"

# lit tests. The JSON results give exact counts; the text log is shown for
# everything but the passing tests.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout 540 python3 "$LIT" -v -j"$JOBS" -o "$work/results.json" \
	"$repo/tests/lit" >"$work/lit.log" 2>&1
lit_rc=$?
grep -v -E '^(PASS|XFAIL|UNSUPPORTED): ' "$work/lit.log"
if [ $lit_rc -eq 124 ]; then
	echo "check.sh: lit did not finish within 540 s"
fi

if [ -s "$work/results.json" ]; then
	counts=$(python3 - "$work/results.json" <<'PY'
import json, sys
good = {'PASS', 'XFAIL', 'UNSUPPORTED'}
p = f = 0
bad = []
for t in json.load(open(sys.argv[1]))['tests']:
    if t['code'] in good:
        p += 1
    else:
        f += 1
        bad.append('%s: %s' % (t['code'], t['name']))
print(p, f)
for b in bad:
    print(b)
PY
)
	read -r lp lf <<<"$(head -n 1 <<<"$counts")"
	passed=$((passed + lp))
	failed=$((failed + lf))
	while IFS= read -r l; do
		[ -n "$l" ] && failures+=("lit: $l")
	done < <(tail -n +2 <<<"$counts")
	if [ "$lf" -eq 0 ] && [ $lit_rc -ne 0 ]; then
		failed=$((failed + 1))
		failures+=("lit: exited with status $lit_rc")
	fi
else
	failed=$((failed + 1))
	failures+=("lit: no results (exit status $lit_rc; see the log above)")
fi

if [ ${#failures[@]} -gt 0 ]; then
	echo
	echo "Failed:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
