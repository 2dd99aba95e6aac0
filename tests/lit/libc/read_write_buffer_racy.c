// read() writes the bytes it returns into the buffer; write() reads the
// buffer it sends. Each races with the worker's unordered access.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <unistd.h>

int fds[2];
char in[16], out[16] = "message";

void *worker(void *arg)
{
	int n = in[2]; // L:R
	out[3] = 'S'; // L:W
	step_set(1);
	step_wait(2);
	return (void *)(long)n;
}

int main(void)
{
	pipe(fds);
	pthread_t t;
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	write(fds[1], out, 8); // L:WRITE
	read(fds[0], in, sizeof in); // L:READ
	step_set(2);
	pthread_join(t, 0);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT: write()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: read_write_buffer_racy.c:[[WRITE]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: read_write_buffer_racy.c:[[W]]:
// CHECK:      Location is global 'out' of size 16
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: read_write_buffer_racy.c:[[C]]:
// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at {{.*}} by main thread:
// CHECK-NEXT: read()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: read_write_buffer_racy.c:[[READ]]:
// CHECK:      Previous read at {{.*}} by thread T1:
// CHECK-NEXT: worker()
// CHECK-NEXT: read_write_buffer_racy.c:[[R]]:
// CHECK:      Location is global 'in' of size 16
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      Found 2 data race(s)
