// The searching and comparing family reads up to where its answer was
// found: strchr, strrchr, strstr, memchr, strcmp, strcasecmp, memcmp each
// race with the worker's write inside that extent.
// RUN: %clang_crace -O1 -fno-builtin %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <string.h>
#include <strings.h>

char s1[16] = "hello", s2[16] = "hello", s3[16] = "hello", s4[16] = "hello";
char s5[16] = "hello", s6[16] = "hello", s7[16] = "hello";

void *worker(void *arg)
{
	s1[1] = 'E'; // L:W1
	s2[1] = 'E'; // L:W2
	s3[1] = 'E'; // L:W3
	s4[1] = 'E'; // L:W4
	s5[1] = 'E'; // L:W5
	s6[1] = 'E'; // L:W6
	s7[1] = 'E'; // L:W7
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int r = strchr(s1, 'l') != 0; // L:CHR
	r += strrchr(s2, 'h') != 0; // L:RCHR
	r += strstr(s3, "lo") != 0; // L:STR
	r += memchr(s4, 'o', 16) != 0; // L:MCHR
	r += strcmp(s5, "hello") == 0; // L:CMP
	r += strcasecmp(s6, "HELLO") == 0; // L:CASE
	r += memcmp(s7, "hello", 6) == 0; // L:MCMP
	step_set(2);
	pthread_join(t, 0);
	return r == 0;
}

// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: strchr()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[CHR]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W1]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: strrchr()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[RCHR]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W2]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: strstr()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[STR]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W3]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: memchr()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[MCHR]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W4]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: strcmp()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[CMP]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W5]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: strcasecmp()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[CASE]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W6]]:
// CHECK:      Read at {{.*}} by main thread:
// CHECK-NEXT: memcmp()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: str_search_racy.c:[[MCMP]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: str_search_racy.c:[[W7]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 7 data race(s)
