// Not leaks: joined threads, threads detached after the fact or created
// detached, and threads still running at exit.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int finished;

void *quick(void *arg)
{
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
	return arg;
}

void *forever(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, quick, 0);
	pthread_join(t, 0);

	pthread_create(&t, 0, quick, 0);
	pthread_detach(t);

	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_create(&t, &attr, quick, 0);

	pthread_create(&t, 0, forever, 0);
	while (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) < 3)
		usleep(1000);
	usleep(10000); /* let the detached threads get past their exit */
	fprintf(stderr, "finished=%d\n", finished);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: finished=3
// CHECK-NOT: WARNING
