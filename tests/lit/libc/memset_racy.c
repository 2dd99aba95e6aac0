// libc's memset writes its whole range; the earlier reader is named, and
// both call sites of memset are reported, each once.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>

char buf[64];

void *worker(void *arg)
{
	int sum = buf[10] + buf[50]; // L:R
	step_set(1);
	step_wait(2);
	return (void *)(long)sum;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	memset(buf, 1, 32); // L:SET1
	memset(buf + 32, 2, 32); // L:SET2
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: memset()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: memset_racy.c:[[SET1]]:
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: memset_racy.c:[[R]]:
// CHECK:      Location is global 'buf' of size 64 at
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: memset()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: memset_racy.c:[[SET2]]:
// CHECK:      Previous read at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: memset_racy.c:[[R]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
