// Exceptions thrown through instrumented frames in two threads, each
// holding a std::lock_guard that the unwinding releases: no report.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>

std::mutex m;
long total;

__attribute__((noinline)) void add_and_throw(int n)
{
	if (n)
		add_and_throw(n - 1);
	std::lock_guard<std::mutex> g(m);
	total += 1;
	throw std::runtime_error("done");
}

void work()
{
	for (int i = 0; i < 2000; i++) {
		try {
			add_and_throw(i % 5);
		} catch (const std::runtime_error &) {
		}
	}
}

int main()
{
	std::thread t(work);
	work();
	t.join();
	std::printf("total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK:     total=4000
// CHECK-NOT: WARNING: DATA RACE
