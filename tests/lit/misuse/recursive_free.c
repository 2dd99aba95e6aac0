// Recursive mutexes may be locked again by their owner: through the
// attribute and through glibc's static initialiser. No report.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#define _GNU_SOURCE /* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
#include <pthread.h>
#include <stdio.h>

pthread_mutex_t by_attr;
pthread_mutex_t by_init = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
int depth_reached;

static void descend(pthread_mutex_t *m, int depth)
{
	pthread_mutex_lock(m);
	if (depth > depth_reached)
		depth_reached = depth;
	if (depth < 5)
		descend(m, depth + 1);
	pthread_mutex_unlock(m);
}

void *worker(void *arg)
{
	for (int i = 0; i < 100; i++) {
		descend(&by_attr, 1);
		descend(&by_init, 1);
	}
	return arg;
}

int main(void)
{
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&by_attr, &attr);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, worker, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	fprintf(stderr, "depth=%d\n", depth_reached);
	return 0;
}

// CHECK-NOT: WARNING
// CHECK: depth=5
// CHECK-NOT: WARNING
