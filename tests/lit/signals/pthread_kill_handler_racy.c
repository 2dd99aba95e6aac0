// What the sender writes after pthread_kill is not ordered before the
// handler's read.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

int message;
int done;
pthread_t main_thread;

void on_usr1(int sig)
{
	step_wait(1);
	int m = message; // L:R
	__atomic_store_n(&done, m + sig, __ATOMIC_RELAXED);
}

void *sender(void *arg)
{
	pthread_kill(main_thread, SIGUSR1);
	message = 42; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	signal(SIGUSR1, on_usr1);
	main_thread = pthread_self();
	pthread_t t;
	pthread_create(&t, 0, sender, 0); // L:C
	while (!__atomic_load_n(&done, __ATOMIC_RELAXED))
		sigsuspend(&old);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}on_usr1()
// CHECK-NEXT: pthread_kill_handler_racy.c:[[R]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}sender()
// CHECK-NEXT: pthread_kill_handler_racy.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'message'
// CHECK:      Thread T1 ({{running|finished}}) created at:
// CHECK:      pthread_kill_handler_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
