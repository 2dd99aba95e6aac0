// std::shared_mutex: a writer's unique_lock section is ordered with the
// readers' shared_lock sections.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

std::shared_mutex mu;
std::map<std::string, int> table;

int main()
{
	std::vector<std::thread> ts;
	for (int w = 0; w < 2; w++)
		ts.emplace_back([w] {
			for (int i = 0; i < 50; i++) {
				std::unique_lock<std::shared_mutex> g(mu);
				table["k" + std::to_string(i % 5)] += w + 1;
			}
		});
	long found[2] = {0, 0};
	for (int r = 0; r < 2; r++)
		ts.emplace_back([r, &found] {
			for (int i = 0; i < 50; i++) {
				std::shared_lock<std::shared_mutex> g(mu);
				auto it = table.find("k" + std::to_string(i % 5));
				found[r] += it != table.end();
			}
		});
	for (auto &t : ts)
		t.join();
	std::printf("k0=%d\n", table["k0"]);
	return found[0] < 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: k0=30
// CHECK-NOT: WARNING: DATA RACE
