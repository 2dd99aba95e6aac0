// Shared (reader) sections of a std::shared_mutex do not order each other:
// a write inside one races with a read inside another.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <shared_mutex>
#include <thread>

std::shared_mutex mu;
long reads;

int main()
{
	std::thread t([] {
		{
			std::shared_lock<std::shared_mutex> g(mu);
			reads++; // L:W
		}
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	long v;
	{
		std::shared_lock<std::shared_mutex> g(mu);
		v = reads; // L:R
	}
	step_set(2);
	t.join();
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main
// CHECK-NEXT: shared_mutex_readers_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: shared_mutex_readers_racy.cpp:[[W]]:
// CHECK:      Found 1 data race(s)
