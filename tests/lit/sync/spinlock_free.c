// pthread spinlocks (lock and trylock) order their critical sections.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <stdio.h>

pthread_spinlock_t s;
long counter;

void *worker(void *arg)
{
	for (int i = 0; i < 1000; i++) {
		if (i & 1) {
			while (pthread_spin_trylock(&s))
				;
		} else {
			pthread_spin_lock(&s);
		}
		counter++;
		pthread_spin_unlock(&s);
	}
	return arg;
}

int main(void)
{
	pthread_spin_init(&s, PTHREAD_PROCESS_PRIVATE);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	printf("counter=%ld\n", counter);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: counter=2000
// CHECK-NOT: WARNING: DATA RACE
