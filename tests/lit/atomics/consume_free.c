// memory_order_consume is treated as acquire (as compilers do).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct msg {
	int a, b;
};
_Atomic(struct msg *) box;

void *producer(void *arg)
{
	struct msg *m = malloc(sizeof(*m));
	m->a = 4;
	m->b = 5;
	atomic_store_explicit(&box, m, memory_order_release);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	struct msg *m;
	while (!(m = atomic_load_explicit(&box, memory_order_consume)))
		sched_yield();
	printf("sum=%d\n", m->a + m->b);
	free(m);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=9
// CHECK-NOT: WARNING: DATA RACE
