// pthread_kill -> the sigwait that receives the signal orders the sender's
// earlier writes before the receiver's reads, like a send and a receive.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

int payload;

void *waiter(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;
	sigwait(set, &sig);
	printf("sig=%d payload=%d\n", sig == SIGUSR1, payload);
	return 0;
}

int main(void)
{
	static sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, 0);
	pthread_t t;
	pthread_create(&t, 0, waiter, &set);
	payload = 7;
	pthread_kill(t, SIGUSR1);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     sig=1 payload=7
// CHECK-NOT: WARNING: DATA RACE
