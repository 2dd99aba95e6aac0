#!/usr/bin/env bash
# bench/run.sh: builds bench/ three ways and compares them (make bench).
# Environment: BENCH=name[,name...] runs only those; BENCH_QUICK=1 runs a
# short size (3%, a smoke test); BENCH_RUNS=N runs each N times (default 3);
# BENCH_SIZE=P sets the size in percent of the default. The work is done by
# bench/bench.py.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
for tool in /usr/bin/time objcopy clang-14 clang++-14 python3 valgrind; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "bench/run.sh: $tool not found: run scripts/deps.sh" >&2; exit 2; }
done
exec python3 "$here/bench.py"
