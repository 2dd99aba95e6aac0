// fork while other threads keep the runtime busy (malloc/free, mutexes,
// new threads, a race checked over and over): every child must get working
// runtime locks, create a thread, lock, allocate, find and report a race of
// its own (and only that one: exit 66). A child that deadlocks is killed by
// alarm() and fails the test.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 timeout 60 env LD_PRELOAD=%libcrace %t > %t.out
// RUN: test "$(%whole_reports < %t.out)" = "$(grep -c '^WARNING: DATA RACE' %t.out) whole reports"
// RUN: grep -i -A2 "write at .* by main thread" %t.out | FileCheck --check-prefix=CHILD %s $(%markers %s)
// RUN: FileCheck %s $(%markers %s) < %t.out
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int stop;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static long unguarded; /* hammers race on it: reports keep being checked */
/* The child's own lock: m may be held by a hammer at fork time. */
static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;

static void *nothing(void *arg)
{
	return arg;
}

static void *hammer(void *arg)
{
	long n = 0;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		void *p = malloc(16 + n % 1000);
		free(p);
		pthread_mutex_lock(&m);
		counter++;
		pthread_mutex_unlock(&m);
		unguarded++; // L:U
		if (n % 64 == 0) {
			pthread_t t;
			pthread_create(&t, 0, nothing, 0);
			pthread_join(t, 0);
		}
		n++;
	}
	return arg;
}

long child_race; /* not static: the stores must stay */

static void *child_thread(void *arg)
{
	pthread_mutex_lock(&cm);
	counter++;
	pthread_mutex_unlock(&cm);
	child_race = 1; // L:C1
	return malloc(10);
}

int main(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, hammer, 0);
	int ok = 0;
	for (int i = 0; i < 50; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			alarm(10);
			pthread_t c;
			void *r;
			pthread_create(&c, 0, child_thread, 0);
			pthread_join(c, &r);
			free(r);
			child_race = 2; /* after the join: no race */
			pthread_t c2;
			pthread_create(&c2, 0, child_thread, 0);
			child_race = 3; // L:C2
			pthread_join(c2, &r);
			free(r);
			pthread_mutex_lock(&cm);
			counter++;
			pthread_mutex_unlock(&cm);
			_exit(0);
		}
		int status;
		waitpid(pid, &status, 0);
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 66;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	printf("children ok: %d\n", ok);
	return 0;
}

// Each of the 50 children reports its race, where its main thread wrote:
// CHILD-COUNT-50: fork_stress.c:[[C2]]:
// CHILD-NOT:  fork_stress.c
// The parent's race, the only report naming hammer():
// CHECK:      {{^  }}hammer()
// CHECK-NEXT: fork_stress.c:[[U]]:
// CHECK:      children ok: 50
// CHECK-NEXT: Found {{[0-9]+}} data race(s)
