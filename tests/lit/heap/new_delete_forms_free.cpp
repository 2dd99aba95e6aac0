// All forms of new/delete, with the object handed over by join: no race,
// and the blocks' memory reused by later allocations carries no history.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck %s
#include <cstdio>
#include <new>
#include <thread>

struct alignas(128) Big {
	long v[16];
};

int main()
{
	long total = 0;
	for (int round = 0; round < 3; round++) {
		Big *a = new Big();
		Big *b = new (std::nothrow) Big();
		long *c = new long[7]();
		long *d = new (std::nothrow) long[5]();
		long *e = static_cast<long *>(
			operator new(sizeof(long), std::align_val_t(256)));
		std::thread t([=] {
			a->v[3] = 1;
			b->v[4] = 2;
			c[5] = 3;
			d[1] = 4;
			*e = 5;
		});
		t.join();
		total += a->v[3] + b->v[4] + c[5] + d[1] + *e;
		std::thread u([=] {
			delete a;
			delete b;
			delete[] c;
			operator delete[](d, std::nothrow);
			operator delete(e, std::align_val_t(256));
		});
		u.join();
	}
	std::printf("total=%ld\n", total);
	return 0;
}

// CHECK-NOT: WARNING: DATA RACE
// CHECK: total=45
// CHECK-NOT: WARNING: DATA RACE
