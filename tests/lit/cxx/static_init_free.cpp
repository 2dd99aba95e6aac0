// Function-local statics: the thread that runs the initialiser publishes
// the object through __cxa_guard_release; threads that find it initialised
// (in __cxa_guard_acquire or clang's inlined guard check) see it whole.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

struct Registry {
	std::vector<std::string> names;
	int version;
	Registry() : names{"alpha", "beta"}, version(7) {}
};

__attribute__((noinline)) Registry &registry()
{
	static Registry r;
	return r;
}

int main()
{
	std::vector<std::thread> ts;
	size_t lens[4];
	for (int i = 0; i < 4; i++)
		ts.emplace_back([&lens, i] {
			Registry &r = registry();
			lens[i] = r.names[i % 2].size() + r.version;
		});
	for (auto &t : ts)
		t.join();
	std::printf("%zu %zu %d\n", lens[0] + lens[1], lens[2] + lens[3],
		    registry().version);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: 23 23 7
// CHECK-NOT: WARNING: DATA RACE
