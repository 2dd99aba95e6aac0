// std::atomic_thread_fence(release/acquire) with relaxed std::atomic
// operations: the C++ fence pairing orders the data (ThreadSanitizer
// reports a false race here).
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

std::vector<int> results;
std::atomic<int> ready{0};

int main()
{
	std::thread t([] {
		results = {1, 2, 3};
		std::atomic_thread_fence(std::memory_order_release);
		ready.store(1, std::memory_order_relaxed);
	});
	while (!ready.load(std::memory_order_relaxed))
		std::this_thread::yield();
	std::atomic_thread_fence(std::memory_order_acquire);
	std::printf("n=%zu last=%d\n", results.size(), results.back());
	t.join();
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: n=3 last=3
// CHECK-NOT: WARNING: DATA RACE
