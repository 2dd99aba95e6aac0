// A signal handler's atomic operations on a location the interrupted
// thread is itself operating on (under the location's lock in the runtime)
// must not deadlock: the handler's operation models no edge instead.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 timeout 60 env LD_PRELOAD=%libcrace %t | FileCheck %s
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>

#define SIGNALS 3000
atomic_long counter; /* main thread and its handler only */
atomic_int done;
sem_t acked; /* posted by the handler (async-signal-safe) */
pthread_t main_thread;

static void on_signal(int sig)
{
	(void)sig;
	atomic_fetch_add(&counter, 1);
	sem_post(&acked);
}

void *sender(void *arg)
{
	for (int i = 0; i < SIGNALS; i++) {
		pthread_kill(main_thread, SIGUSR1);
		while (sem_wait(&acked))
			;
	}
	atomic_store(&done, 1);
	return arg;
}

int main(void)
{
	main_thread = pthread_self();
	sem_init(&acked, 0, 0);
	signal(SIGUSR1, on_signal);
	pthread_t t;
	pthread_create(&t, 0, sender, 0);
	long spins = 0;
	while (!atomic_load_explicit(&done, memory_order_acquire)) {
		atomic_fetch_add_explicit(&counter, 1, memory_order_acq_rel);
		spins++;
	}
	pthread_join(t, 0);
	printf("consistent=%d\n", atomic_load(&counter) == spins + SIGNALS);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: consistent=1
