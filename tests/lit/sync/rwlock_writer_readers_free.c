// Writer -> reader and reader -> writer are ordered by an rwlock, through
// every way of taking it (rd/wr, try, timed, clock): no race.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <time.h>

pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
int config, seen;

static struct timespec soon(clockid_t clk)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	ts.tv_sec += 5;
	return ts;
}

void *reader(void *arg)
{
	struct timespec ts = soon(CLOCK_REALTIME);
	step_wait(1);
	pthread_rwlock_timedrdlock(&l, &ts);
	int a = config;
	pthread_rwlock_unlock(&l);
	while (pthread_rwlock_tryrdlock(&l))
		;
	a += config;
	pthread_rwlock_unlock(&l);
	ts = soon(CLOCK_MONOTONIC);
	pthread_rwlock_clockrdlock(&l, CLOCK_MONOTONIC, &ts);
	a += config;
	pthread_rwlock_unlock(&l);
	step_set(2);
	return (void *)(long)a;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, reader, 0);
	pthread_rwlock_wrlock(&l);
	config = 1; /* writer -> reader */
	pthread_rwlock_unlock(&l);
	step_set(1);
	step_wait(2);
	/* reader -> writer: the reader's reads are ordered before this */
	struct timespec ts = soon(CLOCK_MONOTONIC);
	pthread_rwlock_clockwrlock(&l, CLOCK_MONOTONIC, &ts);
	config = 2;
	pthread_rwlock_unlock(&l);
	ts = soon(CLOCK_REALTIME);
	pthread_rwlock_timedwrlock(&l, &ts);
	config = 3;
	pthread_rwlock_unlock(&l);
	while (pthread_rwlock_trywrlock(&l))
		;
	config = 4;
	pthread_rwlock_unlock(&l);
	void *r;
	pthread_join(t, &r);
	printf("reader saw %ld, config %d\n", (long)r, config);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: reader saw 3, config 4
// CHECK-NOT: WARNING: DATA RACE
