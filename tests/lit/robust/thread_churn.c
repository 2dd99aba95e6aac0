// Quick version of make stress's thread churn: 3,000 threads (half of them
// detached), at most 300 alive at once, then one more that races with the
// main thread. The report names it T3001: thread ids stay unique while the
// registry reclaims finished threads.
// RUN: %clang_crace -O1 %S/../../../stress/churn.c -o %t
// RUN: %expect_exit 66 %run %t 3000 300 race | FileCheck %s
// Nothing in this file: the program is stress/churn.c.

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: churn.c:
// CHECK:      Previous write at [[ADDR]] by thread T3001:
// CHECK-NEXT: worker()
// CHECK-NEXT: churn.c:
// CHECK:      Location is global 'racy' of size 4 at [[ADDR]]
// CHECK:      Thread T3001 (finished) created at:
// CHECK-NEXT: pthread_create()
// CHECK:      main()
// CHECK-DAG:  Found 1 data race(s)
// CHECK-DAG:  churn: 3000 threads, 3000 counted, racy=2
