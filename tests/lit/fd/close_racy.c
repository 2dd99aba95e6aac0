// Closing an fd while another thread still uses it is a race on the fd;
// the report says which fd and where it was created (text, JSON, and the
// gate's rendering of the JSON).
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
// RUN: %expect_exit 66 env CRACE_OPTIONS=report_format=json %run %t \
// RUN:   | FileCheck %s --check-prefix=JSON $(%markers %s)
// RUN: %expect_exit 66 %crace_gate -- %t \
// RUN:   | FileCheck %s --check-prefix=GATE $(%markers %s)
#include "order.h"
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

int fds[2];

void *worker(void *arg)
{
	write(fds[1], "x", 1); // L:USE
	step_set(1);
	step_wait(2);
	return arg;
}

int main(void)
{
	pthread_t t;
	pipe(fds); // L:PIPE
	pthread_create(&t, 0, worker, 0); // L:C
	step_wait(1);
	close(fds[1]); // L:CLOSE
	step_set(2);
	pthread_join(t, 0);
	fprintf(stderr, "closed fd %d\n", fds[1]);
	return 0;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: close()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: close_racy.c:[[CLOSE]]:
// CHECK:      Previous read at [[ADDR]] by thread T1:
// CHECK-NEXT: write()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: worker()
// CHECK-NEXT: close_racy.c:[[USE]]:
// CHECK:      Location is file descriptor [[FD:[0-9]+]] created by main thread at:
// CHECK-NEXT: pipe()
// CHECK-NEXT: libcrace.so+0x
// CHECK-NEXT: main()
// CHECK-NEXT: close_racy.c:[[PIPE]]:
// CHECK:      Thread T1 (running) created at:
// CHECK-NEXT: pthread_create()
// CHECK-NEXT: +0x
// CHECK-NEXT: main()
// CHECK-NEXT: close_racy.c:[[C]]:
// CHECK-NOT:  WARNING: DATA RACE
// CHECK:      closed fd [[FD]]
// CHECK:      Found 1 data race(s)

// JSON: "locations":[{"kind":"fd","fd":{{[0-9]+}},"thread":0,"stack":[{"function":"pipe",{{.*}}"function":"main","file":"{{[^"]*}}close_racy.c","line":[[PIPE]],

// GATE:      Location is file descriptor {{[0-9]+}} created by main thread at:
// GATE-NEXT: pipe()
// GATE-NEXT: libcrace.so+0x
// GATE-NEXT: main()
// GATE-NEXT: close_racy.c:[[PIPE]]:
