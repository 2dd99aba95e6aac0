// snprintf and sprintf write the bytes they produce, NUL included, into
// the caller's buffer.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

char line[32], word[32];

void *worker(void *arg)
{
	int n = line[5]; // L:R1
	n += word[3]; // L:R2
	step_set(1);
	step_wait(2);
	return (void *)(long)n;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	snprintf(line, sizeof line, "value=%d", 42); // L:SNP
	sprintf(word, "%d", 123); // L:SP
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: snprintf()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: snprintf_racy.c:[[SNP]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: snprintf_racy.c:[[R1]]:
// CHECK:      Location is global 'line' of size 32
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: snprintf_racy.c:[[C]]:
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: sprintf()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: snprintf_racy.c:[[SP]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: snprintf_racy.c:[[R2]]:
// CHECK:      Location is global 'word' of size 32
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
