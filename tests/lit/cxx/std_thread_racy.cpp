// std::thread races like pthreads: the report names the threads the same way.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <thread>

int hits;

void worker()
{
	hits++; // L:W
	step_set(1);
	step_wait(2);
}

int main()
{
	std::thread t(worker);
	step_wait(1);
	int h = hits; // L:R
	step_set(2);
	t.join();
	return h != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main
// CHECK-NEXT: std_thread_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker
// CHECK-NEXT: std_thread_racy.cpp:[[W]]:
// CHECK:      Location is global 'hits' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK:      main()
// CHECK:      Found 1 data race(s)
