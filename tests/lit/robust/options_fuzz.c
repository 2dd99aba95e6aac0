// Quick run of the libFuzzer target over the CRACE_OPTIONS parser (make
// stress runs it for a minute): every key with bad values, no crash, no read
// past the text, every error one short line naming CRACE_OPTIONS.
// RUN: clang-14 -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address -I%S/../../../include -I%S/../../../runtime %S/../../fuzz/options_fuzz.c %S/../../../runtime/options.c %S/../../../runtime/alloc.c -o %t
// RUN: %t -runs=100000 -max_len=256 -seed=1 2>&1 | FileCheck %s
// Nothing in this file: the fuzz target is tests/fuzz/options_fuzz.c.

// CHECK: Done 100000 runs
