// fork while other threads keep the runtime busy (malloc/free, mutexes,
// new threads, a race checked over and over): every child must get working
// runtime locks, create a thread, lock, allocate and exit 0 (it found no
// race of its own). A child that deadlocks is killed by alarm() and fails
// the test.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 timeout 60 env LD_PRELOAD=%libcrace %t | FileCheck %s $(%markers %s)
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

static void *child_thread(void *arg)
{
	pthread_mutex_lock(&cm);
	counter++;
	pthread_mutex_unlock(&cm);
	return malloc(10);
}

int main(void)
{
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, hammer, 0);
	int ok = 0;
	for (int i = 0; i < 100; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			alarm(10);
			pthread_t c;
			void *r;
			pthread_create(&c, 0, child_thread, 0);
			pthread_join(c, &r);
			free(r);
			pthread_mutex_lock(&cm);
			counter++;
			pthread_mutex_unlock(&cm);
			_exit(0);
		}
		int status;
		waitpid(pid, &status, 0);
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	printf("children ok: %d\n", ok);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by thread T{{[0-9]+}}:
// CHECK-NEXT: {{^  }}hammer()
// CHECK-NEXT: fork_stress.c:[[U]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by thread T{{[0-9]+}}:
// CHECK-NEXT: {{^  }}hammer()
// CHECK-NEXT: fork_stress.c:[[U]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      children ok: 100
// CHECK-NEXT: Found 1 data race(s)
