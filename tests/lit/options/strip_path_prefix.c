// strip_path_prefix removes a prefix from the file paths in reports.
// RUN: %clang_crace -O1 %s -o %t
// RUN: env CRACE_OPTIONS=strip_path_prefix=%S/ %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int x;

void *worker(void *arg)
{
	x = 1; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	x = 2; // L:W2
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      Write at {{.*}} by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: {{^      }}strip_path_prefix.c:[[W2]]:{{[0-9]+}} +0x
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: {{^      }}strip_path_prefix.c:[[W]]:{{[0-9]+}} +0x
// CHECK:      Thread T1 (running) created at:
// CHECK:      {{^      }}strip_path_prefix.c:[[C]]:{{[0-9]+}} +0x
