// std::call_once orders only the callable's effects: a write the
// initialising thread makes after call_once returns races with another
// caller's read.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <cstdio>
#include <mutex>
#include <thread>

std::once_flag flag;
int table_size;
int hits;

void init()
{
	table_size = 64;
}

int main()
{
	std::thread first([] {
		std::call_once(flag, init);
		hits = 1; // L:W
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	std::call_once(flag, init);
	int h = hits; // L:R
	step_set(2);
	first.join();
	std::printf("size=%d hits=%d\n", table_size, h);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: call_once_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: call_once_racy.cpp:[[W]]:
// CHECK:      Location is global 'hits' of size 4 at [[ADDR]]
// CHECK-NOT:  'table_size'
// CHECK:      size=64 hits=1
// CHECK:      Found 1 data race(s)
