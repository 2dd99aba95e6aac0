// Two threads updating one counter at the same moment on two cores: every
// shadow update is one compare-and-swap of the whole cell, so neither thread
// can erase the other's record and the race is found on every run.
// RUN: %clang_crace -O0 %s -o %t
// RUN: for i in 1 2 3 4 5 6 7 8; do %expect_exit 66 %run %t > %t.out.$i 2>&1 || exit 1; done
// RUN: for i in 1 2 3 4 5 6 7 8; do FileCheck %s $(%markers %s) < %t.out.$i || exit 1; done
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct account {
	long balance;
	pthread_mutex_t mu;
};
static struct account *acct;

static void *teller(void *arg)
{
	for (int i = 0; i < 100000; i++)
		acct->balance += (long)arg; // L:W
	return NULL;
}

int main(void)
{
	acct = calloc(1, sizeof *acct);
	pthread_mutex_init(&acct->mu, NULL);
	pthread_t a, b;
	pthread_create(&a, NULL, teller, (void *)1);
	pthread_create(&b, NULL, teller, (void *)2);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return acct->balance == 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: {{Read|Write}} at {{.*}} by thread T{{[12]}}:
// CHECK-NEXT:   teller()
// CHECK-NEXT:       {{.*}}simultaneous_writers.c:[[W]]:
// CHECK:      Previous write at {{.*}} by thread T{{[12]}}:
// CHECK-NEXT:   teller()
// CHECK-NEXT:       {{.*}}simultaneous_writers.c:[[W]]:
// CHECK:      Location is heap block of size 48 at {{.*}} allocated by main thread:
// CHECK-NEXT:   calloc()
// CHECK:        main()
// CHECK:      Found 1 data race(s)
