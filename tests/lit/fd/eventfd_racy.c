// eventfd: the reader is ordered after what came before eventfd_write, not
// after what comes later; and two eventfds are not one.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <sys/eventfd.h>

int efd, other;
int data;

void *worker(void *arg)
{
	eventfd_write(other, 1);
	data = 42; // L:W
	eventfd_write(efd, 1);
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	efd = eventfd(0, 0);
	other = eventfd(0, 0);
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	eventfd_t v;
	eventfd_read(other, &v);
	int d = data; // L:R
	step_set(2);
	pthread_join(t, 0);
	return d != 42;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: eventfd_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: eventfd_racy.c:[[W]]:
// CHECK:      Location is global 'data' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: eventfd_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
