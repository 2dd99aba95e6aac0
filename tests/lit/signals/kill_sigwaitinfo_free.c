// kill() to our own process is received by whichever thread waits for it:
// the sender's earlier writes are ordered before sigwaitinfo's return, and
// sigtimedwait's too.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int first, second;

void *waiter(void *arg)
{
	sigset_t *set = arg;
	siginfo_t info;
	int s1 = sigwaitinfo(set, &info);
	int a = first;
	struct timespec ts = {5, 0};
	int s2 = sigtimedwait(set, &info, &ts);
	printf("%d %d first=%d second=%d\n", s1 == SIGUSR1, s2 == SIGUSR2, a,
	       second);
	return 0;
}

int main(void)
{
	static sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, 0);
	pthread_t t;
	pthread_create(&t, 0, waiter, &set);
	first = 1;
	kill(getpid(), SIGUSR1);
	second = 2;
	union sigval v = {0};
	sigqueue(getpid(), SIGUSR2, v);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     1 1 first=1 second=2
// CHECK-NOT: WARNING: DATA RACE
