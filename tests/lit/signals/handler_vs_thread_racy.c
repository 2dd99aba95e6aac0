// A signal handler runs on the thread it interrupts: its write races with
// another thread's later unsynchronised read, and the report names the
// handler.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <signal.h>

int flag;

void on_usr1(int sig)
{
	flag = sig; // L:W
}

void *reader(void *arg)
{
	step_wait(1);
	int v = flag; // L:R
	return (void *)(long)v;
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	pthread_t t;
	pthread_create(&t, 0, reader, 0); // L:C
	raise(SIGUSR1);
	step_set(1);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: {{^  }}reader()
// CHECK-NEXT: handler_vs_thread_racy.c:[[R]]:
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: {{^  }}on_usr1()
// CHECK-NEXT: handler_vs_thread_racy.c:[[W]]:
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'flag' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: {{^  }}pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: handler_vs_thread_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
