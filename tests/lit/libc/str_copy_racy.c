// The copying family: strncpy, stpcpy, strcat and strncat each write the
// bytes they produce (strncpy its padding too) and read their sources.
// Each races with the worker's earlier access to its buffer.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>

char b1[16], b2[16], b3[16] = "ab", b4[16] = "ab", src[16] = "xyz";

void *worker(void *arg)
{
	int sum = b1[10]; // L:R1
	sum += b2[3]; // L:R2
	b3[0] = 'A'; // L:W3
	sum += b4[5]; // L:R4
	step_set(1);
	step_wait(2);
	return (void *)(long)sum;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	strncpy(b1, src, sizeof b1); // L:NCPY
	stpcpy(b2, src); // L:STP
	strcat(b3, src); // L:CAT
	strncat(b4, src, 10); // L:NCAT
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: strncpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_copy_racy.c:[[NCPY]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_copy_racy.c:[[R1]]:
// CHECK:      Location is global 'b1'
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: stpcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_copy_racy.c:[[STP]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_copy_racy.c:[[R2]]:
// CHECK:      Location is global 'b2'
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT: strcat()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_copy_racy.c:[[CAT]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_copy_racy.c:[[W3]]:
// CHECK:      Location is global 'b3'
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: strncat()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_copy_racy.c:[[NCAT]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_copy_racy.c:[[R4]]:
// CHECK:      Location is global 'b4'
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 4 data race(s)
