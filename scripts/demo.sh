#!/usr/bin/env bash
# demo.sh: builds examples/racy.c with crace, runs it and shows the report.
# Exits 0 if crace reported the race (the program exited with status 66).
set -uo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$repo" || exit 1

echo "+ scripts/crace-cc -O1 examples/racy.c -o build/racy"
scripts/crace-cc -O1 examples/racy.c -o build/racy || { echo "demo: build failed"; exit 1; }
echo "+ scripts/crace-run build/racy"
scripts/crace-run build/racy
status=$?
echo
echo "exit status: $status"
if [ $status -eq 66 ]; then
	echo "crace found data races: exit status 66 means at least one race was reported (option exitcode)."
	exit 0
fi
echo "demo: expected crace to report the race in examples/racy.c (exit status 66), got $status"
exit 1
