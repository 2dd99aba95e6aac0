// free() writes the whole block: freeing memory another thread still reads,
// without ordering, is a race whose current stack starts at free().
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

void *worker(void *arg)
{
	int *p = arg;
	int v = p[3]; // L:R
	step_set(1);
	return (void *)(long)v;
}

int main(void)
{
	int *p = calloc(8, sizeof(int)); // L:A
	pthread_t t;
	pthread_create(&t, 0, worker, p); // L:C
	step_wait(1);
	free(p); // L:F
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: free()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: free_racy.c:[[F]]:
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: free_racy.c:[[R]]:
// CHECK:      Location is heap block of size 32 at {{.*}} allocated by main thread:
// CHECK-NEXT: calloc()
// CHECK:      main()
// CHECK-NEXT: free_racy.c:[[A]]:
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      main()
// CHECK-NEXT: free_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
