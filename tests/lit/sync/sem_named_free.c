// Named semaphores: sem_open of one name returns the same sem_t in one
// process, so a post through one handle orders the wait through the other.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <unistd.h>

char name[64];
int payload;

void *producer(void *arg)
{
	sem_t *s = sem_open(name, 0);
	payload = 99;
	sem_post(s);
	sem_close(s);
	return arg;
}

int main(void)
{
	snprintf(name, sizeof(name), "/crace-sem-named-%d", getpid());
	sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
	if (s == SEM_FAILED)
		return 1;
	pthread_t t;
	pthread_create(&t, 0, producer, 0);
	sem_wait(s);
	printf("payload=%d\n", payload);
	pthread_join(t, 0);
	sem_close(s);
	sem_unlink(name);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: payload=99
// CHECK-NOT: WARNING: DATA RACE
