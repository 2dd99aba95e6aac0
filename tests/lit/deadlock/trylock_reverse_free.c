// One thread takes A then B; the other takes B and only *tries* A, backing
// off when it is busy, the classic way to take locks out of order without a
// deadlock: trylock adds no lock-order edge, so nothing is reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t mu_b = PTHREAD_MUTEX_INITIALIZER;
int moved;

void *forward(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&mu_a);
		pthread_mutex_lock(&mu_b);
		moved++;
		pthread_mutex_unlock(&mu_b);
		pthread_mutex_unlock(&mu_a);
	}
	return arg;
}

void *backward(void *arg)
{
	for (int i = 0; i < 1000;) {
		pthread_mutex_lock(&mu_b);
		if (pthread_mutex_trylock(&mu_a) == 0) {
			moved++;
			i++;
			pthread_mutex_unlock(&mu_a);
		}
		pthread_mutex_unlock(&mu_b);
		sched_yield();
	}
	return arg;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_create(&t1, 0, forward, 0);
	pthread_create(&t2, 0, backward, 0);
	pthread_join(t1, 0);
	pthread_join(t2, 0);
	fprintf(stderr, "moved=%d\n", moved);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: moved=2000
// CHECK-NOT: WARNING
