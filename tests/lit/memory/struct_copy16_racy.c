// A 16-byte struct assignment races with a read of its second member.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

struct range {
	long lo, hi;
};
struct range current;

__attribute__((noinline)) static void set_range(struct range r)
{
	current = r; // L:COPY
}

void *worker(void *arg)
{
	step_wait(1);
	struct range r = {3, 4};
	set_range(r);
	step_set(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	long hi = current.hi; // L:R
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	return (int)hi;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: set_range()
// CHECK-NEXT: struct_copy16_racy.c:[[COPY]]:
// CHECK-NEXT: worker()
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: struct_copy16_racy.c:[[R]]:
// CHECK:      Location is global 'current' of size 16 at 0x{{[0-9a-f]+}}
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
