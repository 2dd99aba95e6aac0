// Accesses inside an instrumented shared library are checked like the
// program's own. Each module keeps its own copy of the running thread's
// epoch for the pass's inline fast path (crace_abi.h); if the library's
// copy missed the main thread's clock tick at its unlock, the second put()
// would look like a repeat of the first one's epoch and the race with the
// other thread's get() in between would go unseen.
// RUN: %clang_crace -O1 -fPIC -shared -DLIB %s -o %t.so
// RUN: %clang_crace -O1 %s %t.so -o %t
// RUN: %expect_exit 66 %run %t | FileCheck %s $(%markers %s)
#include "order.h"
#include <pthread.h>

#ifdef LIB
int shared_value;

void put(int v)
{
	shared_value = v; // L:PUT
}

int get(void)
{
	return shared_value; // L:GET
}
#else
void put(int v);
int get(void);

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	step_wait(1);
	pthread_mutex_lock(&m);
	int v = get(); // L:CALLGET
	pthread_mutex_unlock(&m);
	step_set(2);
	return (void *)(long)v;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	put(1);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	step_set(1);
	step_wait(2);
	put(2); // L:CALLPUT
	pthread_join(t, 0);
	return 0;
}
#endif

// CHECK:      WARNING: DATA RACE
// CHECK-NEXT: Write at [[ADDR:0x[0-9a-f]+]] by main thread:
// CHECK-NEXT: {{^  }}put()
// CHECK-NEXT: shared_library_racy.c:[[PUT]]:{{[0-9]+}} +0x
// CHECK-NEXT: {{^  }}main()
// CHECK-NEXT: shared_library_racy.c:[[CALLPUT]]:{{[0-9]+}} +0x
// CHECK-EMPTY:
// CHECK-NEXT: Previous read at [[ADDR]] by thread T1:
// CHECK-NEXT: {{^  }}get()
// CHECK-NEXT: shared_library_racy.c:[[GET]]:{{[0-9]+}} +0x
// CHECK-NEXT: {{^  }}worker()
// CHECK-NEXT: shared_library_racy.c:[[CALLGET]]:{{[0-9]+}} +0x
// CHECK:      Location is global 'shared_value' of size 4 at [[ADDR]]
// CHECK:      Found 1 data race(s)
