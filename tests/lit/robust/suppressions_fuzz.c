// Quick run of the libFuzzer target over the suppressions-file parser (make
// stress runs it for a minute): no crash, no read past the buffer, every
// error one line "line N: ...", every glob consistent with its matcher.
// RUN: clang-14 -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address -I%S/../../../include -I%S/../../../runtime %S/../../fuzz/suppressions_fuzz.c %S/../../../runtime/suppressions.c -o %t
// RUN: %t -runs=100000 -max_len=512 -seed=1 2>&1 | FileCheck %s
// Nothing in this file: the fuzz target is tests/fuzz/suppressions_fuzz.c.

// CHECK: Done 100000 runs
