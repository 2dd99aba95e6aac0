// Reentrancy stress: SIGALRM every 50us (setitimer) while three threads
// hammer malloc/free, a mutex, a semaphore and an atomic, so handlers often
// interrupt the runtime, sometimes holding its locks. Handlers touch
// instrumented memory of their own thread, call instrumented code, and use
// the same semaphore and atomic (sem_post is async-signal-safe), whose sync
// object locks the interrupted thread may hold. Must neither deadlock nor
// report anything; stops after 1.5 s.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 timeout 20 env LD_PRELOAD=%libcrace %t | FileCheck %s
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static __thread long ticks;
static __thread char scratch[4096];
static sem_t sem;
static long hits;
static long handled;
static int stop;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long shared;

__attribute__((noinline)) static void touch(int sig)
{
	ticks++;
	memset(scratch, sig, sizeof(scratch));
}

static void on_alarm(int sig)
{
	touch(sig);
	__atomic_fetch_add(&hits, 1, __ATOMIC_SEQ_CST);
	sem_post(&sem);
	__atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

static void *hammer(void *arg)
{
	long n = 0;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		char *p = malloc(32 + n % 512);
		p[0] = (char)n;
		free(p);
		pthread_mutex_lock(&m);
		shared += n;
		pthread_mutex_unlock(&m);
		__atomic_fetch_add(&hits, 1, __ATOMIC_SEQ_CST);
		sem_post(&sem);
		sem_trywait(&sem);
		n++;
	}
	return arg;
}

int main(void)
{
	sem_init(&sem, 0, 0);
	signal(SIGALRM, on_alarm);
	struct itimerval it = {{0, 50}, {0, 50}};
	setitimer(ITIMER_REAL, &it, 0);
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, hammer, 0);
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		void *p = malloc(100);
		free(p);
		pthread_mutex_lock(&m);
		shared++;
		pthread_mutex_unlock(&m);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - start.tv_sec) * 1000000000L +
			 (now.tv_nsec - start.tv_nsec) <
		 1500000000L);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	struct itimerval off = {{0, 0}, {0, 0}};
	setitimer(ITIMER_REAL, &off, 0);
	long h = __atomic_load_n(&handled, __ATOMIC_RELAXED);
	printf("handled many: %d\n", h > 1000);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     handled many: 1
// CHECK-NOT: WARNING: DATA RACE
