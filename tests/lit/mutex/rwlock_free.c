// Readers under rdlock and a writer under wrlock: no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
long value;
long seen[2];

void *reader(void *arg)
{
	long idx = (long)arg, last = 0;
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_rdlock(&rw);
		last = value;
		pthread_rwlock_unlock(&rw);
	}
	seen[idx] = last;
	return 0;
}

int main(void)
{
	pthread_t t[2];
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], 0, reader, (void *)i);
	for (int i = 0; i < 2000; i++) {
		pthread_rwlock_wrlock(&rw);
		value++;
		pthread_rwlock_unlock(&rw);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "value=%ld\n", value + 0 * seen[0] * seen[1]);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: value=2000
// CHECK-NOT: WARNING: DATA RACE
