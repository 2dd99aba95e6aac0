#!/usr/bin/env bash
# stress/run.sh: crace under load, faults and bad input (make stress).
# Builds the programs in stress/ with crace, runs each scenario with a time
# limit and prints a table: scenario, result, peak RSS, time. Long scenarios
# also print their resident set every 10 s. Exit status 1 if any failed.
#
# STRESS_QUICK=1 (make stress-quick) runs every scenario at a small size.
# The tools it needs (ThreadSanitizer and helgrind builds of the runtime's
# unit stress, the option fuzzer) are built by the Makefile's stress target.
set -uo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
build=$repo/build
bin=$build/stress
quick=${STRESS_QUICK:-0}
mkdir -p "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

die() {
	echo "stress/run.sh: $*" >&2
	exit 1
}

for f in libcrace.so libcrace-pass.so tsan/test_stress tsan/test_trace \
	helgrind/test_stress \
	fuzz/options_fuzz fuzz/suppressions_fuzz; do
	[ -e "$build/$f" ] || die "$build/$f missing: run 'make stress'"
done
command -v valgrind >/dev/null || die "valgrind missing: run scripts/deps.sh"

clang-14 -O1 -Wall -Wextra -Werror "$repo/stress/measure.c" -o "$bin/measure" ||
	die "cannot build stress/measure.c"
for p in churn alloc traffic limits oom; do
	"$repo/scripts/crace-cc" -O1 "$repo/stress/$p.c" -o "$bin/$p" ||
		die "cannot build stress/$p.c"
done

# size QUICK FULL: the scenario's size for this run.
size() { if [ "$quick" = 1 ]; then echo "$1"; else echo "$2"; fi; }

rows=()
failures=0

# scenario NAME TIMEOUT CHECK CMD...: runs CMD under measure; CHECK is a
# function called with the exit status, the output file, the peak RSS in KiB
# and the RSS series, which prints nothing when the scenario passed, else
# why.
scenario() {
	local name=$1 timeout=$2 check=$3
	shift 3
	local out=$work/$name.out
	printf '%-26s ... ' "$name"
	local m status peak secs series why result
	m=$("$bin/measure" "$out" "$timeout" "$@")
	read -r status peak secs series <<<"$m"
	if why=$($check "$status" "$out" "$peak" "$series" 2>&1) &&
		[ -z "$why" ]; then
		result=pass
	else
		result=FAIL
		failures=$((failures + 1))
	fi
	echo "$result"
	if [ "$result" = FAIL ]; then
		echo "  exit status $status: ${why:-check failed}"
		echo "  last lines of its output:"
		tail -n 15 "$out" | sed 's/^/    | /'
	fi
	[ "$series" != - ] && echo "  RSS MiB every 10 s: $series"
	rows+=("$(printf '%-26s %-6s %9.1f %8s' "$name" "$result" \
		"$(echo "$peak" | awk '{print $1 / 1024}')" "$secs")")
}

# --- checks: status in $1, output file in $2, peak KiB in $3, series in $4 ---

