// Readers take two rwlocks in opposite orders: readers never wait for each
// other, so this cannot deadlock and nothing is reported.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw_a = PTHREAD_RWLOCK_INITIALIZER;
pthread_rwlock_t rw_b = PTHREAD_RWLOCK_INITIALIZER;
int config_a = 1, config_b = 2;

void *reader_ab(void *arg)
{
	int sum = 0;
	for (int i = 0; i < 1000; i++) {
		pthread_rwlock_rdlock(&rw_a);
		pthread_rwlock_rdlock(&rw_b);
		sum += config_a + config_b;
		pthread_rwlock_unlock(&rw_b);
		pthread_rwlock_unlock(&rw_a);
	}
	return (void *)(long)sum;
}

void *reader_ba(void *arg)
{
	int sum = 0;
	for (int i = 0; i < 1000; i++) {
		pthread_rwlock_rdlock(&rw_b);
		pthread_rwlock_rdlock(&rw_a);
		sum += config_a + config_b;
		pthread_rwlock_unlock(&rw_a);
		pthread_rwlock_unlock(&rw_b);
	}
	return (void *)(long)sum;
}

int main(void)
{
	pthread_t t1, t2;
	void *r1, *r2;
	pthread_create(&t1, 0, reader_ab, 0);
	pthread_create(&t2, 0, reader_ba, 0);
	pthread_join(t1, &r1);
	pthread_join(t2, &r2);
	fprintf(stderr, "sums=%ld,%ld\n", (long)r1, (long)r2);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: sums=3000,3000
// CHECK-NOT: WARNING
