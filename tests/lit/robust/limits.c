// Sizes at the edge: 1,000 mutexes held by one thread, 10,000 and 100,000
// nested calls (beyond the shadow stack's 65,536 frames a stack stops at the
// innermost frame rather than show a gap), a sparse 5 GiB malloc and a 1 TiB
// MAP_NORESERVE mapping. No crash, and the race at the bottom of the
// recursion is reported.
// RUN: %clang_crace -O1 %S/../../../stress/limits.c -o %t
// RUN: %expect_exit 0 %run %t locks 1000 | FileCheck --check-prefix=LOCKS %s
// RUN: %expect_exit 66 %run %t deep 10000 | FileCheck --check-prefix=DEEP %s
// RUN: %expect_exit 66 %run %t deep 100000 | FileCheck --check-prefix=DEEPER %s
// RUN: %expect_exit 0 %run %t huge 5 | FileCheck --check-prefix=HUGE %s
// The sparse malloc costs only what it touches (peak RSS in KiB):
// RUN: /usr/bin/time -f %%M -o %t.rss %run %t huge 5 > /dev/null
// RUN: test "$(tail -n 1 %t.rss)" -lt 65536
// RUN: %expect_exit 0 %run %t mmap 1 | FileCheck --check-prefix=MMAP %s
// Nothing in this file: the program is stress/limits.c.

// LOCKS-NOT: WARNING
// LOCKS:     limits: 1000 locks held at once ok

// DEEP:      Previous write at {{.*}} by thread T1:
// DEEP-NEXT: recurse()
// DEEP-NEXT: limits.c:
// DEEP-NEXT: recurse()
// DEEP:      Location is global 'deep_target'
// DEEP:      limits: 10000 nested calls ok

// DEEPER:      Previous write at {{.*}} by thread T1:
// DEEPER-NEXT: recurse()
// DEEPER-NEXT: limits.c:
// DEEPER-EMPTY:
// DEEPER-NEXT: Location is global 'deep_target'
// DEEPER:      limits: 100000 nested calls ok

// HUGE-NOT: WARNING
// HUGE:     limits: 5 GiB allocation ok

// MMAP-NOT: WARNING
// MMAP:     limits: 1 TiB mapping ok (1024 pages touched)
