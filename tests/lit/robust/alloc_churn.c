// Quick version of make stress's allocation churn: 256 MiB allocated,
// touched and freed by two threads, with a mutex and an atomic in every
// block (their sync objects are dropped with the block). Race-free.
// RUN: %clang_crace -O1 %S/../../../stress/alloc.c -o %t
// RUN: %expect_exit 0 %run %t 256 2 | FileCheck %s
// Nothing in this file: the program is stress/alloc.c.

// CHECK-NOT: WARNING
// CHECK:     alloc: 256 MiB allocated, touched and freed by 2 threads
