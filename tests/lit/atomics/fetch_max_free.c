// Atomic max/min and float add have no hook of their own; the pass turns them
// into a compare-exchange loop over the atomic hooks, so concurrent correct
// updates are not reported and the results stay right. The plain counter
// updated by both threads is still a race.
// RUN: %clang_crace -O2 %s -o %t
// RUN: %expect_exit 0 %run %t | FileCheck --check-prefix=FREE %s
// RUN: %expect_exit 66 %run %t plain | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>

static long hi, lo;
static double sum;
static int plain;
static int use_plain;

static void *worker(void *arg)
{
	long base = (long)arg;
	for (long i = 0; i < 1000; i++) {
		__atomic_fetch_max(&hi, base + i, __ATOMIC_RELAXED);
		__atomic_fetch_min(&lo, -(base + i), __ATOMIC_RELAXED);
		__atomic_fetch_add(&sum, 1.0, __ATOMIC_RELAXED);
	}
	if (use_plain)
		plain++; // L:P
	return NULL;
}

int main(int argc, char **argv)
{
	(void)argv;
	use_plain = argc > 1;
	pthread_t a, b;
	pthread_create(&a, NULL, worker, (void *)0);
	pthread_create(&b, NULL, worker, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("hi=%ld lo=%ld sum=%.0f\n", hi, lo, sum);
	return 0;
}

// FREE-NOT: WARNING: DATA RACE
// FREE: hi=1000 lo=-1000 sum=2000
// FREE-NOT: WARNING: DATA RACE

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at {{.*}} by thread T{{[12]}}:
// CHECK-NEXT:   worker()
// CHECK-NEXT:       {{.*}}fetch_max_free.c:[[P]]:
// CHECK:      Previous write at {{.*}} by thread T{{[12]}}:
// CHECK-NEXT:   worker()
// CHECK-NEXT:       {{.*}}fetch_max_free.c:[[P]]:
// CHECK:      Location is global 'plain' of size 4
// CHECK:      Found 1 data race(s)
