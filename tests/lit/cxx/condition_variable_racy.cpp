// The producer sets the result after notifying, outside the mutex: the
// consumer's read after the wait returns is not ordered with that write.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready;
int result;

int main()
{
	std::thread producer([] {
		{
			std::lock_guard<std::mutex> g(mu);
			ready = true;
		}
		cv.notify_one();
		result = 42; // L:W
		step_set(1);
		step_wait(2);
	});
	{
		std::unique_lock<std::mutex> g(mu);
		cv.wait(g, [] { return ready; });
	}
	step_wait(1);
	int r = result; // L:R
	step_set(2);
	producer.join();
	std::printf("result=%d\n", r);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: condition_variable_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: condition_variable_racy.cpp:[[W]]:
// CHECK:      Location is global 'result' of size 4 at [[ADDR]]
// CHECK:      result=42
// CHECK:      Found 1 data race(s)
