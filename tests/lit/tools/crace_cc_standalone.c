// An executable linked by crace-cc loads the runtime by itself: it runs
// and reports without crace-run (so ./configure and meson, which run the
// programs they compile, work with CC=crace-cc), and under crace-run the
// runtime is still loaded once. Compile-only, shared-library and
// version-query invocations are left alone.
// RUN: %crace_cc -O1 %s -o %t
// RUN: %expect_exit 66 %t | FileCheck %s $(%markers %s)
// RUN: %expect_exit 66 %crace_run %t | FileCheck %s --check-prefix=ONCE
// RUN: %crace_cc -O1 -c %s -o %t.o
// RUN: %crace_cc %t.o -o %t.linked
// RUN: %expect_exit 66 %t.linked | FileCheck %s $(%markers %s)
// RUN: readelf -d %t.linked | FileCheck %s --check-prefix=NEEDED -DLIB=%libcrace
// RUN: %crace_cc -O1 -shared -fPIC %s -o %t.so
// RUN: readelf -d %t.so | FileCheck %s --check-prefix=SHARED
// RUN: %crace_cc --version | FileCheck %s --check-prefix=VERSION
// RUN: %crace_cc -v 2>&1 | FileCheck %s --check-prefix=VERSION
// A configure-style check: compile a program and run it as it is.
// RUN: printf 'int main(void) { return 0; }\n' > %t.conftest.c
// RUN: %crace_cc %t.conftest.c -o %t.conftest && %t.conftest
#include "order.h"
#include <pthread.h>

int counter;

void *worker(void *arg)
{
	counter = 1; // L:W
	step_set(1);
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	step_wait(1);
	int v = counter; // L:R
	pthread_join(t, 0);
	return v != 1;
}

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Read at {{.*}} by main thread:
// CHECK-NEXT:   main()
// CHECK-NEXT:     crace_cc_standalone.c:[[R]]:
// CHECK:      Previous write at {{.*}} by thread T1:
// CHECK-NEXT:   worker()
// CHECK-NEXT:     crace_cc_standalone.c:[[W]]:
// CHECK:      Found 1 data race(s)

// ONCE:     WARNING: DATA RACE
// ONCE-NOT: WARNING: DATA RACE
// ONCE:     Found 1 data race(s)

// The runtime is the first needed library, before libc.
// NEEDED:     (NEEDED) Shared library: {{\[}}[[LIB]]]
// NEEDED-NEXT: (NEEDED)
// NEEDED-NOT: libcrace

// SHARED-NOT: libcrace

// VERSION: clang version
// VERSION-NOT: error
