// A program's own SIGSEGV handler replaces crace's: sigaction first reports
// the default action, then the program's handler runs (and leaves with
// _exit, which still prints the summary and keeps the status).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 3 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int x;
int *volatile nowhere;

void on_segv(int sig)
{
	static const char msg[] = "own handler\n";
	write(2, msg, sizeof(msg) - 1);
	_exit(sig == SIGSEGV ? 3 : 4);
}

void *worker(void *arg)
{
	x = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	struct sigaction old, sa;
	sigaction(SIGSEGV, 0, &old);
	printf("default before: %d\n", old.sa_handler == SIG_DFL);
	fflush(stdout);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, 0);
	sigaction(SIGSEGV, 0, &old);
	printf("own after: %d\n", old.sa_handler == on_segv);
	fflush(stdout);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	x = 2; // L:W2
	*nowhere = 3;
	return 0;
}

// CHECK:      default before: 1
// CHECK:      own after: 1
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: own_segv_handler.c:[[W2]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: own_segv_handler.c:[[W]]:
// CHECK:      own handler
// CHECK-NEXT: Found 1 data race(s)
