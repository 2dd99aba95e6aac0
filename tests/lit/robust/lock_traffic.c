// Quick version of make stress's lock and atomic traffic: 2 seconds of
// mutexes, rwlocks, heap mutexes made and freed, release/acquire messages
// and seq_cst counters in 4 threads. Race-free.
// RUN: %clang_crace -O1 %S/../../../stress/traffic.c -o %t
// RUN: %expect_exit 0 %run %t 2 4 | FileCheck %s
// Nothing in this file: the program is stress/traffic.c.

// CHECK-NOT: WARNING
// CHECK:     traffic: {{[0-9]+}} iterations in 2 s by 4 threads
