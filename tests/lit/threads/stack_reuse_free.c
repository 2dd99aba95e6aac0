// Detached threads that end have their stacks (and static TLS) cached by
// glibc and handed to later threads. A new thread starts with fresh shadow
// for its stack and TLS, so the earlier occupant's accesses (not ordered
// with the new thread: only real time separates them) are not reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

__thread long tls_counter;
void *stack_addr[8];

__attribute__((noinline)) void fill(volatile char *buf, int n, char v)
{
	for (int i = 0; i < n; i++)
		buf[i] = v;
}

void *worker(void *arg)
{
	long i = (long)arg;
	char buf[256];
	fill(buf, sizeof(buf), (char)i);
	tls_counter += i;
	__atomic_store_n(&stack_addr[i], (void *)buf, __ATOMIC_RELAXED);
	step_set((int)i + 1);
	return 0;
}

int main(void)
{
	pthread_attr_t at;
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	for (long i = 0; i < 8; i++) {
		pthread_t t;
		pthread_create(&t, &at, worker, (void *)i);
		step_wait((int)i + 1);
		usleep(20000); /* let it finish, so its stack is reused */
	}
	int reused = 0;
	for (int i = 1; i < 8; i++)
		reused += __atomic_load_n(&stack_addr[i], __ATOMIC_RELAXED) ==
			  __atomic_load_n(&stack_addr[0], __ATOMIC_RELAXED);
	printf("done, stacks reused: %s\n", reused ? "yes" : "no");
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: done, stacks reused: yes
// CHECK-NOT: WARNING: DATA RACE
