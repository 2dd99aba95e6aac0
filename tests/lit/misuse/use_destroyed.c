// Locking a destroyed mutex (glibc answers EINVAL). The report shows where
// it was destroyed. Initialising it again makes it a new, usable mutex.
// RUN: %clang_crace -O1 %s -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include <pthread.h>
#include <stdio.h>
#include <string.h>

pthread_mutex_t mu;

int main(void)
{
	pthread_mutex_init(&mu, 0); // L:INIT
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	pthread_mutex_destroy(&mu); // L:DESTROY
	int r = pthread_mutex_lock(&mu); // L:USE
	fprintf(stderr, "lock after destroy: %s\n", strerror(r));
	pthread_mutex_init(&mu, 0);
	r = pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	pthread_mutex_destroy(&mu);
	fprintf(stderr, "lock after init: %s\n", strerror(r));
	return 0;
}

// CHECK:      WARNING: USE OF A DESTROYED MUTEX
// CHECK-NEXT: Mutex M1 ({{0x[0-9a-f]+}}) used by main thread after it was destroyed:
// CHECK-NEXT: pthread_mutex_lock()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: use_destroyed.c:[[USE]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 destroyed by main thread here:
// CHECK-NEXT: pthread_mutex_destroy()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: use_destroyed.c:[[DESTROY]]:
// CHECK-EMPTY:
// CHECK-NEXT: Mutex M1 (global 'mu') created at:
// CHECK-NEXT: pthread_mutex_init()
// CHECK-NEXT: libcrace.so
// CHECK-NEXT: main()
// CHECK-NEXT: use_destroyed.c:[[INIT]]:
// CHECK-NEXT: ==================
// CHECK-NEXT: lock after destroy: Invalid argument
// CHECK-NEXT: lock after init: Success
// CHECK-NEXT: Found 1 mutex misuse(s)
