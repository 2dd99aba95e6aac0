// A block of 256 KiB (between a small block, whose shadow is cleared
// outright, and one of 4 MiB or more, whose shadow pages are given back)
// freed by one thread and handed out again to another is new memory too:
// the old owner's writes, sparse and beyond the 1 KiB the free itself
// writes, must not race with the new owner's. Both blocks come from the
// heap (no mmap threshold), one arena and no per-thread cache, so the block
// really comes back: the test checks it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env GLIBC_TUNABLES=glibc.malloc.tcache_count=0:glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=33554432 %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { MEDIUM = 256 << 10, STRIDE = 4096 + 8 };
uintptr_t old_block;

void *worker(void *arg)
{
	char *b = malloc(MEDIUM);
	for (int i = 2048; i < MEDIUM; i += STRIDE)
		b[i] = 1;
	__atomic_store_n(&old_block, (uintptr_t)b, __ATOMIC_RELAXED);
	free(b);
	step_set(1); /* relaxed: no happens-before with main */
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	char *b = malloc(MEDIUM);
	for (int i = 2048; i < MEDIUM; i += STRIDE)
		b[i] = 2;
	int reused = (uintptr_t)b == __atomic_load_n(&old_block, __ATOMIC_RELAXED);
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "medium block reused: %s\n", reused ? "yes" : "no");
	free(b);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: medium block reused: yes
// CHECK-NOT: WARNING: DATA RACE
