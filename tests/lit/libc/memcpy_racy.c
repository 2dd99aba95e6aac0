// memcpy called as a libc function (-fno-builtin keeps the call): its
// reads and writes are checked, with memcpy() as the top frame.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>

char src[32], dst[32];

void *worker(void *arg)
{
	src[20] = 'x'; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	memcpy(dst, src, sizeof src); // L:CPY
	step_set(2);
	pthread_join(t, 0);
	return dst[20] != 'x';
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: memcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: memcpy_racy.c:[[CPY]]:
// CHECK:      Previous write at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: memcpy_racy.c:[[W]]:
// CHECK:      Location is global 'src' of size 32 at
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: memcpy_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
