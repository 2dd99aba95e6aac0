// The parent writes after pthread_create while the child reads: the create
// edge covers only what came before it.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

int config;

void *worker(void *arg)
{
	step_wait(1);
	int v = config; // L:R
	step_set(2);
	return (void *)(long)v;
}

int main(void)
{
	pthread_t t;
	config = 1; /* before the create: no race */
	pthread_create(&t, 0, worker, 0); // L:C
	config = 2; // L:W
	step_set(1);
	step_wait(2);
	pthread_join(t, 0);
	config = 3; /* after the join: no race */
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by thread T1:
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: {{^      /.*}}create_racy.c:[[R]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous write at [[ADDR]] by main thread:
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: {{^      /.*}}create_racy.c:[[W]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'config' of size 4 at [[ADDR]]
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: {{^  }}pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: create_racy.c:[[C]]:{{[0-9]+}} +0x
// CHECK:      ==================
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 1 data race(s)
