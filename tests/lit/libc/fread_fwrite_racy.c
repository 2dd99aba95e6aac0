// fread writes the items it read into the buffer; fwrite reads the items
// it writes. Each races with the worker's unordered access.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t %t.tmp | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>

char out[16] = "0123456789", in[16];

void *worker(void *arg)
{
	out[4] = 'x'; // L:W
	int n = in[1]; // L:R
	step_set(1);
	step_wait(2);
	return (void *)(long)n;
}

int main(int argc, char **argv)
{
	FILE *f = fopen(argc > 1 ? argv[1] : "crace-fread.tmp", "w+");
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	fwrite(out, 1, 10, f); // L:FW
	rewind(f);
	fread(in, 2, 5, f); // L:FR
	step_set(2);
	pthread_join(t, 0);
	fclose(f);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT: fwrite()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: fread_fwrite_racy.c:[[FW]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fread_fwrite_racy.c:[[W]]:
// CHECK:      Location is global 'out' of size 16
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: fread_fwrite_racy.c:[[C]]:
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: fread()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: fread_fwrite_racy.c:[[FR]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: fread_fwrite_racy.c:[[R]]:
// CHECK:      Location is global 'in' of size 16
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
