// Every form of operator new and delete is tracked: aligned (align_val_t)
// and nothrow new name themselves in Location, and aligned, sized and
// array deletes are writes. One race per form.
// RUN: %clangxx_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <new>
#include <thread>

struct alignas(64) Wide {
	long v[8];
};

Wide *w;
long *nt, *arr;

int main()
{
	w = new Wide();		      // L:NA
	nt = new (std::nothrow) long(3); // L:NN
	arr = new long[4]();	      // L:NAR
	std::thread t([] {
		w->v[1] = 1;  // L:W1
		nt[0] = 2;    // L:W2
		arr[1] = 3;   // L:W3
		step_set(1);
		step_wait(2);
	});
	step_wait(1);
	delete w;   // L:D1
	operator delete(nt, std::nothrow); // L:D2
	delete[] arr; // L:D3
	step_set(2);
	t.join();
	return 0;
}

// CHECK:      Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: operator delete(void*, {{(unsigned long, )?}}std::align_val_t)
// CHECK:      new_delete_forms_racy.cpp:[[D1]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: new_delete_forms_racy.cpp:[[W1]]:
// CHECK:      Location is heap block of size 64 at {{.*}} allocated by main thread:
// CHECK-NEXT: operator new(unsigned long, std::align_val_t)
// CHECK:      new_delete_forms_racy.cpp:[[NA]]:

// CHECK:      Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: operator delete(void*, std::nothrow_t const&)
// CHECK:      new_delete_forms_racy.cpp:[[D2]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: new_delete_forms_racy.cpp:[[W2]]:
// CHECK:      Location is heap block of size 8 at {{.*}} allocated by main thread:
// CHECK-NEXT: operator new(unsigned long, std::nothrow_t const&)
// CHECK:      new_delete_forms_racy.cpp:[[NN]]:

// CHECK:      Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: operator delete[](void*{{(, unsigned long)?}})
// CHECK:      new_delete_forms_racy.cpp:[[D3]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: operator()
// CHECK-NEXT: new_delete_forms_racy.cpp:[[W3]]:
// CHECK:      Location is heap block of size 32 at {{.*}} allocated by main thread:
// CHECK-NEXT: operator new[](unsigned long)
// CHECK:      new_delete_forms_racy.cpp:[[NAR]]:
// CHECK:      Found 3 data race(s)
