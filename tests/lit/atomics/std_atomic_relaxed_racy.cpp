// std::atomic with memory_order_relaxed orders nothing: the data it
// "guards" races.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <atomic>
#include <thread>

long data;
std::atomic<bool> ready{false};

int main()
{
	std::thread t([] {
		data = 17; // L:W
		ready.store(true, std::memory_order_relaxed);
	});
	while (!ready.load(std::memory_order_relaxed))
		std::this_thread::yield();
	long v = data; // L:R
	t.join();
	return v != 17;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main
// CHECK-NEXT: std_atomic_relaxed_racy.cpp:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: std_atomic_relaxed_racy.cpp:[[W]]:
// CHECK:      Found 1 data race(s)
