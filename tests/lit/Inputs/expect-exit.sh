#!/usr/bin/env bash
# expect-exit.sh STATUS CMD [ARGS...]
# Runs CMD with its stderr merged into its stdout (so a test can pipe both to
# FileCheck) and succeeds only if CMD exits with exactly STATUS. On a mismatch
# it says so on its own stderr, which the test does not redirect, so lit shows
# the message.
if [ $# -lt 2 ]; then
	echo "usage: expect-exit.sh STATUS CMD [ARGS...]" >&2
	exit 2
fi
want=$1
shift
"$@" 2>&1
got=$?
if [ "$got" -ne "$want" ]; then
	echo "expect-exit: expected exit status $want, got $got from: $*" >&2
	exit 1
fi
exit 0
