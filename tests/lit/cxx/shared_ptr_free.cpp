// std::shared_ptr copies in several threads: the last owner to drop its
// reference runs the deleter, after every other owner's use (acq_rel
// reference count): no race, whichever thread deletes.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

struct Node {
	long value = 0;
	~Node() { value = -1; }
};

int main()
{
	long total = 0;
	for (int round = 0; round < 20; round++) {
		auto p = std::make_shared<Node>();
		p->value = round;
		std::vector<std::thread> ts;
		long seen[3];
		for (int i = 0; i < 3; i++)
			ts.emplace_back([q = p, &seen, i]() mutable {
				seen[i] = q->value;
				q.reset();
			});
		p.reset();
		for (auto &t : ts)
			t.join();
		total += seen[0] + seen[1] + seen[2];
	}
	std::printf("total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=570
// CHECK-NOT: WARNING: DATA RACE
