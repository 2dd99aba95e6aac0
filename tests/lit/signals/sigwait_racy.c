// A write after the pthread_kill is not ordered before the sigwait.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>

int payload;

void *waiter(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;
	sigwait(set, &sig);
	step_wait(1);
	return (void *)(long)payload; // L:R
}

int main(void)
{
	static sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, 0);
	pthread_t t;
	pthread_create(&t, 0, waiter, &set);
	pthread_kill(t, SIGUSR1);
	payload = 7; // L:W
	step_set(1);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: {{^  }}waiter()
// CHECK-NEXT: sigwait_racy.c:[[R]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: sigwait_racy.c:[[W]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
