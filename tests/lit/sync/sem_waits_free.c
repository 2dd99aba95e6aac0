// sem_post orders the poster's writes before the wait that consumes the
// post: sem_wait, sem_trywait, sem_timedwait and sem_clockwait.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

sem_t s;
int box[4];

void *producer(void *arg)
{
	for (int i = 0; i < 4; i++) {
		box[i] = i + 1;
		sem_post(&s);
	}
	return arg;
}

int main(void)
{
	sem_init(&s, 0, 0);
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	int sum = 0;
	sem_wait(&s);
	sum += box[0];
	while (sem_trywait(&s))
		;
	sum += box[1];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 10;
	sem_timedwait(&s, &ts);
	sum += box[2];
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 10;
	sem_clockwait(&s, CLOCK_MONOTONIC, &ts);
	sum += box[3];
	pthread_join(t, 0);
	sem_destroy(&s);
	printf("sum=%d\n", sum);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: sum=10
// CHECK-NOT: WARNING: DATA RACE
