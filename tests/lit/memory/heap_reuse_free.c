// Memory freed by one thread and handed out again by malloc to another thread
// is new memory: the old owner's accesses must not race with the new owner's.
// The small block is recycled through malloc's free lists (one arena and no
// per-thread cache, neither glibc's nor crace's, so the block really comes
// back: the test checks it; heap_reuse_cached_free.c covers crace's cache).
// The large block is munmap'ed and mmap'ed again, at the same address only
// when the kernel happens to reuse it, so that part is not asserted.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env GLIBC_TUNABLES=glibc.malloc.tcache_count=0:glibc.malloc.arena_max=1 CRACE_OPTIONS=malloc_cache=0 %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SMALL = 48, LARGE = 4 << 20 };
uintptr_t old_small, old_large;

void *worker(void *arg)
{
	char *s = malloc(SMALL);
	char *l = malloc(LARGE);
	memset(s, 1, SMALL);
	for (int i = 0; i < LARGE; i += 4096)
		l[i] = 1;
	__atomic_store_n(&old_small, (uintptr_t)s, __ATOMIC_RELAXED);
	old_large = (uintptr_t)l; /* read after the join */
	free(s);
	free(l);
	step_set(1); /* relaxed: no happens-before with main */
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char *s = malloc(SMALL);
	char *l = malloc(LARGE);
	memset(s, 2, SMALL);
	for (int i = 0; i < LARGE; i += 4096)
		l[i] = 2;
	int reused = (uintptr_t)s == __atomic_load_n(&old_small, __ATOMIC_RELAXED);
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "small block reused: %s\n", reused ? "yes" : "no");
	fprintf(stderr, "large block reused: %s\n",
		(uintptr_t)l == old_large ? "yes" : "no");
	free(s);
	free(l);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: small block reused: yes
// CHECK-NOT: WARNING: DATA RACE
