// A memcpy made by code built without crace (here a helper object file
// compiled with plain clang) is still checked: the report names memcpy()
// and the helper that called it.
// RUN: %clang_plain -g -O1 -fno-builtin -DHELPER -c %s -o %t.helper.o
// RUN: %clang_crace -O1 %s %t.helper.o -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <string.h>

#ifdef HELPER
void copy_bytes(void *dst, const void *src, size_t n)
{
	memcpy(dst, src, n); // L:CPY
}
#else
#include "order.h"
#include <pthread.h>

void copy_bytes(void *dst, const void *src, size_t n);
char src[16], dst[16];

void *worker(void *arg)
{
	src[3] = 'x'; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	copy_bytes(dst, src, sizeof src);
	step_set(2);
	pthread_join(t, 0);
	return dst[3] != 'x';
}
#endif

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT: memcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: copy_bytes()
// CHECK-NEXT: uninstrumented_caller.c:[[CPY]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: uninstrumented_caller.c:[[W]]:
// CHECK:      Location is global 'src' of size 16
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
