#!/usr/bin/env bash
# markers.sh FILE: prints "-DNAME=LINE" for every line of FILE that ends with
# a marker comment "// L:NAME", for FileCheck. A test writes
#     counter = 1; // L:W
#     // CHECK: racy.c:[[W]]:
# and runs  FileCheck %s $(%markers %s)  so CHECK lines name source lines
# without hard-coded numbers.
awk 'match($0, /\/\/ L:[A-Za-z_][A-Za-z0-9_]*[ \t]*$/) {
	name = substr($0, RSTART + 5, RLENGTH - 5)
	sub(/[ \t]+$/, "", name)
	printf "-D%s=%d\n", name, NR
}' "$1"
