// Suppressions (TSan syntax) in the runtime, for plain crace-run users, and
// through crace-gate --suppressions: race: matches any frame's function or
// file of either access, or the global's name; race_top: only the innermost
// frames; '^'/'$' anchor, '*' is a wildcard. A bad file is one line, exit 1.
// RUN: %crace_cc -O1 %s -o %t
// RUN: %expect_exit 66 %crace_run %t | FileCheck %s --check-prefix=NONE $(%markers %s)
// RUN: printf '# known\nrace:helper_inner\n\nrace:^racy_global$\n' > %t.s1
// RUN: %expect_exit 66 env CRACE_OPTIONS=suppressions=%t.s1 %crace_run %t | FileCheck %s --check-prefix=S1 $(%markers %s)
// RUN: printf 'race_top:other_worker\nrace_top:caller_of_helper\n' > %t.s2
// RUN: %expect_exit 66 env CRACE_OPTIONS=suppressions=%t.s2 %crace_run %t | FileCheck %s --check-prefix=S2 $(%markers %s)
// RUN: printf '  race:*suppressions.c  \n' > %t.s3
// RUN: %expect_exit 0 env CRACE_OPTIONS=suppressions=%t.s3 %crace_run %t | FileCheck %s --check-prefix=ALL
// RUN: %expect_exit 66 %crace_gate --suppressions %t.s1 -- %t | FileCheck %s --check-prefix=GATE $(%markers %s)
// RUN: printf 'race:x\nthread:y\n' > %t.bad
// RUN: %expect_exit 1 env CRACE_OPTIONS=suppressions=%t.bad %crace_run %t | FileCheck %s --check-prefix=BAD
// RUN: %expect_exit 2 %crace_gate --suppressions %t.bad -- %t | FileCheck %s --check-prefix=GATEBAD
// RUN: %expect_exit 1 env CRACE_OPTIONS=suppressions=%t.missing %crace_run %t | FileCheck %s --check-prefix=MISSING
#include "order.h"
#include <pthread.h>
#include <stdio.h>

int racy_global, helper_var, other_var;

__attribute__((noinline)) void helper_inner(void)
{
	helper_var++; // L:HW
}

__attribute__((noinline)) void caller_of_helper(void)
{
	helper_inner(); // L:HC
}

void *worker(void *arg)
{
	racy_global = 1; // L:GW
	caller_of_helper();
	step_set(1);
	return arg;
}

void *other_worker(void *arg)
{
	step_wait(2);
	other_var = 1; // L:OW
	step_set(3);
	return arg;
}

int main(void)
{
	pthread_t t, u;
	pthread_create(&t, 0, worker, 0);
	pthread_create(&u, 0, other_worker, 0);
	step_wait(1);
	racy_global = 2; // L:GM
	helper_var = 2;	 // L:HM
	other_var = 2;	 // L:OM
	step_set(2);
	step_wait(3);
	pthread_join(t, 0);
	pthread_join(u, 0);
	printf("done\n");
	return 0;
}

// NONE: Found 3 data race(s)

// S1-NOT:  WARNING
// S1:      WARNING: DATA RACE
// S1-NEXT: Write at {{.*}} by thread T2:
// S1-NEXT:   other_worker()
// S1-NEXT:     suppressions.c:[[OW]]:
// S1-NOT:  WARNING
// S1:      Found 1 data race(s)

// race_top:caller_of_helper does not drop the helper race: that frame is
// not the innermost one.
// S2-NOT:  WARNING
// S2:      WARNING: DATA RACE
// S2-NEXT: Write at {{.*}} by main thread:
// S2-NEXT:   main()
// S2-NEXT:     suppressions.c:[[GM]]:
// S2:      Previous write at {{.*}} by thread T1:
// S2-NEXT:   worker()
// S2-NEXT:     suppressions.c:[[GW]]:
// S2:      WARNING: DATA RACE
// S2-NEXT: Write at {{.*}} by main thread:
// S2-NEXT:   main()
// S2-NEXT:     suppressions.c:[[HM]]:
// S2:      Previous write at {{.*}} by thread T1:
// S2-NEXT:   helper_inner()
// S2-NEXT:     suppressions.c:[[HW]]:
// S2-NEXT:   caller_of_helper()
// S2-NEXT:     suppressions.c:[[HC]]:
// S2-NOT:  WARNING
// S2:      Found 2 data race(s)

// ALL-NOT: WARNING
// ALL:     done
// ALL-NOT: Found

// GATE:      1 race(s): 1 new, 0 known, 0 fixed
// GATE-NEXT: NEW {{[0-9a-f]+}}  write suppressions.c:[[OW]] other_worker() vs write suppressions.c:[[OM]] main()
// GATE:      FAIL: 1 new data race(s)

// BAD: crace: suppressions file '{{.*}}.bad' line 2: unknown suppression type 'thread' (expected race or race_top)
// BAD-NOT: done
// GATEBAD: crace-gate: crace: suppressions file '{{.*}}.bad' line 2: unknown suppression type 'thread'
// MISSING: crace: cannot open suppressions file '{{.*}}.missing': No such file or directory
