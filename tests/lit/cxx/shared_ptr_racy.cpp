// shared_ptr makes its reference count thread-safe, not the object: two
// copies writing the pointee race (and only the pointee is reported).
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <cstdio>
#include <memory>
#include <thread>

struct Stats {
	long requests;
};

int main()
{
	auto stats = std::make_shared<Stats>();
	std::thread worker([copy = stats] {
		copy->requests = 1; // L:W
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	stats->requests = 2; // L:M
	step_set(2);
	worker.join();
	std::printf("requests=%ld uses=%ld\n", stats->requests,
		    stats.use_count());
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: shared_ptr_racy.cpp:[[M]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: shared_ptr_racy.cpp:[[W]]:
// CHECK:      Location is heap block
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      requests=2 uses=1
// CHECK:      Found 1 data race(s)
