// Data shared only between a thread and the handlers that interrupt that
// same thread is not a race, while another thread runs alongside.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

int seen;
int other;

void on_usr1(int sig)
{
	seen += sig;
}

void *busy(void *arg)
{
	for (int i = 0; i < 1000; i++)
		other += i;
	return arg;
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	pthread_t t;
	pthread_create(&t, 0, busy, 0);
	for (int i = 0; i < 100; i++) {
		seen++;
		raise(SIGUSR1);
	}
	pthread_join(t, 0);
	printf("seen=%d\n", seen);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     seen=1100
// CHECK-NOT: WARNING: DATA RACE
