// Built with -D_FORTIFY_SOURCE=2, libc calls become __sprintf_chk,
// __strcpy_chk, __memcpy_chk...: checked the same, and reported under the
// name the program wrote (above the inlined fortify wrapper, when clang
// keeps one).
// RUN: %clang_crace -O1 -D_FORTIFY_SOURCE=2 %s -o %t
// RUN: nm -u %t | FileCheck --check-prefix=SYMS %s
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int fds[2];
char line[32], in[32], name[32], copy[32];
const char *volatile src = "source";
volatile size_t len = 7, rlen = sizeof in;

void *worker(void *arg)
{
	int n = line[3]; // L:R1
	n += in[1]; // L:R2
	n += name[2]; // L:R3
	n += copy[4]; // L:R4
	step_set(1);
	step_wait(2);
	return (void *)(long)n;
}

int main(void)
{
	pipe(fds);
	write(fds[1], "data", 4);
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	sprintf(line, "n=%d", 12345); // L:SP
	read(fds[0], in, rlen); // L:RD
	strcpy(name, src); // L:CPY
	memcpy(copy, src, len); // L:MCPY
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// SYMS-DAG: __sprintf_chk
// SYMS-DAG: __strcpy_chk
// SYMS-DAG: __memcpy_chk

// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: sprintf()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: fortify_racy.c:[[SP]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fortify_racy.c:[[R1]]:
// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: read()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: fortify_racy.c:[[RD]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fortify_racy.c:[[R2]]:
// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: strcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: strcpy()
// CHECK-NEXT: string_fortified.h:
// CHECK-NEXT: main()
// CHECK-NEXT: fortify_racy.c:[[CPY]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fortify_racy.c:[[R3]]:
// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: memcpy()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: memcpy()
// CHECK-NEXT: string_fortified.h:
// CHECK-NEXT: main()
// CHECK-NEXT: fortify_racy.c:[[MCPY]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fortify_racy.c:[[R4]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 4 data race(s)
