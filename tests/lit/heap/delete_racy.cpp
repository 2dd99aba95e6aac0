// operator delete writes the object: deleting it while another thread
// still reads it is a race, named by the delete's own form.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <thread>

struct Point {
	long x, y;
};
long seen;

int main()
{
	Point *p = new Point{1, 2}; // L:N
	std::thread t([p] {
		seen = p->y; // L:R
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	delete p; // L:D
	step_set(2);
	t.join();
	return seen != 2;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: operator delete(void*{{(, unsigned long)?}})
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main
// CHECK-NEXT: delete_racy.cpp:[[D]]:
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: delete_racy.cpp:[[R]]:
// CHECK:      Location is heap block of size 16 at {{.*}} allocated by main thread:
// CHECK-NEXT: operator new(unsigned long)
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: delete_racy.cpp:[[N]]:
// CHECK:      Found 1 data race(s)
