// Using an fd another thread created, with nothing ordering the creation
// before the use (the number travels through a relaxed atomic), is a race
// on the fd.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <unistd.h>

int fd_number = -1;

void *worker(void *arg)
{
	int fds[2];
	pipe(fds); // L:PIPE
	__atomic_store_n(&fd_number, fds[1], __ATOMIC_RELAXED);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	write(__atomic_load_n(&fd_number, __ATOMIC_RELAXED), "x", 1); // L:USE
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: write()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: created_unordered_racy.c:[[USE]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: pipe()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: worker()
// CHECK-NEXT: created_unordered_racy.c:[[PIPE]]:
// CHECK:      Location is file descriptor {{[0-9]+}} created by thread T1 at:
// CHECK-NEXT: pipe()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: worker()
// CHECK-NEXT: created_unordered_racy.c:[[PIPE]]:
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: created_unordered_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
