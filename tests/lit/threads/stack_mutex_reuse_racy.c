// A mutex on a thread's stack dies with the thread: a later thread that
// gets the same (cached) stack and a mutex at the same address inherits no
// ordering from the dead thread's critical sections.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int x, seen;
void *where[2];

__attribute__((noinline)) void with_local_mutex(int i)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&m);
	if (i == 0)
		x = 1; // L:W
	else
		seen = x; // L:RW
	pthread_mutex_unlock(&m);
	__atomic_store_n(&where[i], (void *)&m, __ATOMIC_RELAXED);
}

void *worker(void *arg)
{
	with_local_mutex((int)(long)arg);
	step_set((int)(long)arg + 1);
	return 0;
}

int main(void)
{
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	for (long i = 0; i < 2; i++) {
		pthread_t t;
		pthread_create(&t, &at, worker, (void *)i);
		step_wait((int)i + 1);
		usleep(20000); /* let it end, so its stack is reused */
	}
	fprintf(stderr, "same mutex address: %s\n",
		__atomic_load_n(&where[0], __ATOMIC_RELAXED) ==
				__atomic_load_n(&where[1], __ATOMIC_RELAXED)
			? "yes"
			: "no");
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: with_local_mutex()
// CHECK-NEXT: stack_mutex_reuse_racy.c:[[RW]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: with_local_mutex()
// CHECK-NEXT: stack_mutex_reuse_racy.c:[[W]]:
// CHECK:      same mutex address: yes
// CHECK:      Found 1 data race(s)
