// Baseline workflow: --update-baseline records the races seen; with that
// baseline they are known and the gate passes; a baseline entry no longer
// seen is listed as fixed; a race missing from the baseline is new (66).
// RUN: %crace_cc -O1 %s -o %t
// RUN: rm -f %t.base
// RUN: %expect_exit 0 %crace_gate --update-baseline %t.base -- %t | FileCheck %s --check-prefix=UPDATE $(%markers %s)
// RUN: FileCheck %s --check-prefix=FILE $(%markers %s) < %t.base
// RUN: %expect_exit 0 %crace_gate --baseline %t.base -- %t | FileCheck %s --check-prefix=KNOWN $(%markers %s)
// RUN: echo '0123456789abcdef  # write gone.c:1 f() vs read gone.c:2 g()' >> %t.base
// RUN: %expect_exit 0 %crace_gate --baseline %t.base -- %t | FileCheck %s --check-prefix=FIXED
// RUN: grep -v 'worker() vs write' %t.base > %t.base2
// RUN: %expect_exit 66 %crace_gate --baseline %t.base2 -- %t | FileCheck %s --check-prefix=NEW $(%markers %s)
// RUN: echo 'bogus-fingerprint' > %t.bad
// RUN: %expect_exit 2 %crace_gate --baseline %t.bad -- %t | FileCheck %s --check-prefix=BAD
// RUN: %expect_exit 2 %crace_gate --baseline %t.missing -- %t | FileCheck %s --check-prefix=MISSING
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int a_counter, b_counter;

void *worker(void *arg)
{
	a_counter = 1; // L:AW
	b_counter = 1; // L:BW
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	printf("a=%d\n", a_counter); // L:AR
	b_counter = 2;		     // L:BM
	pthread_join(t, 0);
	return 0;
}

// UPDATE: 2 race(s): 2 new, 0 known, 0 fixed
// UPDATE: wrote 2 race(s) to the baseline
// UPDATE: OK: no new data races

// FILE:      # crace-gate baseline
// FILE:      {{^[0-9a-f]+}}  # write baseline.c:[[AW]] worker() vs read baseline.c:[[AR]] main()
// FILE-NEXT: {{^[0-9a-f]+}}  # write baseline.c:[[BW]] worker() vs write baseline.c:[[BM]] main()

// KNOWN:      2 race(s): 0 new, 2 known, 0 fixed
// KNOWN-NEXT: KNOWN {{[0-9a-f]+}}  write baseline.c:[[AW]] worker() vs read baseline.c:[[AR]] main()
// KNOWN-NEXT: KNOWN {{[0-9a-f]+}}  write baseline.c:[[BW]] worker() vs write baseline.c:[[BM]] main()
// KNOWN-NOT:  New race
// KNOWN:      OK: no new data races

// FIXED:      2 race(s): 0 new, 2 known, 1 fixed
// FIXED:      FIXED 0123456789abcdef  write gone.c:1 f() vs read gone.c:2 g()
// FIXED:      OK: no new data races

// NEW:      2 race(s): 1 new, 1 known, 1 fixed
// NEW-NEXT: KNOWN {{[0-9a-f]+}}  write baseline.c:[[AW]] worker()
// NEW-NEXT: NEW   {{[0-9a-f]+}}  write baseline.c:[[BW]] worker() vs write baseline.c:[[BM]] main()
// NEW:      New race
// NEW:      WARNING: DATA RACE
// NEW-NEXT: Write at {{.*}} by main thread:
// NEW-NEXT:   main()
// NEW-NEXT:     baseline.c:[[BM]]:
// NEW:      Previous write at {{.*}} by thread T1:
// NEW-NEXT:   worker()
// NEW-NEXT:     baseline.c:[[BW]]:
// NEW-NOT:  New race
// NEW:      FAIL: 1 new data race(s)

// BAD: crace-gate: {{.*}}.bad line 1: expected a 16-digit hex fingerprint, got 'bogus-fingerprint'
// MISSING: crace-gate: cannot read baseline {{.*}}.missing: No such file or directory
