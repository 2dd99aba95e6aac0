// crace-c++ builds C++ (separate compile and link steps too) and crace-run
// runs it.
// RUN: %crace_cxx -O1 -std=c++17 -c %s -o %t.o
// RUN: %crace_cxx %t.o -o %t
// RUN: %expect_exit 66 %crace_run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <thread>
#include <vector>

std::vector<int> results(4);

int main()
{
	std::thread t([] {
		results[1] = 10; // L:W
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	int r = results[1]; // L:R
	step_set(2);
	t.join();
	return r != 10;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK:      crace_cxx_e2e.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK:      crace_cxx_e2e.cpp:[[W]]:
// CHECK:      Location is heap block of size 16 at
// CHECK:      Found 1 data race(s)
