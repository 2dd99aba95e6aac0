// Four threads take the same three mutexes, always in the same order, many
// times and concurrently: no lock-order inversion, no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t mu[3] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
			 PTHREAD_MUTEX_INITIALIZER};
long total;

void *worker(void *arg)
{
	for (int i = 0; i < 10000; i++) {
		/* mu[0] (which guards total), then any of the others,
		 * always in index order. */
		int set = 1 | ((i + (int)(long)arg) % 4) << 1;
		for (int k = 0; k < 3; k++)
			if (set & (1 << k))
				pthread_mutex_lock(&mu[k]);
		total++;
		for (int k = 2; k >= 0; k--)
			if (set & (1 << k))
				pthread_mutex_unlock(&mu[k]);
	}
	return 0;
}

int main(void)
{
	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], 0, worker, (void *)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: total=40000
// CHECK-NOT: WARNING
