// The guard publishes the initialised object, not what a thread writes
// into it afterwards: such a write races with another thread's read.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <thread>

struct Counter {
	long hits = 0;
};

__attribute__((noinline)) Counter &counter()
{
	static Counter c;
	return c;
}

int main()
{
	std::thread t([] {
		counter().hits++; // L:W
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	long v = counter().hits; // L:R
	step_set(2);
	t.join();
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main
// CHECK-NEXT: static_init_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: static_init_racy.cpp:[[W]]:
// CHECK:      Location is global 'counter()::c'
// CHECK:      Found 1 data race(s)
