// fork in a multithreaded program: the child continues with the forking
// thread only and a working runtime. Its own threads' race is reported by
// the child, which counts only its own races (exit 66), while the parent
// found none (exit 0).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int in_child;
int stop;

void *spinner(void *arg)
{
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		sched_yield();
	return arg;
}

void *child_worker(void *arg)
{
	in_child = 1; // L:W1
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t s[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&s[i], 0, spinner, 0);
	pid_t pid = fork();
	if (pid == 0) {
		pthread_t t;
		pthread_create(&t, 0, child_worker, 0); // L:C
		step_wait(1);
		in_child = 2; // L:W2
		pthread_join(t, 0);
		return 0;
	}
	int status;
	waitpid(pid, &status, 0);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 3; i++)
		pthread_join(s[i], 0);
	printf("child exit %d\n", WEXITSTATUS(status));
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: fork_child_racy.c:[[W2]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T4:
// CHECK-NEXT: {{^  }}child_worker()
// CHECK-NEXT: fork_child_racy.c:[[W1]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'in_child'
// CHECK:      Thread T4 (finished) created at:
// CHECK-NEXT: {{^  }}pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: fork_child_racy.c:[[C]]:
// CHECK:      Found 1 data race(s)
// CHECK-NEXT: child exit 66
// CHECK-NOT:  Found