peak_below() { # peak_below MIB PEAK_KB
	[ "$2" -le $(($1 * 1024)) ] || echo "peak RSS $(($2 / 1024)) MiB above $1 MiB"
}
flat_series() { # flat_series SERIES: the last sample within 16 MiB + 25% of the second
	local a
	IFS=, read -r -a a <<<"$1"
	[ ${#a[@]} -lt 3 ] && return
	[ "${a[-1]}" -le $((a[1] + a[1] / 4 + 16)) ] ||
		echo "RSS grows over the run: $1 MiB"
}

want_status() { # want_status N STATUS
	[ "$2" -eq "$1" ] || echo "expected exit status $1"
}
one_line_of() { # one_line_of REGEX FILE: the whole output is that line
	[ "$(wc -l <"$2")" -eq 1 ] && grep -Eq "$1" "$2" ||
		echo "expected only the line /$1/"
}
no_report() { ! grep -q 'WARNING: DATA RACE' "$1" || echo "unexpected race report"; }

check_tsan() {
	want_status 0 "$1"
	! grep -q 'ThreadSanitizer' "$2" || echo "ThreadSanitizer reported"
}
check_helgrind() {
	want_status 0 "$1"
	grep -q 'ERROR SUMMARY: 0 errors' "$2" || echo "helgrind reported"
}
churn_total=$(size 5000 100000)
check_churn() {
	want_status 66 "$1"
	grep -q "^churn: $churn_total threads, $churn_total counted" "$2" ||
		echo "not every thread ran"
	[ "$(grep -c 'WARNING: DATA RACE' "$2")" -eq 1 ] || echo "expected 1 report"
	grep -q "Previous write at .* by thread T$((churn_total + 1)):" "$2" &&
		grep -q "^Thread T$((churn_total + 1)) (finished) created at:" "$2" ||
		echo "the racing thread is not named T$((churn_total + 1))"
	# Reclaimed: the peak does not grow with the number of threads.
	peak_below 256 "$3"
}
check_ok_line() { # the program's own success line, no report
	want_status 0 "$1"
	no_report "$2"
	grep -q "$ok_line" "$2" || echo "no '$ok_line' line"
}
check_bounded() { # ... and memory bounded over a long run
	check_ok_line "$@"
	peak_below 1024 "$3"
	flat_series "$4"
}
check_deep() {
	want_status 66 "$1"
	grep -q "^limits: $deep nested calls ok" "$2" || echo "recursion did not finish"
	grep -q 'Location is global .deep_target.' "$2" || echo "no report"
	# The previous access's stack is the recursion (a bounded number of
	# frames), or only the innermost frame beyond the shadow stack.
	grep -A2 '^Previous write' "$2" | grep -q 'recurse()' ||
		echo "the previous stack does not start in recurse()"
}
check_oom() {
	want_status 1 "$1"
	one_line_of '^crace: out of memory: cannot map [0-9]+ bytes for shadow memory \(Cannot allocate memory\)$' "$2"
}
check_fuzz() {
	want_status 0 "$1"
	grep -q '^Done [0-9]* runs' "$2" || echo "fuzzer did not finish"
}

# --- scenarios ---

scenario runtime-under-tsan 600 check_tsan \
	"$build/tsan/test_stress" 4 "$(size 2 5)" "$(size 5000 20000)"
scenario trace-readers-under-tsan 300 check_tsan \
	"$build/tsan/test_trace" "$(size 100000 1000000)"
scenario runtime-under-helgrind 600 check_helgrind \
	valgrind --tool=helgrind --suppressions="$repo/stress/helgrind.supp" \
	"$build/helgrind/test_stress" 3 "$(size 1 2)" "$(size 500 2000)"
scenario "thread-churn-$churn_total" 300 check_churn \
	env LD_PRELOAD="$build/libcrace.so" "$bin/churn" "$churn_total" \
	"$(size 500 1000)" race
mib=$(size 512 10240)
ok_line="^alloc: $mib MiB allocated"
scenario "alloc-touch-free-${mib}MiB" 600 check_bounded \
	env LD_PRELOAD="$build/libcrace.so" "$bin/alloc" "$mib" 2
secs=$(size 20 180)
ok_line="^traffic: [0-9]* iterations in $secs s"
scenario "lock-atomic-traffic-${secs}s" $((secs + 120)) check_bounded \
	env LD_PRELOAD="$build/libcrace.so" "$bin/traffic" "$secs" 4
ok_line="^limits: 10000 locks held at once ok"
scenario many-locks-10000 120 check_ok_line \
	env LD_PRELOAD="$build/libcrace.so" "$bin/limits" locks 10000
for deep in 10000 200000; do
	scenario "nested-calls-$deep" 120 check_deep \
		env LD_PRELOAD="$build/libcrace.so" "$bin/limits" deep "$deep"
done
ok_line="^limits: 8 GiB allocation ok"
scenario malloc-8GiB-sparse 120 check_ok_line \
	env LD_PRELOAD="$build/libcrace.so" "$bin/limits" huge 8
ok_line="^limits: 1 TiB mapping ok"
scenario mmap-1TiB-noreserve 120 check_ok_line \
	env LD_PRELOAD="$build/libcrace.so" "$bin/limits" mmap 1
# crace reserves ~4.4 GiB of address space at start-up (shadow directory
# and extension arena); 6 GiB leaves it room to start and then run out.
scenario shadow-oom-ulimit-v 120 check_oom \
	bash -c "ulimit -v 6291456 && exec env LD_PRELOAD='$build/libcrace.so' '$bin/oom'"
fuzz_secs=$(size 10 60)
scenario "fuzz-options-${fuzz_secs}s" $((fuzz_secs + 60)) check_fuzz \
	"$build/fuzz/options_fuzz" -max_total_time="$fuzz_secs" -max_len=512 \
	-seed=1
scenario "fuzz-suppressions-${fuzz_secs}s" $((fuzz_secs + 60)) check_fuzz \
	"$build/fuzz/suppressions_fuzz" -max_total_time="$fuzz_secs" \
	-max_len=4096 -seed=1

echo
printf '%-26s %-6s %9s %8s\n' scenario result "peak MiB" "time s"
printf '%s\n' "${rows[@]}"
echo "$(( ${#rows[@]} - failures )) passed, $failures failed"
[ "$failures" -eq 0 ]
