// Both accesses made by libc functions: strlen reads what strcpy wrote.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>

char name[32];

void *worker(void *arg)
{
	strcpy(name, "worker"); // L:CPY
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	size_t n = strlen(name); // L:LEN
	step_set(2);
	pthread_join(t, 0);
	return n != 6;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: strlen()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: strlen_racy.c:[[LEN]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: strcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: worker()
// CHECK-NEXT: strlen_racy.c:[[CPY]]:
// CHECK:      Location is global 'name' of size 32 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: strlen_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
