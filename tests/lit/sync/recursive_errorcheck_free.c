// Recursive mutexes (locked twice, trylock while owned) and error-checking
// mutexes (a relock fails with EDEADLK and changes nothing) order their
// critical sections.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t rec, chk;
long a, b;
int deadlk;

void *worker(void *arg)
{
	for (int i = 0; i < 200; i++) {
		pthread_mutex_lock(&rec);
		pthread_mutex_trylock(&rec);
		a++;
		pthread_mutex_unlock(&rec);
		pthread_mutex_unlock(&rec);
		pthread_mutex_lock(&chk);
		if (pthread_mutex_lock(&chk) == EDEADLK)
			deadlk++;
		b++;
		pthread_mutex_unlock(&chk);
	}
	return arg;
}

int main(void)
{
	pthread_mutexattr_t at;
	pthread_mutexattr_init(&at);
	pthread_mutexattr_settype(&at, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&rec, &at);
	pthread_mutexattr_settype(&at, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&chk, &at);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	printf("a=%ld b=%ld deadlk=%d\n", a, b, deadlk);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: a=400 b=400 deadlk=400
// CHECK-NOT: WARNING: DATA RACE
