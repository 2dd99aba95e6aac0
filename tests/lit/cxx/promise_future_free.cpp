// std::promise/std::future: set_value's writes are ordered before get().
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <future>
#include <string>
#include <thread>

std::string report;

int main()
{
	std::promise<int> pr;
	std::future<int> fu = pr.get_future();
	std::thread t([&pr] {
		report = "computed";
		pr.set_value(42);
	});
	int v = fu.get();
	std::printf("%s %d\n", report.c_str(), v);
	t.join();
	auto a = std::async(std::launch::async, [] { return report.size(); });
	std::printf("len=%zu\n", a.get());
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: computed 42
// CHECK: len=8
// CHECK-NOT: WARNING: DATA RACE
