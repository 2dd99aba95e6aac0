// Memory the program maps itself is checked like any other.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <sys/mman.h>

int *region;

void *worker(void *arg)
{
	region[100] = 1; // L:W
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	region = mmap(0, 1 << 16, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED)
		return 1;
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = region[100]; // L:R
	step_set(2);
	pthread_join(t, 0);
	munmap(region, 1 << 16);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: main()
// CHECK-NEXT: mmap_racy.c:[[R]]:
// CHECK:      Previous write at [[ADDR]] by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: mmap_racy.c:[[W]]:
// CHECK:      Found 1 data race(s)
