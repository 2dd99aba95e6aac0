// Run as the README shows, with a relative LD_PRELOAD=build/libcrace.so from
// the repository root: the report must look exactly as with an absolute path
// (no runtime-internal frames such as thread_trampoline or main_wrapper).
// RUN: %clang_crace -O1 %s -o %t
// RUN: cd %crace_scripts/.. && env LD_PRELOAD=build/libcrace.so %expect_exit 66 %t | FileCheck --strict-whitespace --match-full-lines %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int counter;

void *worker(void *arg)
{
	step_wait(1);
	counter = 1; // L:W
	step_set(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	int v = counter; // L:R
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	return v;
}

// With --strict-whitespace nothing after the directive colon is trimmed: each
// pattern starts right after it, so the indentation is checked exactly.
// CHECK:==================
// CHECK-NEXT:WARNING: DATA RACE
// CHECK-NEXT:Write at [[ADDR:0x[0-9a-f]{12}]] by thread T1:
// CHECK-NEXT:  worker()
// CHECK-NEXT:      {{/.*}}/basic/relative_preload.c:[[W]]:10 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Previous read at [[ADDR]] by main thread:
// CHECK-NEXT:  main()
// CHECK-NEXT:      {{/.*}}/basic/relative_preload.c:[[R]]:10 +0x{{[0-9a-f]+}}
// CHECK-EMPTY:
// CHECK-NEXT:Location is global 'counter' of size 4 at [[ADDR]]
// CHECK-EMPTY:
// CHECK-NEXT:Thread T1 (running) created at:
// CHECK-NEXT:  pthread_create()
// CHECK-NEXT:      {{/.*}}+0x{{[0-9a-f]+}}
// CHECK-NEXT:  main()
// CHECK-NEXT:      {{/.*}}/basic/relative_preload.c:[[C]]:2 +0x{{[0-9a-f]+}}
// CHECK-NEXT:==================
// CHECK-NEXT:Found 1 data race(s)
