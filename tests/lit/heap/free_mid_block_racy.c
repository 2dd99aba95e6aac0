// free() checks the whole block (up to 1 KiB), not just its head: granules
// the owner wrote and a reader read before handing the block back are
// ordered, one a reader read after it is not, however far into the block.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdlib.h>

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
long seen;

void *worker(void *arg)
{
	long *p = arg;
	long v = p[10];
	pthread_mutex_lock(&m);
	seen = v;
	pthread_mutex_unlock(&m);
	v += p[20]; // L:R
	step_set(1);
	step_wait(2);
	return (void *)v;
}

int main(void)
{
	long *p = malloc(40 * sizeof(long)); // L:A
	for (int i = 0; i < 40; i++)
		p[i] = i;
	pthread_t t;
	pthread_create(&t, 0, worker, p);
	step_wait(1);
	pthread_mutex_lock(&m);
	long v = seen;
	pthread_mutex_unlock(&m);
	free(p); // L:F
	step_set(2);
	pthread_join(t, 0);
	return v == 12345;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: free()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: free_mid_block_racy.c:[[F]]:
// CHECK:      Previous read at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: free_mid_block_racy.c:[[R]]:
// CHECK:      Location is heap block of size 320 at {{.*}} allocated by main thread:
// CHECK-NEXT: malloc()
// CHECK:      main()
// CHECK-NEXT: free_mid_block_racy.c:[[A]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
