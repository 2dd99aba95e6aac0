// Condition variables used right: one mutex per condition variable, waits
// with the mutex held, several waiters. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
pthread_cond_t nonfull = PTHREAD_COND_INITIALIZER;
int queue[4], count, consumed;

void *consumer(void *arg)
{
	for (int i = 0; i < 500; i++) {
		pthread_mutex_lock(&mu);
		while (count == 0)
			pthread_cond_wait(&nonempty, &mu);
		consumed += queue[--count];
		pthread_cond_signal(&nonfull);
		pthread_mutex_unlock(&mu);
	}
	return arg;
}

int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, consumer, 0);
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&mu);
		while (count == 4)
			pthread_cond_wait(&nonfull, &mu);
		queue[count++] = 1;
		pthread_cond_signal(&nonempty);
		pthread_mutex_unlock(&mu);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "consumed=%d\n", consumed);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: consumed=1000
// CHECK-NOT: WARNING
