// std::call_once: the callable's effects are ordered before every caller's
// return.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

std::once_flag flag;
std::vector<int> *primes;

void init()
{
	primes = new std::vector<int>{2, 3, 5, 7, 11};
}

int main()
{
	int got[3];
	std::vector<std::thread> ts;
	for (int i = 0; i < 3; i++)
		ts.emplace_back([&got, i] {
			std::call_once(flag, init);
			got[i] = (*primes)[i + 2];
		});
	for (auto &t : ts)
		t.join();
	std::printf("%d %d %d\n", got[0], got[1], got[2]);
	delete primes;
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: 5 7 11
// CHECK-NOT: WARNING: DATA RACE
