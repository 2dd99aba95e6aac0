// A write after set_value is not ordered before the getter's read.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <future>
#include <thread>

long late;

int main()
{
	std::promise<int> pr;
	std::future<int> fu = pr.get_future();
	std::thread t([&pr] {
		pr.set_value(1);
		late = 2; // L:W
		step_set(1);
	});
	int v = fu.get();
	step_wait(1);
	v += late; // L:R
	t.join();
	return v != 3;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main
// CHECK-NEXT: future_after_set_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: future_after_set_racy.cpp:[[W]]:
// CHECK:      Found 1 data race(s)
