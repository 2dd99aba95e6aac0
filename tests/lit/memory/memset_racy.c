// memset and memcpy are checked as ranges of accesses.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>

char buffer[256];
char copy[64];

void *worker(void *arg)
{
	memset(buffer, 'x', sizeof buffer); // L:SET
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	memcpy(copy, buffer + 100, sizeof copy); // L:CPY
	step_set(2);
	pthread_join(t, 0);
	return copy[0] != 'x';
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at 0x{{[0-9a-f]+}} by main thread:
// CHECK:      main()
// CHECK-NEXT: memset_racy.c:[[CPY]]:
// CHECK:      Previous write at 0x{{[0-9a-f]+}} by thread T1:
// CHECK:      worker()
// CHECK-NEXT: memset_racy.c:[[SET]]:
// CHECK:      Location is global 'buffer' of size 256 at 0x{{[0-9a-f]+}}
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
