// pthread_kill is a release, the handler it runs on the target thread an
// acquire: what the sender wrote before sending is visible to the handler
// and to the thread after it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

int message;
int got;
pthread_t main_thread;

void on_usr1(int sig)
{
	got = message + sig;
}

void *sender(void *arg)
{
	message = 42;
	pthread_kill(main_thread, SIGUSR1);
	return arg;
}

int main(void)
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	signal(SIGUSR1, on_usr1);
	main_thread = pthread_self();
	pthread_t t;
	pthread_create(&t, 0, sender, 0);
	while (!__atomic_load_n(&got, __ATOMIC_RELAXED))
		sigsuspend(&old); /* the handler runs in here */
	printf("got=%d message=%d\n", got, message);
	pthread_join(t, 0);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     got=52 message=42
// CHECK-NOT: WARNING: DATA RACE
