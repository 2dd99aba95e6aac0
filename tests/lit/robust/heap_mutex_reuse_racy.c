// A mutex inside a heap block is freed without pthread_mutex_destroy (as
// C++'s std::mutex is) and the next block at the same address holds a new
// mutex. The freed mutex's clock must not carry over: thread T2's read is
// not ordered after thread T1's write, although both locked "the mutex at
// that address".
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct block {
	pthread_mutex_t m;
	char pad[200]; /* a size nothing else allocates */
};

/* malloc, not calloc: glibc's calloc does not reuse a block just freed. */
static struct block *new_block(void)
{
	struct block *b = malloc(sizeof(*b));
	pthread_mutex_t init = PTHREAD_MUTEX_INITIALIZER;
	b->m = init;
	return b;
}

int x;

void *first(void *arg)
{
	struct block *b = arg;
	pthread_mutex_lock(&b->m);
	x = 1; // L:W
	pthread_mutex_unlock(&b->m);
	step_set(1);
	return NULL;
}

void *second(void *arg)
{
	struct block *b = arg;
	pthread_mutex_lock(&b->m);
	int v = x; // L:R
	pthread_mutex_unlock(&b->m);
	return (void *)(long)v;
}

int main(void)
{
	struct block *b1 = new_block();
	pthread_t t1, t2;
	pthread_create(&t1, NULL, first, b1);
	step_wait(1);
	free(b1);
	struct block *b2 = new_block();
	if (b2 != b1) {
		fprintf(stderr, "the block was not reused: test inconclusive\n");
		return 1;
	}
	pthread_create(&t2, NULL, second, b2);
	pthread_join(t2, NULL);
	pthread_join(t1, NULL);
	free(b2);
	fprintf(stderr, "done\n");
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T2:
// CHECK-NEXT: second()
// CHECK-NEXT: heap_mutex_reuse_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: first()
// CHECK-NEXT: heap_mutex_reuse_racy.c:[[W]]:
// CHECK:      Location is global 'x' of size 4
// CHECK:      done
// CHECK:      Found 1 data race(s)
